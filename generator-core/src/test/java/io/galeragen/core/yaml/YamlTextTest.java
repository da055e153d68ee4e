package io.galeragen.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hand-written scalars must read back, through the project's YAML reader, as exactly the text they hold. */
class YamlTextTest {

    private static final String ALPHABET = "ab Z09_-./:#'\"\\\t\n\r{}[]&*!|>%@`,?~é😀\u0085\u2028\u0007";

    @ParameterizedTest
    @ValueSource(strings = {"database", "kubernetes.io/hostname", "v0.17.2", "_x", "/etc/galera"})
    void unmistakableStringsArePlain(String text) {
        assertThat(YamlText.scalar(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "3306",
                "yes",
                "No",
                "ON",
                "null",
                "~",
                "",
                "1e3",
                "0x1F",
                "1:20",
                "2001-12-14",
                ".inf",
                "- a",
                "a b",
                "a: b",
                "#c",
                "-x",
                "1Gi",
                "é"
            })
    void everythingElseIsQuoted(String text) {
        assertThat(YamlText.scalar(text)).startsWith("\"").endsWith("\"");
        assertThat(readBack(YamlText.scalar(text))).isEqualTo(text);
    }

    @Test
    void scriptsBecomeLiteralBlocksIndentedUnderTheirKey() {
        assertThat(YamlText.blockValue("#!/bin/sh\n\necho hi\n", 2)).isEqualTo("|\n    #!/bin/sh\n\n    echo hi");
        assertThat(YamlText.blockValue("no final line feed", 2)).isEqualTo("|-\n    no final line feed");
        assertThat(YamlText.blockValue("kept\n\n", 2)).isEqualTo("|+\n    kept\n");
        assertThat(YamlText.blockValue("  indented first\n", 2)).isEqualTo("|2\n      indented first");
        assertThat(YamlText.blockValue("windows\r\n", 2)).isEqualTo("\"windows\\r\\n\"");
    }

    @Test
    void randomTextReadsBackExactlyAsBlocksAndScalars() {
        Random random = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                text.appendCodePoint(ALPHABET.codePointAt(
                        ALPHABET.offsetByCodePoints(0, random.nextInt(ALPHABET.codePointCount(0, ALPHABET.length())))));
            }
            String value = text.toString();
            assertThat(readBack(YamlText.blockValue(value, 2)))
                    .as("block of %s", value)
                    .isEqualTo(value);
            assertThat(readBack(YamlText.scalar(value)))
                    .as("scalar of %s", value)
                    .isEqualTo(value);
        }
    }

    /** The value as the entry of a nested mapping, the way the ConfigMap template places it. */
    private static String readBack(String yamlValue) {
        String document = "data:\n  key: " + yamlValue + "\n  after: end\n";
        var tree = Yaml.readTree(document, "test");
        assertThat(tree.path("data").path("after").textValue()).as(document).isEqualTo("end");
        return tree.path("data").path("key").textValue();
    }
}
