package io.galeragen.core.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galeragen.core.error.GaleraGenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryFileAndTheRecordOfWhatItWrote() throws IOException {
        OutputWriter.Report report = OutputWriter.write(dir, Map.of("a.yaml", "a: 1\n", "b.yaml", "b: 2\n"));

        assertThat(Files.readString(dir.resolve("a.yaml"))).isEqualTo("a: 1\n");
        assertThat(Files.readAllLines(dir.resolve(GeneratedFiles.FILE_NAME))).endsWith("a.yaml", "b.yaml");
        assertThat(report.written()).containsExactly(GeneratedFiles.FILE_NAME, "a.yaml", "b.yaml");
        assertThat(listing()).containsExactly(GeneratedFiles.FILE_NAME, "a.yaml", "b.yaml");
    }

    @Test
    void leavesFilesWhoseBytesAreUnchangedUntouched() throws IOException {
        OutputWriter.write(dir, Map.of("a.yaml", "a: 1\n", "b.yaml", "b: 2\n"));
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(dir.resolve("a.yaml"), old);

        OutputWriter.Report report = OutputWriter.write(dir, Map.of("a.yaml", "a: 1\n", "b.yaml", "b: 3\n"));

        assertThat(report.written()).containsExactly("b.yaml");
        assertThat(report.unchanged()).containsExactly(GeneratedFiles.FILE_NAME, "a.yaml");
        assertThat(Files.getLastModifiedTime(dir.resolve("a.yaml"))).isEqualTo(old);
        assertThat(Files.readString(dir.resolve("b.yaml"))).isEqualTo("b: 3\n");
    }

    @Test
    void removesOnlyItsOwnStaleFiles() throws IOException {
        OutputWriter.write(dir, Map.of("a.yaml", "a: 1\n", "old.yaml", "old: 1\n"));
        Files.writeString(dir.resolve("README.md"), "mine\n");

        OutputWriter.Report report = OutputWriter.write(dir, Map.of("a.yaml", "a: 1\n"));

        assertThat(report.removed()).containsExactly("old.yaml");
        assertThat(listing()).containsExactly(GeneratedFiles.FILE_NAME, "README.md", "a.yaml");
    }

    @Test
    void refusesToOverwriteAFileItDidNotWriteAndWritesNothing() throws IOException {
        Files.writeString(dir.resolve("b.yaml"), "hand written\n");

        assertThatThrownBy(() -> OutputWriter.write(dir, Map.of("a.yaml", "a: 1\n", "b.yaml", "b: 2\n")))
                .isInstanceOf(GaleraGenException.class)
                .hasMessage("outputDirectory " + dir + ": b.yaml exists and was not written by galera-gen; "
                        + "move it away or choose another folder");
        assertThat(listing()).containsExactly("b.yaml");
    }

    @Test
    void aRecordThatNamesPathsOutsideTheFolderIsIgnored() throws IOException {
        Path outside = Files.writeString(dir.resolve("keep.txt"), "keep\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve(GeneratedFiles.FILE_NAME), "../keep.txt\n");

        OutputWriter.write(out, Map.of("a.yaml", "a: 1\n"));

        assertThat(outside).exists();
    }

    @Test
    void anOutputPathThatIsAFileIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        assertThatThrownBy(() -> OutputWriter.write(file, Map.of("a.yaml", "a: 1\n")))
                .isInstanceOf(GaleraGenException.class)
                .hasMessage("outputDirectory " + file + ": cannot be written: " + file + " is a file, not a folder");
    }

    @Test
    void leavesNoTemporaryFolderBehind() throws IOException {
        OutputWriter.write(dir, Map.of("a.yaml", "a: 1\n"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(".galera-gen-tmp-"));
        }
    }

    private java.util.List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailingStepPutsEveryFileBackAndNamesTheRealFile() throws IOException {
        OutputWriter.write(
                dir,
                Map.of("configmap.yaml", "config: 1\n", "statefulset.yaml", "replicas: 3\n", "old.yaml", "old: 1\n"));
        int[] moves = {0};
        OutputWriter.Mover failingThird = (from, to) -> {
            if (++moves[0] == 3) {
                throw new java.nio.file.AccessDeniedException(from.toString());
            }
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        };

        assertThatThrownBy(() -> OutputWriter.write(
                        dir,
                        Map.of("configmap.yaml", "config: 2\n", "statefulset.yaml", "replicas: 5\n"),
                        failingThird))
                .isInstanceOf(GaleraGenException.class)
                .hasMessage("outputDirectory " + dir + ": configmap.yaml cannot be written: permission denied; nothing"
                        + " was changed, the folder holds the previous output")
                .message()
                .doesNotContain(".galera-gen-tmp");
        assertThat(Files.readString(dir.resolve("configmap.yaml"))).isEqualTo("config: 1\n");
        assertThat(Files.readString(dir.resolve("statefulset.yaml"))).isEqualTo("replicas: 3\n");
        assertThat(Files.readString(dir.resolve("old.yaml"))).isEqualTo("old: 1\n");
        assertThat(listing())
                .containsExactly(GeneratedFiles.FILE_NAME, "configmap.yaml", "old.yaml", "statefulset.yaml");
    }

    @Test
    void aFolderWhereAGeneratedFileWasIsRefusedBeforeAnythingChanges() throws IOException {
        OutputWriter.write(dir, Map.of("a.yaml", "a: 1\n", "b.yaml", "b: 1\n"));
        Files.delete(dir.resolve("b.yaml"));
        Files.createDirectories(dir.resolve("b.yaml/inside"));

        assertThatThrownBy(() -> OutputWriter.write(dir, Map.of("a.yaml", "a: 2\n", "b.yaml", "b: 2\n")))
                .isInstanceOf(GaleraGenException.class)
                .hasMessage("outputDirectory " + dir + ": b.yaml is a folder or"
                        + " link, not a file galera-gen wrote; move it away or choose another folder");
        assertThat(Files.readString(dir.resolve("a.yaml"))).isEqualTo("a: 1\n");
        assertThat(dir.resolve("b.yaml/inside")).isDirectory();
    }
}
