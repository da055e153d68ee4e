package io.galeragen.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library snippet is this example's QuickStart, word for word, and it runs. */
class QuickStartTest {

    private static final Path SOURCE = Path.of("src/main/java/io/galeragen/examples/QuickStart.java");

    @Test
    void theReadmeShowsQuickStartWithItsImports() throws Exception {
        String source = Files.readString(SOURCE);
        String snippet = source.substring(source.indexOf("import "));

        assertThat(Files.readString(Path.of("../../README.md"))).contains("```java\n" + snippet + "```\n");
    }

    @Test
    void quickStartRendersAndGeneratesFromAValuesFile(@TempDir Path dir) throws Exception {
        Path values = Files.writeString(dir.resolve("values.yaml"), "name: orders\nnamespace: shop\n");
        Path out = dir.resolve("manifests");
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[] {values.toString(), out.toString()});
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("kubectl --namespace shop create secret generic orders-credentials")
                .contains("files written to " + out)
                .endsWith("no drift\n");
        assertThat(out.resolve("statefulset-orders.yaml")).exists();
        assertThat(out.resolve("NOTES.txt")).exists();
    }
}
