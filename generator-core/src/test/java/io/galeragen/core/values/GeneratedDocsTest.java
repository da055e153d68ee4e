package io.galeragen.core.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.Regenerate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed reference docs and the schema shipped in the jar are generated from the model; this test fails
 * when they fall behind it. {@link Regenerate} rewrites them.
 */
class GeneratedDocsTest {

    private static final boolean UPDATE = Regenerate.requested();

    @Test
    void valuesReferenceMatchesTheModel() throws IOException {
        assertCommitted(Path.of("../docs/values-reference.md"), ValuesReference.markdown());
    }

    @Test
    void shippedSchemaMatchesTheModel() throws IOException {
        assertCommitted(
                Path.of("src/main/resources/io/galeragen/core/values/" + ValuesSchema.FILE_NAME), ValuesSchema.json());
    }

    @Test
    void referenceListsEveryKeyWithItsDefault() {
        assertThat(ValuesReference.markdown())
                .contains("| `replicas` | integer | `3` |")
                .contains("| `storage.accessModes` | list of strings | `[ReadWriteOnce]` |")
                .contains("| `storage.storageClassName` | string | not set |")
                .contains("| `recoveryPolicy` | one of `manual`, `safe`, `force-pod0` | `safe` |");
    }

    static void assertCommitted(Path file, String generated) throws IOException {
        if (UPDATE) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file))
                .as(file + " is missing; run " + Regenerate.COMMAND)
                .isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as(file + " is out of date; run " + Regenerate.COMMAND)
                .isEqualTo(generated);
    }
}
