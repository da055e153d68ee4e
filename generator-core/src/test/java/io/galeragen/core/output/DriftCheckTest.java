package io.galeragen.core.output;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.galeragen.core.output.DriftCheck.Change.CHANGED;
import static io.galeragen.core.output.DriftCheck.Change.EXTRA;
import static io.galeragen.core.output.DriftCheck.Change.MISSING;
import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(drift).containsExactly(
                new DriftCheck.Drift(GeneratedFiles.FILE_NAME, CHANGED),
                new DriftCheck.Drift("a.yaml", CHANGED),
                new DriftCheck.Drift("b.yaml", MISSING),
                new DriftCheck.Drift("gone.yaml", EXTRA));
        assertThat(drift.get(1)).hasToString("a.yaml (changed)");
    }

    @Test
    void anEmptyFolderMissesEverything() {
        assertThat(DriftCheck.compare(dir.resolve("nothing-yet"), Map.of("a.yaml", "a\n")))
                .extracting(DriftCheck.Drift::change).containsOnly(MISSING);
    }
}
