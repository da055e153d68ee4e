package io.galeragen.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.values.Values;
import io.galeragen.core.values.ValuesSource;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** YAML syntax errors of values files and manifests: at the line to fix, in words, never in parser terms. */
class YamlSyntaxTest {

    static Stream<Arguments> brokenYaml() {
        return Stream.of(
                arguments(
                        "an unclosed quote is reported where it opens, not where the parser gives up",
                        """
                        name: shop-db
                        namespace: shop
                        replicas: 3
                        storage:
                          size: 20Gi
                        labels:
                          team: "platform
                          tier: db
                        resources:
                          memoryRequest: 2Gi
                          memoryLimit: 2Gi
                        exporter:
                          enabled: true
                          port: 9104
                        annotations:
                          a: b
                          owner: "dba"
                        """,
                        "values.yaml:7: is not valid YAML: the quote opened on this line is not closed on it, so"
                                + " YAML reads on to line 17 and fails there; close the quote (a quote inside a value is written"
                                + " \\\" in \"…\", '' in '…')"),
                arguments(
                        "a quote never closed at all",
                        "name: shop-db\nnamespace: 'shop\n",
                        "values.yaml:2: is not valid YAML: the quote opened on this line is never closed"),
                arguments(
                        "a value holding ': '",
                        "name: shop-db\nnamespace: shop: prod\n",
                        "values.yaml:2: is not valid YAML: a second ': ' on one line: a value that holds ': ' must be"
                                + " quoted (key: \"a: b\"), and a nested key goes on its own line, indented"),
                arguments(
                        "a key indented too little",
                        "storage:\n    size: 1Gi\n  accessModes: [ReadWriteOnce]\n",
                        "values.yaml:3: is not valid YAML: this line's indentation does not fit the lines above: keys"
                                + " of one mapping line up at the same column, and a value under a key is indented further"),
                arguments(
                        "a line without a colon",
                        "name: shop-db\nreplicas 3\nnamespace: shop\n",
                        "values.yaml:2: is not valid YAML: a line that is neither 'key: value' nor a list item"
                                + " '- value'; add the ': ' or quote the text"),
                arguments(
                        "an unclosed flow list",
                        "replicas: [3\n",
                        "values.yaml:1: is not valid YAML: a [list] or {mapping} opened on this line is not closed"
                                + " properly; check its commas and closing bracket"),
                arguments(
                        "a tab",
                        "storage:\n\tsize: 1Gi\n",
                        "values.yaml:2: is not valid YAML: a tab character: YAML indents with spaces only"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenYaml")
    void aValuesFileSyntaxErrorIsOneProblemAtTheLineToFix(String what, String yaml, String expected) {
        GaleraGenException error = catchThrowableOfType(
                GaleraGenException.class, () -> Values.resolve(List.of(ValuesSource.yaml(yaml, "values.yaml"))));

        assertThat(error.problems()).singleElement().hasToString(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenYaml")
    void aManifestFileSyntaxErrorReadsTheSame(String what, String yaml, String expected) {
        GaleraGenException error =
                catchThrowableOfType(GaleraGenException.class, () -> Yaml.readAll(yaml, "values.yaml"));

        assertThat(error.problems()).singleElement().hasToString(expected);
    }
}
