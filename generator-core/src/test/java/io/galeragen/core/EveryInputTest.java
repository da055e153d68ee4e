package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.output.Manifest;
import io.galeragen.core.values.ValuesSource;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The classes of input issue 15 found crashing, hanging or answered unclearly, each with the answer it gets now:
 * the exact messages are the contract. {@link EveryInputPropertyTest} covers the same classes at random.
 */
class EveryInputTest {

    private static final String MIB = "a".repeat(1 << 20);

    static Stream<Arguments> unusualFiles() {
        return Stream.of(
                // 1. null where a string is expected
                arguments(
                        "galera:\n  sstCredentials:\n    name: null\n",
                        "values.yaml:3: galera.sstCredentials.name: "
                                + "null is not allowed: a Secret name (DNS-1123 subdomain)"),
                arguments(
                        "exporter:\n  credentials:\n    name: ~\n",
                        "values.yaml:3: exporter.credentials.name: null is not allowed: a Secret name (DNS-1123 subdomain)"),
                arguments(
                        "initialUsers:\n  user: app\n  password:\n    name:\n",
                        "values.yaml:4: "
                                + "initialUsers.password.name: null is not allowed: a Secret name (DNS-1123 subdomain)"),
                // 2. lengths: the file, a line, a key, then each key's own limit
                arguments(
                        "clusterDomain: " + MIB + "\n",
                        "values.yaml: more than 1,048,576 bytes are not allowed: a "
                                + "values file is at most 1 MiB (every key at its limit fits in less)"),
                arguments(
                        "# big\nannotations:\n  a: " + "b".repeat(300_000) + "\n",
                        "values.yaml:3: a line of 300,005 "
                                + "characters is not allowed: at most 262,144 (one annotation of 256 KiB with its key; write "
                                + "longer text as a literal block, |)"),
                arguments(
                        "labels:\n  ? " + "k".repeat(400) + "\n  : x\n",
                        "values.yaml:2: labels: \"" + "k".repeat(60)
                                + "...\" (400 characters) is not allowed: a key of at most 317 characters (the longest a label or "
                                + "annotation key can be)"),
                arguments(
                        "clusterDomain: " + "a.".repeat(100_000) + "a\n",
                        "values.yaml:1: clusterDomain: \""
                                + "a.".repeat(30)
                                + "...\" (200,001 characters) is not allowed: at most 253 characters: a "
                                + "DNS-1123 subdomain, e.g. cluster.local"),
                arguments(
                        "monitoring:\n  scrapeInterval: " + "1s".repeat(100_000) + "\n",
                        "values.yaml:2: "
                                + "monitoring.scrapeInterval: \"" + "1s".repeat(30)
                                + "...\" (200,000 characters) is not allowed: "
                                + "at most 32 characters: a Prometheus duration such as 30s or 1m"),
                arguments(
                        "topology:\n  tolerations: [" + "a".repeat(100_000) + "]\n",
                        "values.yaml:2: "
                                + "topology.tolerations[0]: \"" + "a".repeat(60)
                                + "...\" (100,000 characters) is not allowed: at "
                                + "most 398 characters: a taint as kubectl writes it: key=value:Effect, key:Effect or key, with "
                                + "Effect one of NoSchedule, PreferNoSchedule, NoExecute (e.g. dedicated=database:NoSchedule)"),
                arguments(
                        "galera:\n  providerOptions:\n    " + "evs.".repeat(20) + "x: \"1\"\n",
                        "values.yaml:2: "
                                + "galera.providerOptions: \"" + "evs.".repeat(15)
                                + "...\" (81 characters) is not allowed: at "
                                + "most 64 characters: a provider option name such as evs.suspect_timeout"),
                arguments(
                        "images:\n  mariadb: " + "a/".repeat(1000) + "a:1\n",
                        "values.yaml:2: images.mariadb: \""
                                + "a/".repeat(30)
                                + "...\" (2,003 characters) is not allowed: at most 456 characters: an image "
                                + "with a tag or digest, e.g. docker.io/library/mariadb:10.11.14"),
                // 3. nesting, checked while reading
                arguments(
                        "labels: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n",
                        "values.yaml:1: "
                                + "labels[0][0][0]: a list nested 5 deep is not allowed: values nest at most 4 deep (the deepest "
                                + "key is storageClass.cephRbd.provisionerSecret.name)"),
                arguments(
                        "labels: " + "{a: ".repeat(1000) + "x" + "}".repeat(1000) + "\n",
                        "values.yaml:1: labels.a.a.a: "
                                + "a mapping nested 5 deep is not allowed: values nest at most 4 deep (the deepest key is "
                                + "storageClass.cephRbd.provisionerSecret.name)"),
                arguments(
                        blockNesting(990),
                        "values.yaml:5: a.a.a.a: a mapping nested 5 deep is not allowed: values "
                                + "nest at most 4 deep (the deepest key is storageClass.cephRbd.provisionerSecret.name)"),
                // 4. quantities: parsed without expanding, bounded by what a node has
                arguments(
                        "storage:\n  size: \"1e999999999\"\n",
                        "values.yaml:2: storage.size: \"1e999999999\" is not "
                                + "allowed: at most 1Pi: no member holds more (a full SST of 1Pi at 10 Gbit/s takes ten days)"),
                arguments(
                        "resources:\n  memoryLimit: 1e-999999999\n",
                        "values.yaml:2: resources.memoryLimit: " + "1e-999999999 is not allowed: a string"),
                arguments(
                        "resources:\n  memoryLimit: \"1e-999999999\"\n",
                        "values.yaml:2: resources.memoryLimit: "
                                + "\"1e-999999999\" is not allowed: 0, or at least 1m (Kubernetes rounds a smaller quantity up)"),
                arguments(
                        "resources:\n  cpuRequest: \"1e99999999999\"\n",
                        "values.yaml:2: resources.cpuRequest: "
                                + "\"1e99999999999\" is not allowed: at most 4096 cores: more than any node has"),
                arguments(
                        "storage:\n  size: \"0\"\n",
                        "values.yaml:2: storage.size: \"0\" is not allowed: more than 0, "
                                + "e.g. 10Gi (Kubernetes refuses a claim of nothing)"),
                // 6. every YAML type, spelling and encoding
                arguments("replicas: .nan\n", "values.yaml:1: replicas: .nan is not allowed: a whole number"),
                arguments("replicas: .inf\n", "values.yaml:1: replicas: .inf is not allowed: a whole number"),
                arguments(
                        "exporter:\n  port: -.Inf\n",
                        "values.yaml:2: exporter.port: -.Inf is not allowed: a whole number"),
                arguments(
                        "replicas: 1e99999999999\n",
                        "values.yaml:1: replicas: 1e99999999999 is not allowed: a whole number"),
                arguments(
                        "labels:\n  version: .inf\n",
                        "values.yaml:2: labels.version: .inf is not allowed: a string " + "(quote it: \".inf\")"),
                // Past 1,024 characters the parser gives a plain number as text; YAML still reads a number.
                arguments(
                        "replicas: " + "9".repeat(1200) + "\n",
                        "values.yaml:1: replicas: a number of more than "
                                + "1,000 digits is not allowed: whole numbers of at most 10 digits (no key takes a larger one)"),
                arguments(
                        "initialUsers:\n  password:\n    name: " + "9".repeat(1500) + "\n",
                        "values.yaml:3: "
                                + "initialUsers.password.name: a number of more than 1,000 digits is not allowed: whole numbers "
                                + "of at most 10 digits (no key takes a larger one)"),
                arguments(
                        "? [a, b]\n: c\n",
                        "values.yaml:1: a list or mapping as a key is not allowed: keys are text, " + "e.g. team: db"),
                arguments(
                        "labels:\n  &k team: db\n  *k : x\n",
                        "values.yaml:3: labels: an alias as a key is not "
                                + "allowed: values files take no YAML aliases, write the key out"),
                arguments(
                        "name: !!binary aGVsbG8=\n",
                        "values.yaml:1: name: binary data (!!binary) is not allowed: values "
                                + "are text, numbers, true or false, lists and mappings"),
                arguments(
                        "\"\": 3\n",
                        "values.yaml:1: \"\": is not a known key; the keys at the top are name, namespace, "
                                + "createNamespace, replicas, clusterDomain, images, storage, resources, galera, exporter, "
                                + "rootPassword, recoveryPolicy, labels, annotations, storageClass, topology, "
                                + "podDisruptionBudget, monitoring, networkPolicy, security, tls, initialUsers, arbitrator"),
                arguments(
                        "labels:\n  \"\": x\n",
                        "values.yaml:1: labels: \"\" is not allowed: a key such as "
                                + "example.com/team (prefix/name: a DNS subdomain of at most 253 characters, '/', and a name of "
                                + "at most 63)"),
                arguments(
                        "name: db\nlabels:\n  team: \"a\\u0000b\"\n",
                        "values.yaml:3: labels.team: \"a\\u0000b\" is not "
                                + "allowed: a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending "
                                + "alphanumeric"),
                arguments(
                        "name: db\u0007\n",
                        "values.yaml:1: the character U+0007 is not allowed: YAML text has no "
                                + "control characters but tab and line breaks"),
                // 7. counts first
                arguments(labels(129), "values.yaml:1: labels: 129 labels are not allowed: at most 128"),
                arguments(
                        "topology:\n  zones: ["
                                + String.join(
                                        ", ",
                                        IntStream.range(0, 65)
                                                .mapToObj(i -> "z" + i)
                                                .toList()) + "]\n",
                        "values.yaml:2: topology.zones: 65 zones are not allowed: at most 64"),
                arguments(
                        "annotations:\n  a: " + "x".repeat(200_000) + "\n  b: " + "x".repeat(100_000) + "\n",
                        "values.yaml:1: annotations: 300002 bytes of keys and values are not allowed: at most 262080 "
                                + "(Kubernetes allows 256 KiB of annotations per object; galera-gen's own pod annotation "
                                + "takes 64)"));
    }

    @ParameterizedTest
    @MethodSource("unusualFiles")
    void anUnusualValuesFileGetsOneClearProblem(String yaml, String expected) {
        assertThat(problemsOf(ValuesSource.yaml(yaml, "values.yaml")))
                .extracting(Problem::toString)
                .containsExactly(expected);
    }

    static Stream<Arguments> encodings() {
        return Stream.of(
                arguments("UTF-16LE", ""),
                arguments("UTF-16BE", ""),
                arguments("UTF-16LE", "\uFEFF"),
                arguments("UTF-16BE", "\uFEFF"),
                arguments("UTF-32LE", ""),
                arguments("UTF-32BE", "\uFEFF"),
                arguments("UTF-8", "\uFEFF"));
    }

    @ParameterizedTest
    @MethodSource("encodings")
    void everyEncodingYamlAllowsIsRead(String charset, String byteOrderMark, @TempDir Path dir) throws IOException {
        Path file = Files.write(
                dir.resolve("values.yaml"),
                (byteOrderMark + "name: café-db\nstorage:\n  size: dix\n").getBytes(Charset.forName(charset)));

        assertThat(problemsOf(ValuesSource.file(file, "values.yaml")))
                .extracting(Problem::toString)
                .containsExactly(
                        "values.yaml:1: name: \"café-db\" is not allowed: a DNS-1123 label (lowercase letters, digits and '-', "
                                + "starting with a letter)",
                        "values.yaml:3: storage.size: \"dix\" is not allowed: a Kubernetes quantity, e.g. 10Gi");
    }

    @Test
    void bytesThatAreNotTextAreNamedWithTheirLine(@TempDir Path dir) throws IOException {
        Path latin1 = Files.write(
                dir.resolve("latin1.yaml"),
                "name: db\nlabels:\n  team: d\u00e9v\n".getBytes(StandardCharsets.ISO_8859_1));
        Path broken = Files.write(dir.resolve("broken.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, '(', '\n'});

        assertThat(problemsOf(ValuesSource.file(latin1, "latin1.yaml")))
                .extracting(Problem::toString)
                .containsExactly(
                        "latin1.yaml:3: the byte 0xE9 (column 10) is not allowed: UTF-8 text; save the file as UTF-8");
        assertThat(problemsOf(ValuesSource.file(broken, "broken.yaml")))
                .extracting(Problem::toString)
                .containsExactly(
                        "broken.yaml:1: the byte 0xC3 (column 4) is not allowed: UTF-8 text; save the file as UTF-8");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedWithoutBeingReadWhole(@TempDir Path dir) throws IOException {
        Path huge = Files.write(dir.resolve("huge.yaml"), new byte[64 << 20]);

        assertThat(problemsOf(ValuesSource.file(huge, "huge.yaml")))
                .extracting(Problem::toString)
                .containsExactly(
                        "huge.yaml: more than 1,048,576 bytes are not allowed: a values file is at most 1 MiB (every key at "
                                + "its limit fits in less)");
    }

    static Stream<Arguments> unusualSettings() {
        return Stream.of(
                arguments(
                        "labels." + MIB,
                        "x",
                        "<values>: \"labels." + "a".repeat(53) + "...\" (1,048,583 characters) "
                                + "is not allowed: a key path of at most 371 characters (the longest key path, with a label key "
                                + "of 317)"),
                arguments(
                        "clusterDomain",
                        MIB,
                        "<values>: clusterDomain: \"" + "a".repeat(60) + "...\" (1,048,576 "
                                + "characters) is not allowed: at most 253 characters: a DNS-1123 subdomain, e.g. cluster.local"),
                arguments(
                        "topology.tolerations[0]",
                        "k".repeat(1 << 16) + ":NoSchedule",
                        "<values>: "
                                + "topology.tolerations[0]: \"" + "k".repeat(60)
                                + "...\" (65,547 characters) is not allowed: at "
                                + "most 398 characters: a taint as kubectl writes it: key=value:Effect, key:Effect or key, with "
                                + "Effect one of NoSchedule, PreferNoSchedule, NoExecute (e.g. dedicated=database:NoSchedule)"),
                arguments(
                        "rootPassword.name",
                        "",
                        "<values>: rootPassword.name: \"\" is not allowed: a Secret name " + "(DNS-1123 subdomain)"));
    }

    @ParameterizedTest
    @MethodSource("unusualSettings")
    void settingsAreBoundedLikeFiles(String key, String value, String expected) {
        assertThat(problemsOf(ValuesSource.settings(Map.of(key, value), "<values>")))
                .extracting(Problem::toString)
                .containsExactly(expected);
    }

    @Test
    void longListsAreRefusedByTheirCountBeforeTheirItemsAreLookedAt() {
        List<String> zones =
                IntStream.range(0, 100_000).mapToObj(i -> "zone-" + i).toList();
        Map<String, String> labels = new HashMap<>();
        IntStream.range(0, 20_000).forEach(i -> labels.put("example.com/label-" + i, "v"));

        GaleraGenException refused = catchThrowableOfType(
                GaleraGenException.class,
                () -> GaleraCluster.builder()
                        .topology(Defaults.TOPOLOGY.withZones(zones))
                        .labels(labels)
                        .build());

        assertThat(refused.problems())
                .extracting(Problem::toString)
                .containsExactly(
                        "labels: 20000 labels are not allowed: at most 128",
                        "topology.zones: 100000 zones are not allowed: at most 64");
    }

    @Test
    void yamlWordsAsNamesNamespacesAndKeysReadBackAsTheTextTheyAre() {
        GaleraCluster cluster = GaleraGenerator.cluster(List.of(ValuesSource.yaml(
                "name: \"yes\"\nnamespace: \"null\"\n"
                        + "createNamespace: true\nlabels:\n  \"null\": \"on\"\n  \"yes\": \"no\"\n  \"0\": \"1e3\"\n"
                        + "annotations:\n  \"y\": \"~\"\n  \"2001-12-14\": \"\"\n",
                "values.yaml")));

        Rendering rendering = GaleraGenerator.builder().build().render(cluster);

        org.yaml.snakeyaml.Yaml yaml11 = new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
        for (Manifest manifest : rendering.manifests()) {
            Map<String, Object> metadata = yaml11.<Map<String, Map<String, Object>>>load(manifest.yaml())
                    .get("metadata");
            assertThat(metadata.get("name"))
                    .as(manifest.id())
                    .isEqualTo(manifest.kind().equals("Namespace") ? "null" : manifest.name());
            assertThat(manifest.name()).startsWith(manifest.kind().equals("Namespace") ? "null" : "yes");
            if (!manifest.kind().equals("Namespace")) {
                assertThat(metadata.get("namespace")).as(manifest.id()).isEqualTo("null");
            }
            assertThat(metadata.get("labels"))
                    .as(manifest.id())
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("null", "on")
                    .containsEntry("yes", "no")
                    .containsEntry("0", "1e3");
            assertThat(metadata.get("annotations"))
                    .as(manifest.id())
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("y", "~")
                    .containsEntry("2001-12-14", "");
        }
    }

    @Test
    void theArbitratorKeepsAUsersPartOfAndTheNamespaceCarriesTheAnnotations() {
        GaleraCluster cluster = GaleraGenerator.cluster(List.of(ValuesSource.yaml(
                "replicas: 2\narbitrator:\n  "
                        + "enabled: true\ncreateNamespace: true\nlabels:\n  app.kubernetes.io/part-of: shop\nannotations:\n"
                        + "  example.com/owner: team-a\n",
                "values.yaml")));

        Rendering rendering = GaleraGenerator.builder().build().render(cluster);

        assertThat(rendering.manifests()).allSatisfy(manifest -> {
            assertThat(manifest.resource().getMetadata().getLabels())
                    .as(manifest.id())
                    .containsEntry("app.kubernetes.io/part-of", "shop");
            assertThat(manifest.resource().getMetadata().getAnnotations())
                    .as(manifest.id())
                    .containsEntry("example.com/owner", "team-a");
        });
        assertThat(rendering.manifests())
                .extracting(Manifest::id)
                .contains("Namespace/default", "Deployment/mariadb-arbitrator");
    }

    @Test
    void anArbitratorWithoutAUsersPartOfIsPartOfItsCluster() {
        Rendering rendering = GaleraGenerator.builder()
                .build()
                .render(GaleraCluster.builder()
                        .replicas(2)
                        .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                        .build());

        assertThat(rendering.manifests())
                .filteredOn(manifest -> manifest.kind().equals("Deployment"))
                .singleElement()
                .satisfies(
                        manifest -> assertThat(manifest.resource().getMetadata().getLabels())
                                .containsEntry("app.kubernetes.io/part-of", "mariadb"));
    }

    private static String blockNesting(int depth) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            yaml.append(" ".repeat(i)).append("a:\n");
        }
        return yaml.append(" ".repeat(depth)).append("x: y\n").toString();
    }

    private static String labels(int count) {
        StringBuilder yaml = new StringBuilder("labels:\n");
        IntStream.range(0, count).forEach(i -> yaml.append("  l").append(i).append(": v\n"));
        return yaml.toString();
    }

    private static List<Problem> problemsOf(ValuesSource source) {
        GaleraGenException thrown =
                catchThrowableOfType(GaleraGenException.class, () -> GaleraGenerator.cluster(List.of(source)));
        assertThat(thrown).as("values should have been refused").isNotNull();
        return thrown.problems();
    }
}
