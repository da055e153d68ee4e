package io.galeragen.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid input gives exactly one problem that names where it is (file and line, or the setting) and
 * what is allowed. The expected texts are the contract: a change here is a reviewed change of a message.
 */
class InvalidValuesTest {

    static Stream<Arguments> invalidFiles() {
        return Stream.of(
                arguments(
                        "malformed YAML",
                        "replicas: [3\n",
                        "values.yaml:1: is not valid YAML: a [list] or {mapping} opened on this line is not closed"
                                + " properly; check its commas and closing bracket"),
                arguments(
                        "duplicate key",
                        "replicas: 3\nreplicas: 4\n",
                        "values.yaml:2: replicas: is a duplicate key (first set at values.yaml:1)"),
                arguments(
                        "duplicate nested key",
                        "storage:\n  size: 1Gi\n  size: 2Gi\n",
                        "values.yaml:3: storage.size: is a duplicate key (first set at values.yaml:2)"),
                arguments(
                        "billion laughs",
                        "labels:\n  a: &a lol\nannotations: &b [*a, *a, *a, *a, *a, *a]\n",
                        "values.yaml:3: annotations[0]: uses the alias *a; values files may not use YAML aliases, "
                                + "write the value out"),
                arguments(
                        "alias of a mapping",
                        "labels: &l {team: db}\nannotations: *l\n",
                        "values.yaml:2: annotations: uses the alias *l; values files may not use YAML aliases, "
                                + "write the value out"),
                arguments(
                        "a list at the top",
                        "- replicas\n- 3\n",
                        "values.yaml:1: a values file must be a mapping of keys to values (e.g. replicas: 3)"),
                arguments(
                        "a scalar at the top",
                        "three replicas\n",
                        "values.yaml:1: a values file must be a mapping of keys to values (e.g. replicas: 3)"),
                arguments(
                        "two documents",
                        "replicas: 3\n---\nreplicas: 5\n",
                        "values.yaml:3: holds a second YAML document; a values file holds exactly one"),
                arguments(
                        "unknown top-level key",
                        "replica: 3\n",
                        "values.yaml:1: replica: is not a known key; did you mean replicas?"),
                arguments(
                        "unknown key, second level",
                        "storage:\n  sise: 1Gi\n",
                        "values.yaml:2: storage.sise: is not a known key; did you mean storage.size?"),
                arguments(
                        "unknown key, third level",
                        "galera:\n  sstCredentials:\n    nmae: x\n",
                        "values.yaml:3: galera.sstCredentials.nmae: is not a known key; "
                                + "did you mean galera.sstCredentials.name?"),
                arguments(
                        "unknown key, nothing close",
                        "storage:\n  backup: daily\n",
                        "values.yaml:2: storage.backup: is not a known key; the keys of storage are size, "
                                + "storageClassName, accessModes"),
                arguments(
                        "text for a number",
                        "replicas: three\n",
                        "values.yaml:1: replicas: \"three\" is not allowed: a whole number"),
                arguments(
                        "quoted number",
                        "replicas: \"3\"\n",
                        "values.yaml:1: replicas: \"3\" is not allowed: a whole number"),
                arguments(
                        "zero replicas",
                        "replicas: 0\n",
                        "values.yaml:1: replicas: 0 is not allowed: a whole number from 1 to 31"),
                arguments(
                        "negative replicas",
                        "replicas: -3\n",
                        "values.yaml:1: replicas: -3 is not allowed: a whole number from 1 to 31"),
                arguments(
                        "too many replicas",
                        "replicas: 1000\n",
                        "values.yaml:1: replicas: 1000 is not allowed: a whole number from 1 to 31"),
                arguments(
                        "replicas beyond any int",
                        "replicas: 99999999999\n",
                        "values.yaml:1: replicas: 99999999999 is not allowed: a whole number"),
                arguments(
                        "fractional replicas",
                        "replicas: 3.5\n",
                        "values.yaml:1: replicas: 3.5 is not allowed: a whole number"),
                arguments(
                        "null replicas",
                        "replicas: ~\n",
                        "values.yaml:1: replicas: null is not allowed: a whole number"),
                arguments(
                        "name not a DNS label",
                        "name: Orders_DB\n",
                        "values.yaml:1: name: \"Orders_DB\" is not allowed: a DNS-1123 label (lowercase letters, "
                                + "digits and '-', starting with a letter)"),
                arguments(
                        "quantity with a space",
                        "storage:\n  size: 10 GB\n",
                        "values.yaml:2: storage.size: \"10 GB\" is not allowed: a Kubernetes quantity, e.g. 10Gi"),
                arguments(
                        "image without a tag",
                        "images:\n  mariadb: docker.io/library/mariadb\n",
                        "values.yaml:2: images.mariadb: \"docker.io/library/mariadb\" is not allowed: an image with a "
                                + "tag or digest, e.g. docker.io/library/mariadb:10.11.14 (no tag means 'latest', "
                                + "which changes under you)"),
                arguments(
                        "number for a boolean",
                        "createNamespace: 1\n",
                        "values.yaml:1: createNamespace: 1 is not allowed: true or false"),
                arguments(
                        "enum by its Java name",
                        "recoveryPolicy: FORCE_POD0\n",
                        "values.yaml:1: recoveryPolicy: \"FORCE_POD0\" is not allowed: one of [manual, safe, "
                                + "force-pod0] (did you mean force-pod0?)"),
                arguments(
                        "unknown enum value",
                        "galera:\n  sstMethod: xtrabackup-v2\n",
                        "values.yaml:2: galera.sstMethod: \"xtrabackup-v2\" is not allowed: one of [mariabackup, rsync]"),
                arguments(
                        "a scalar for a group",
                        "storage: 10Gi\n",
                        "values.yaml:1: storage: \"10Gi\" is not allowed: a mapping with the keys [size, "
                                + "storageClassName, accessModes]"),
                arguments(
                        "a string for a list",
                        "storage:\n  accessModes: ReadWriteOnce\n",
                        "values.yaml:2: storage.accessModes: \"ReadWriteOnce\" is not allowed: a list of strings"),
                arguments(
                        "unknown access mode",
                        "storage:\n  accessModes: [ReadWriteEverywhere]\n",
                        "values.yaml:2: storage.accessModes[0]: \"ReadWriteEverywhere\" is not allowed: one of "
                                + "[ReadOnlyMany, ReadWriteMany, ReadWriteOnce, ReadWriteOncePod]"),
                arguments(
                        "unquoted number as label value",
                        "labels:\n  version: 2\n",
                        "values.yaml:2: labels.version: 2 is not allowed: a string (quote it: \"2\")"),
                arguments(
                        "bad label key",
                        "labels:\n  \"team name\": db\n",
                        "values.yaml:1: labels: \"team name\" is not allowed: a key such as example.com/team "
                                + "(prefix/name: a DNS subdomain of at most 253 characters, '/', and a name of at most 63)"),
                arguments(
                        "bad gcache size",
                        "galera:\n  gcacheSize: 1 GB\n",
                        "values.yaml:2: galera.gcacheSize: \"1 GB\" is not allowed: a Galera size such as 512M or 2G, "
                                + "or unset to derive it from storage.size and memory"),
                arguments(
                        "negative appliers",
                        "galera:\n  applierThreads: -1\n",
                        "values.yaml:2: galera.applierThreads: -1 is not allowed: a whole number from 1 to 256, "
                                + "or 0 to derive it from resources.cpuRequest"),
                arguments(
                        "privileged exporter port",
                        "exporter:\n  port: 80\n",
                        "values.yaml:2: exporter.port: 80 is not allowed: a port from 1024 to 65535"),
                arguments(
                        "gcache.size among provider options",
                        "galera:\n  providerOptions:\n    gcache.size: 2G\n",
                        "values.yaml:3: galera.providerOptions.gcache.size: is set by galera.gcacheSize; set it there"),
                arguments(
                        "tab indentation",
                        "storage:\n\tsize: 1Gi\n",
                        "values.yaml:2: is not valid YAML: a tab character: YAML indents with spaces only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFiles")
    void anInvalidValuesFileGivesOneClearProblem(String what, String yaml, String expected) {
        assertThat(problemsOf(List.of(ValuesSource.yaml(yaml, "values.yaml"))))
                .singleElement()
                .extracting(Problem::toString)
                .isEqualTo(expected);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                arguments(
                        "unknown key",
                        "replicas=3,storag.size=1Gi",
                        "-Dgalera.set: storag: is not a known key; did you mean storage?"),
                arguments(
                        "text for a number",
                        "replicas=many",
                        "-Dgalera.set: replicas: \"many\" is not allowed: a whole number"),
                arguments("no key", "=3", "-Dgalera.set: \"=3\" has no key: expected key.path=value"),
                arguments(
                        "no equals sign",
                        "replicas",
                        "-Dgalera.set: \"replicas\" is not a setting: expected key.path=value"),
                arguments(
                        "index past the end",
                        "storage.accessModes[5]=ReadOnlyMany",
                        "-Dgalera.set: storage.accessModes[5]: index 5 is past the end of a list of 1 (use 1 to append)"),
                arguments(
                        "a value for a group",
                        "storage=big",
                        "-Dgalera.set: storage: is a group of keys: set one of [size, storageClassName, accessModes], "
                                + "e.g. storage.size=..."),
                arguments(
                        "keys below a scalar",
                        "replicas.count=3",
                        "-Dgalera.set: replicas: is a whole number and has no keys below it"),
                arguments(
                        "a whole map",
                        "labels=team",
                        "-Dgalera.set: labels: is a mapping: set one entry at a time, e.g. labels.team=db"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void anInvalidSettingGivesOneClearProblem(String what, String settings, String expected) {
        assertThat(problemsOf(List.of(ValuesSource.settings(settings, "-Dgalera.set"))))
                .singleElement()
                .extracting(Problem::toString)
                .isEqualTo(expected);
    }

    @Test
    void aBadPomEntryIsNamedByTheElement() {
        assertThat(problemsOf(List.of(ValuesSource.settings(Map.of("replicas", "lots"), "<values>"))))
                .extracting(Problem::toString)
                .containsExactly("<values>: replicas: \"lots\" is not allowed: a whole number");
    }

    @Test
    void aMissingValuesFileIsNamedWithThePathLookedAtAndALikelyNeighbour(@TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("values.yaml"), "replicas: 3\n");

        assertThat(problemsOf(List.of(ValuesSource.file(dir.resolve("valuse.yaml"), "valuse.yaml"))))
                .extracting(Problem::toString)
                .containsExactly("valuse.yaml: does not exist (looked for " + dir.resolve("valuse.yaml")
                        + "); did you mean values.yaml?");
        assertThat(problemsOf(List.of(ValuesSource.file(dir.resolve("nope.yaml"), "nope.yaml"))))
                .extracting(Problem::toString)
                .containsExactly("nope.yaml: does not exist (looked for " + dir.resolve("nope.yaml") + ")");
    }

    @Test
    void aFolderGivenAsValuesFileIsNamed(@TempDir Path dir) {
        assertThat(problemsOf(List.of(ValuesSource.file(dir, "conf"))))
                .extracting(Problem::toString)
                .containsExactly("conf: is a folder, not a file");
    }

    @Test
    void aValuesFileThatIsNotUtf8IsNamed(@TempDir Path dir) throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});

        assertThat(problemsOf(List.of(ValuesSource.file(latin1, "latin1.yaml"))))
                .extracting(Problem::toString)
                .containsExactly(
                        "latin1.yaml:1: the byte 0xE9 (column 7) is not allowed: UTF-8 text; save the file as UTF-8");
    }

    @Test
    void problemsOfEveryLayerAreReportedTogether() {
        List<Problem> problems = problemsOf(List.of(
                ValuesSource.yaml("replica: 3\n", "a.yaml"), ValuesSource.yaml("storage:\n  size: 10 GB\n", "b.yaml")));

        assertThat(problems).extracting(Problem::where).containsExactly("a.yaml:1: replica", "b.yaml:2: storage.size");
    }

    @Test
    void anEnumTypoOrAWrongTypeHidesNoOtherProblem() {
        List<Problem> problems = problemsOf(List.of(ValuesSource.yaml("""
                name: shop-db
                recoveryPolicy: saef
                replicas: three
                storage:
                  size: 20 GB
                resources:
                  cpuRequest: lots
                galera:
                  sstMethod: rsynk
                unknownKey: 1
                """, "values.yaml")));

        assertThat(problems)
                .extracting(Problem::toString)
                .containsExactlyInAnyOrder(
                        "values.yaml:10: unknownKey: is not a known key; the keys at the top are "
                                + String.join(", ", ValueShape.ROOT.fields().keySet()),
                        "values.yaml:2: recoveryPolicy: \"saef\" is not allowed: one of [manual, safe, force-pod0] (did you mean"
                                + " safe?)",
                        "values.yaml:3: replicas: \"three\" is not allowed: a whole number",
                        "values.yaml:9: galera.sstMethod: \"rsynk\" is not allowed: one of [mariabackup, rsync] (did you mean"
                                + " rsync?)",
                        "values.yaml:5: storage.size: \"20 GB\" is not allowed: a Kubernetes quantity, e.g. 10Gi",
                        "values.yaml:7: resources.cpuRequest: \"lots\" is not allowed: a Kubernetes quantity, e.g. 500m, 2 or 1Gi");
    }

    @Test
    void aProblemNamesTheLayerThatSetTheKeyLast() {
        List<Problem> problems = problemsOf(List.of(
                ValuesSource.yaml("storage:\n  size: 10 GB\n", "base.yaml"),
                ValuesSource.yaml("replicas: 5\nstorage:\n  size: 20 GB\n", "prod.yaml")));

        assertThat(problems).extracting(Problem::where).containsExactly("prod.yaml:3: storage.size");
    }

    @Test
    void aSettingTakesOverTheOriginOfTheKeyItSets() {
        List<Problem> problems = problemsOf(List.of(
                ValuesSource.yaml("storage:\n  size: 10Gi\n", "values.yaml"),
                ValuesSource.settings("storage.size=10 GB", "-Dgalera.set")));

        assertThat(problems).extracting(Problem::where).containsExactly("-Dgalera.set: storage.size");
    }

    private static List<Problem> problemsOf(List<ValuesSource> sources) {
        GaleraGenException thrown = catchThrowableOfType(GaleraGenException.class, () -> Values.resolve(sources));
        assertThat(thrown).as("values should have been rejected").isNotNull();
        return thrown.problems();
    }
}
