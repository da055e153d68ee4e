package io.galeragen.core.output;

import static io.galeragen.core.output.DriftCheck.Change.CHANGED;
import static io.galeragen.core.output.DriftCheck.Change.EXTRA;
import static io.galeragen.core.output.DriftCheck.Change.MISSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftCheckTest {

    @TempDir
    Path dir;

    @Test
    void anUpToDateFolderHasNoDrift() {
        OutputWriter.write(dir, Map.of("a.yaml", "a: 1\n"));

        assertThat(DriftCheck.compare(dir, Map.of("a.yaml", "a: 1\n"))).isEmpty();
    }

    @Test
    void reportsChangedMissingAndExtraFilesByName() throws IOException {
        OutputWriter.write(dir, Map.of("a.yaml", "a: 1\n", "b.yaml", "b: 1\n", "gone.yaml", "x\n"));
        Files.writeString(dir.resolve("a.yaml"), "a: edited by hand\n");
        Files.delete(dir.resolve("b.yaml"));
        Files.writeString(dir.resolve("notes.txt"), "not ours, never reported\n");

        var drift = DriftCheck.compare(dir, Map.of("a.yaml", "a: 1\n", "b.yaml", "b: 1\n"));

        assertThat(drift)
                .extracting(DriftCheck.Drift::file, DriftCheck.Drift::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(GeneratedFiles.FILE_NAME, CHANGED),
                        org.assertj.core.groups.Tuple.tuple("a.yaml", CHANGED),
                        org.assertj.core.groups.Tuple.tuple("b.yaml", MISSING),
                        org.assertj.core.groups.Tuple.tuple("gone.yaml", EXTRA));
        assertThat(drift.get(1)).hasToString("a.yaml (changed)");
        assertThat(drift.get(1).diff()).isEqualTo("""
                --- a.yaml (as it is)
                +++ a.yaml (as generated)
                @@ -1,1 +1,1 @@
                -a: edited by hand
                +a: 1
                """);
        assertThat(drift.get(2).diff()).isEmpty();
    }

    @Test
    void anEmptyFolderMissesEverything() {
        assertThat(DriftCheck.compare(dir.resolve("nothing-yet"), Map.of("a.yaml", "a\n")))
                .extracting(DriftCheck.Drift::change)
                .containsOnly(MISSING);
    }
}
