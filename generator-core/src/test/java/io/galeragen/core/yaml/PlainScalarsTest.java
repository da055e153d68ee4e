package io.galeragen.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.error.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unquoted keys and values are read as YAML 1.1 (Kubernetes) and YAML 1.2 would; only text keys pass. */
class PlainScalarsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "null",
                "Null",
                "~",
                "yes",
                "No",
                "on",
                "OFF",
                "y",
                "true",
                "0",
                "1e3",
                "0x1F",
                "010",
                "1_000",
                "1:20",
                "2001-12-14",
                ".inf",
                ".nan",
                "<<",
                "N"
            })
    void aKeyThatIsNotTextIsAProblem(String key) {
        List<Problem> problems = PlainScalars.check("metadata:\n  labels:\n    " + key + ": x\n", "Service/db");

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo("Service/db: metadata.labels");
            assertThat(problem.message())
                    .startsWith("the key " + key + " is read as ")
                    .endsWith("not as text: a key must be text, quote it");
        });
    }

    @Test
    void aKeyIsNamedWithTheVersionThatMisreadsIt() {
        assertThat(PlainScalars.check("yes: a\n0o17: b\n", "x"))
                .extracting(Problem::message)
                .containsExactly(
                        "the key yes is read as a boolean in YAML 1.1 (Kubernetes), not as text: a key must be text, quote it",
                        "the key 0o17 is read as a number in YAML 1.2, not as text: a key must be text, quote it");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"null\"",
                "'yes'",
                "\"0\"",
                "app.kubernetes.io/name",
                "example.com/team",
                "mariadb",
                "_x",
                "a-1"
            })
    void textKeysAndQuotedKeysPass(String key) {
        assertThat(PlainScalars.check(key + ": x\n", "x")).isEmpty();
    }

    @Test
    void aValueTheTwoVersionsReadDifferentlyIsAProblemWithItsPath() {
        String yaml = "spec:\n  a: yes\n  b: [on, 3, 010, \"010\"]\n  c:\n  - 2001-12-14\n  - 1_000\n  d: 0o17\n";

        assertThat(PlainScalars.check(yaml, "ConfigMap/x"))
                .extracting(Problem::toString)
                .containsExactly(
                        "ConfigMap/x: spec.a: the value yes is read as a boolean in YAML 1.1 (Kubernetes) and as text in YAML "
                                + "1.2: quote it",
                        "ConfigMap/x: spec.b[0]: the value on is read as a boolean in YAML 1.1 (Kubernetes) and as text in "
                                + "YAML 1.2: quote it",
                        "ConfigMap/x: spec.b[2]: the value 010 is read as a number in YAML 1.1 (Kubernetes) and as a number "
                                + "in YAML 1.2: quote it",
                        "ConfigMap/x: spec.c[0]: the value 2001-12-14 is read as a date in YAML 1.1 (Kubernetes) and as text "
                                + "in YAML 1.2: quote it",
                        "ConfigMap/x: spec.c[1]: the value 1_000 is read as a number in YAML 1.1 (Kubernetes) and as text in "
                                + "YAML 1.2: quote it",
                        "ConfigMap/x: spec.d: the value 0o17 is read as text in YAML 1.1 (Kubernetes) and as a number in YAML "
                                + "1.2: quote it");
    }

    @Test
    void valuesBothVersionsReadAlikePass() {
        String yaml = "a: true\nb: 3\nc: 1.5\nd: text\ne: \"yes\"\nf: |\n  yes\ng: {h: [1, false]}\ni: 30s\nj: null\n";

        assertThat(PlainScalars.check(yaml, "x")).isEmpty();
    }

    @Test
    void pathsFollowNestedListsAndMappings() {
        String yaml = "a:\n- b:\n  - {c: 1, yes: 2}\n";

        assertThat(PlainScalars.check(yaml, "x")).extracting(Problem::where).containsExactly("x: a[0].b[0]");
    }
}
