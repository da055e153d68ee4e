package io.galeragen.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Rendering;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.output.Manifest;
import io.galeragen.core.values.ValuesSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Why {@code typeCheck(false)} may trust the built-in templates: for hundreds of random clusters over every
 * option (and label and annotation values chosen to trip a YAML writer), the unchecked render gives the same bytes,
 * kinds and names as the checked one, every document reads strictly into its fabric8 type and passes the schemas of
 * the oldest, a middle and the newest bundled Kubernetes version, names, namespaces, labels and annotations (keys
 * too, YAML words among them) read back as Kubernetes reads YAML, and the text is tidy.
 */
public class BuiltInTemplatesTest {

    private static final int CLUSTERS = 300;

    private static final List<String> AWKWARD_VALUES = List.of(
            "yes",
            "No",
            "on",
            "null",
            "~",
            "123",
            "0x1F",
            "1e3",
            "1:20",
            "2001-12-14",
            ".inf",
            "- dash",
            "a b",
            "key: value",
            "#hash",
            "trailing ",
            " leading",
            "quote\"d",
            "back\\slash",
            "tab\there",
            "é-ü",
            "😀",
            "",
            "*star",
            "&anchor",
            "!tag",
            "%percent",
            "@at",
            "`tick`",
            "[x]",
            "{y}",
            "a,b",
            "'single'",
            "ends:",
            "?q");
    private static final List<String> LABEL_VALUES =
            List.of("yes", "No", "on", "null", "123", "1e3", "true", "a.b-c_d", "x", "A1", "");
    /** Keys YAML 1.1 or 1.2 would read as null, a boolean, a number or a date unless they are quoted. */
    private static final List<String> LABEL_KEYS = List.of(
            "tier",
            "null",
            "yes",
            "Y",
            "0",
            "1e3",
            "0x1F",
            "1_000",
            "010",
            "2001-12-14",
            "True",
            "off",
            "example.com/on");
    /** Names that are DNS labels and YAML words at once. */
    private static final List<String> WORD_NAMES = List.of("yes", "no", "on", "off", "true", "y", "n");
    /** Secret names and keys that YAML would read as numbers, dates or words. */
    private static final List<String> SECRET_NAMES = List.of("db-secrets", "123", "1e3", "0x1f", "2001-12-14");

    private static final List<String> SECRET_KEYS = List.of("password", "yes", "0", ".inf", "-.inf", "1.5");
    private static final org.yaml.snakeyaml.Yaml YAML_11 =
            new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));

    private final GaleraGenerator unchecked = GaleraGenerator.builder()
            .typeCheck(false)
            .kubernetesVersions(List.of())
            .build();
    private final GaleraGenerator checked = GaleraGenerator.builder()
            .kubernetesVersions(List.of("1.28", "1.33", "1.36"))
            .build();

    @Test
    void uncheckedRenderingsEqualCheckedOnesForRandomClustersOverEveryOption() {
        Random random = new Random(20261124L);
        Set<String> templatesSeen = new TreeSet<>();
        int rendered = 0;
        for (int i = 0; i < CLUSTERS; i++) {
            Map<String, String> settings = randomSettings(random, i);
            GaleraCluster cluster;
            try {
                cluster = GaleraGenerator.cluster(List.of(
                        ValuesSource.yaml(randomProviderOptions(random), "options"),
                        ValuesSource.settings(settings, "random #" + i),
                        ValuesSource.yaml(randomNulls(random), "nulls")));
            } catch (GaleraGenException refused) {
                continue; // a combination the model refuses (with a message) proves nothing about templates
            }
            Rendering fast = unchecked.render(cluster);
            Rendering full = checked.render(cluster);

            assertThat(fast.combinedYaml()).as("cluster #%d %s", i, settings).isEqualTo(full.combinedYaml());
            assertThat(fast.manifests())
                    .extracting(Manifest::id)
                    .containsExactlyElementsOf(
                            full.manifests().stream().map(Manifest::id).toList());
            for (Manifest manifest : fast.manifests()) {
                assertThat(manifest.resource().getKind()).isEqualTo(manifest.kind());
                assertThat(manifest.resource().getMetadata().getName()).isEqualTo(manifest.name());
                assertTidy(manifest);
                assertReadsBackAsKubernetesReadsIt(manifest, cluster);
                templatesSeen.add(manifest.template());
            }
            rendered++;
        }
        assertThat(rendered).as("random clusters the model accepted").isGreaterThan(CLUSTERS / 2);
        assertThat(templatesSeen)
                .as("every built-in resource template rendered at least once")
                .containsAll(TemplateCatalog.names().stream()
                        .filter(name -> name.endsWith(".yaml.ftl"))
                        .toList());
    }

    /**
     * Read as YAML 1.1, as Kubernetes reads it: the name, the namespace and every label and annotation key and value
     * are the text the cluster holds (a bare {@code yes:} would be the key {@code true}, {@code null} no namespace).
     */
    @SuppressWarnings("unchecked")
    private static void assertReadsBackAsKubernetesReadsIt(Manifest manifest, GaleraCluster cluster) {
        Map<Object, Object> metadata = (Map<Object, Object>)
                YAML_11.<Map<Object, Object>>load(manifest.yaml()).get("metadata");
        assertThat(metadata.get("name")).as(manifest.id()).isEqualTo(manifest.name());
        if (!manifest.kind().equals("Namespace") && !manifest.kind().equals("StorageClass")) {
            assertThat(metadata.get("namespace")).as(manifest.id()).isEqualTo(cluster.namespace());
        }
        Map<Object, Object> labels = (Map<Object, Object>) metadata.get("labels");
        cluster.labels()
                .forEach((key, value) -> assertThat(labels.get(key))
                        .as("%s label %s", manifest.id(), key)
                        .isEqualTo(value));
        Map<Object, Object> annotations = (Map<Object, Object>) metadata.getOrDefault("annotations", Map.of());
        cluster.annotations()
                .forEach((key, value) -> assertThat(annotations.get(key))
                        .as("%s annotation %s", manifest.id(), key)
                        .isEqualTo(value));
    }

    /** LF only, no trailing blanks, no tabs outside the ConfigMap's files, ends with one line feed. */
    private static void assertTidy(Manifest manifest) {
        String yaml = manifest.yaml();
        assertThat(yaml).as(manifest.id()).doesNotContain("\r").endsWith("\n").doesNotEndWith("\n\n");
        List<String> untidy = new ArrayList<>();
        yaml.lines().forEach(line -> {
            if (line.endsWith(" ") || line.endsWith("\t")) {
                untidy.add(line);
            }
        });
        assertThat(untidy).as("lines of %s ending in blanks", manifest.id()).isEmpty();
        if (!manifest.kind().equals("ConfigMap")) {
            assertThat(yaml).as(manifest.id()).doesNotContain("\t");
        }
    }

    public static Map<String, String> randomSettings(Random random, int i) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("name", i % 5 == 0 ? pick(random, WORD_NAMES) : "db-" + i);
        settings.put("namespace", pick(random, List.of("default", "shop", "team-" + i, pick(random, WORD_NAMES))));
        settings.put("replicas", pick(random, List.of("1", "2", "3", "3", "5", "9")));
        maybe(random, settings, "createNamespace", "true", "false");
        maybe(random, settings, "clusterDomain", "cluster.local", "k8s.example.net");
        maybe(random, settings, "images.pullPolicy", "Always", "IfNotPresent", "Never");
        maybe(random, settings, "storage.size", "1Gi", "50Gi", "2Ti");
        maybe(random, settings, "resources.cpuRequest", "250m", "2", "4");
        maybe(random, settings, "resources.memoryLimit", "1Gi", "8Gi");
        maybe(random, settings, "galera.sstMethod", "rsync", "mariabackup");
        maybe(random, settings, "galera.applierThreads", "1", "16");
        maybe(random, settings, "galera.gcacheSize", "128M", "2G");
        maybe(random, settings, "galera.extraCnf[0]", "max_connections=500", "innodb_flush_log_at_trx_commit=1");
        maybe(random, settings, "exporter.enabled", "true", "false");
        maybe(random, settings, "recoveryPolicy", "manual", "safe", "force-pod0");
        maybe(random, settings, "storageClass.create", "true", "false");
        settings.put("storage.storageClassName", pick(random, List.of("ceph-rbd", "fast", "123", "true")));
        settings.put("storageClass.cephRbd.clusterID", "b9127830-b0cc-4e34-aa47-9d1a2e9949a8");
        settings.put("storageClass.cephRbd.pool", pick(random, List.of("galera", "rbd")));
        maybe(random, settings, "topology.antiAffinity", "required", "preferred", "none");
        maybe(random, settings, "topology.zoneSpread", "required", "preferred", "none");
        maybe(random, settings, "topology.zones", "zone-a,zone-b,zone-c", "eu-1a");
        maybe(random, settings, "topology.nodeSelector.disktype", "ssd", "yes", "123");
        maybe(random, settings, "topology.tolerations[0]", "dedicated=database:NoSchedule", "spot:NoExecute");
        maybe(random, settings, "topology.priorityClassName", "database-critical", "1e3", "false");
        maybe(random, settings, "podDisruptionBudget.enabled", "true", "false");
        maybe(random, settings, "monitoring.serviceMonitor", "true", "false");
        maybe(random, settings, "monitoring.prometheusRule", "true", "false");
        maybe(random, settings, "monitoring.labels.release", "kube-prometheus-stack", "on");
        maybe(random, settings, "networkPolicy.enabled", "true", "false");
        maybe(random, settings, "networkPolicy.clientPodLabels.role", "app", "no");
        maybe(random, settings, "networkPolicy.monitoringNamespace", "monitoring");
        maybe(random, settings, "tls.enabled", "true", "false");
        settings.put("tls.secretName", pick(random, List.of("db-tls", "2001-12-14", "yes")));
        maybe(random, settings, "initialUsers.database", "orders");
        maybe(random, settings, "initialUsers.user", "app");
        maybe(random, settings, "arbitrator.enabled", "true", "false");
        settings.put("labels." + pick(random, LABEL_KEYS), pick(random, LABEL_VALUES));
        settings.put("annotations.example.com/note", pick(random, AWKWARD_VALUES));
        settings.put("annotations." + pick(random, LABEL_KEYS), pick(random, AWKWARD_VALUES));
        maybe(random, settings, "rootPassword.name", SECRET_NAMES.toArray(String[]::new));
        maybe(random, settings, "rootPassword.key", SECRET_KEYS.toArray(String[]::new));
        maybe(random, settings, "exporter.credentials.name", SECRET_NAMES.toArray(String[]::new));
        maybe(random, settings, "exporter.credentials.key", SECRET_KEYS.toArray(String[]::new));
        if (random.nextBoolean()) {
            settings.put(
                    "annotations.example.com/text",
                    pick(random, AWKWARD_VALUES) + "\n" + pick(random, AWKWARD_VALUES)
                            + (random.nextBoolean() ? "\n" : ""));
        }
        return settings;
    }

    /** The text "null" comes as a YAML layer: a setting of null unsets the key, as Helm's --set does. */
    private static String randomNulls(Random random) {
        StringBuilder yaml = new StringBuilder("{}\n");
        for (String line : List.of(
                "name: \"null\"\n",
                "namespace: \"null\"\n",
                "labels: {\"null\": \"null\"}\n",
                "annotations: {\"null\": \"null\"}\n",
                "rootPassword: {name: \"null\", key: \"null\"}\n")) {
            if (random.nextInt(6) == 0) {
                yaml.setLength(yaml.charAt(0) == '{' ? 0 : yaml.length());
                yaml.append(line);
            }
        }
        return yaml.toString();
    }

    /** Provider option names hold dots, so they come as a YAML layer rather than as settings. */
    private static String randomProviderOptions(Random random) {
        return "galera:\n  providerOptions:\n"
                + pick(
                        random,
                        List.of(
                                "    {}\n",
                                "    evs.suspect_timeout: PT10S\n",
                                "    gcs.fc_limit: \"64\"\n    evs.inactive_timeout: PT30S\n"));
    }

    private static void maybe(Random random, Map<String, String> settings, String key, String... values) {
        if (random.nextInt(3) > 0) {
            settings.put(key, values[random.nextInt(values.length)]);
        }
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
