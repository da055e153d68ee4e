package io.galeragen.core.output;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes output files into a folder, all or nothing: every changed file is first written into a temporary folder
 * beside them; then each file it replaces or removes is moved aside and the new one moved in, and if any step fails
 * every step done is undone, so the folder holds either the whole old output or the whole new one. A file whose
 * bytes are unchanged is not touched (its timestamp stays); files it wrote earlier and no longer generates are
 * removed; a file it did not write is never overwritten or removed. Errors name the output folder's own files,
 * never the temporary ones.
 */
public final class OutputWriter {

    /** Moves a file; {@link #write(Path, Map, Mover)} takes another for tests that make a step fail. */
    @FunctionalInterface
    interface Mover {
        void move(Path from, Path to) throws IOException;
    }

    private OutputWriter() {}

    /**
     * What one write did, by file name.
     *
     * @param written   files created or changed
     * @param unchanged files whose bytes were already right
     * @param removed   files written earlier and no longer generated
     */
    public record Report(List<String> written, List<String> unchanged, List<String> removed) {}

    /** Every file the folder should hold, including the record of generated files itself. */
    public static SortedMap<String, String> withRecord(Map<String, String> files) {
        SortedMap<String, String> all = new TreeMap<>(files);
        all.put(GeneratedFiles.FILE_NAME, GeneratedFiles.text(files.keySet()));
        return all;
    }

    public static Report write(Path directory, Map<String, String> files) {
        return write(directory, files, OutputWriter::move);
    }

    static Report write(Path directory, Map<String, String> files, Mover mover) {
        SortedMap<String, String> all = withRecord(files);
        Set<String> generatedBefore;
        try {
            Files.createDirectories(directory);
            generatedBefore = GeneratedFiles.read(directory);
        } catch (IOException e) {
            throw new GaleraGenException(
                    new Problem(Input.OUTPUT_DIRECTORY, directory.toString(), "cannot be written: " + reason(e)), e);
        }
        refuseForeignFiles(directory, all, generatedBefore);

        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        SortedMap<String, byte[]> changed = new TreeMap<>();
        all.forEach((name, text) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (sameBytes(directory.resolve(name), bytes)) {
                unchanged.add(name);
            } else {
                changed.put(name, bytes);
                written.add(name);
            }
        });
        List<String> removed = generatedBefore.stream()
                .filter(stale -> !all.containsKey(stale) && Files.isRegularFile(directory.resolve(stale)))
                .toList();
        if (!changed.isEmpty() || !removed.isEmpty()) {
            new Swap(directory, mover).apply(changed, removed);
        }
        return new Report(List.copyOf(written), List.copyOf(unchanged), List.copyOf(removed));
    }

    /**
     * Writes one file outside an output folder (the values schema beside the values files), only when its bytes
     * change, through a temporary file and a move. Returns whether it wrote.
     */
    public static boolean writeFile(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (sameBytes(file, bytes)) {
            return false;
        }
        Path temporary = null;
        try {
            Path folder = file.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
            Files.write(temporary, bytes);
            move(temporary, file);
            return true;
        } catch (IOException e) {
            throw new GaleraGenException(
                    new Problem(Input.OUTPUT_FILE, file.toString(), "cannot be written: " + reason(e)), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless and named as such
                }
            }
        }
    }

    private static void refuseForeignFiles(Path directory, Map<String, String> files, Set<String> generatedBefore) {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = directory.resolve(file.getKey());
            boolean ours =
                    generatedBefore.contains(file.getKey()) || file.getKey().equals(GeneratedFiles.FILE_NAME);
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(
                        new Problem(
                                Input.OUTPUT_DIRECTORY,
                                directory.toString(),
                                file.getKey()
                                        + " is a folder or link, not a file galera-gen wrote; move it away or choose another folder"));
            } else if (!ours
                    && Files.exists(path)
                    && !sameBytes(path, file.getValue().getBytes(StandardCharsets.UTF_8))) {
                problems.add(new Problem(
                        Input.OUTPUT_DIRECTORY,
                        directory.toString(),
                        file.getKey()
                                + " exists and was not written by galera-gen; move it away or choose another folder"));
            }
        }
        if (!problems.isEmpty()) {
            throw new GaleraGenException(problems);
        }
    }

    /** One all-or-nothing change of an output folder, staged in a temporary folder inside it. */
    private static final class Swap {
        private final Path directory;
        private final Mover mover;
        /** What to do, newest first, to put back what has been done so far. */
        private final Deque<Step> undo = new ArrayDeque<>();

        private Path staging;
        private boolean keepStaging;

        private record Step(Path from, Path to) {}

        Swap(Path directory, Mover mover) {
            this.directory = directory;
            this.mover = mover;
        }

        void apply(SortedMap<String, byte[]> changed, List<String> removed) {
            String current = null;
            try {
                staging = Files.createTempDirectory(directory, ".galera-gen-tmp-");
                Path fresh = Files.createDirectory(staging.resolve("new"));
                Path old = Files.createDirectory(staging.resolve("old"));
                for (Map.Entry<String, byte[]> file : changed.entrySet()) {
                    current = file.getKey();
                    Path staged = Files.write(fresh.resolve(file.getKey()), file.getValue());
                    if (isScript(file.getValue())) {
                        makeExecutable(staged);
                    }
                }
                // The record of generated files goes last: until it is in place, the old record covers the folder.
                List<String> order = new ArrayList<>(changed.keySet());
                if (order.remove(GeneratedFiles.FILE_NAME)) {
                    order.add(GeneratedFiles.FILE_NAME);
                }
                for (String name : removed) {
                    current = name;
                    step(directory.resolve(name), old.resolve(name));
                }
                for (String name : order) {
                    current = name;
                    Path target = directory.resolve(name);
                    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                        step(target, old.resolve(name));
                    }
                    step(fresh.resolve(name), target);
                }
                undo.clear();
            } catch (IOException e) {
                throw failure(current, e);
            } finally {
                if (!keepStaging) {
                    deleteStaging();
                }
            }
        }

        private void step(Path from, Path to) throws IOException {
            mover.move(from, to);
            undo.push(new Step(to, from));
        }

        /** Puts the folder back as it was and says what failed, naming the folder's file, not a temporary one. */
        private GaleraGenException failure(String name, IOException cause) {
            String what = name == null
                    ? "cannot be written (no temporary folder could be made in it): " + reason(cause)
                    : name + " cannot be written: " + reason(cause);
            List<String> notRestored = new ArrayList<>();
            while (!undo.isEmpty()) {
                Step step = undo.pop();
                try {
                    move(step.from(), step.to());
                } catch (IOException again) {
                    notRestored.add(step.to().getFileName().toString());
                }
            }
            keepStaging = !notRestored.isEmpty();
            String outcome = notRestored.isEmpty()
                    ? "; nothing was changed, the folder holds the previous output"
                    : "; restoring the previous output failed for " + notRestored + ", whose previous version is in "
                            + staging.resolve("old");
            return new GaleraGenException(
                    new Problem(Input.OUTPUT_DIRECTORY, directory.toString(), what + outcome), cause);
        }

        private void deleteStaging() {
            if (staging != null) {
                try {
                    deleteTree(staging);
                } catch (IOException ignored) {
                    // a leftover .galera-gen-tmp- folder is harmless; the next write makes its own
                }
            }
        }
    }

    /** A file that starts with {@code #!} is a script a person runs (galera-recover). */
    static boolean isScript(byte[] content) {
        return content.length > 1 && content[0] == '#' && content[1] == '!';
    }

    private static void makeExecutable(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static boolean sameBytes(Path file, byte[] bytes) {
        try {
            return Files.isRegularFile(file)
                    && Files.size(file) == bytes.length
                    && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    /** Why an operation failed, in words and without paths (the caller names the file it was writing). */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        } else if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return e.getMessage() + " is a file, not a folder";
        } else if (e instanceof NoSuchFileException) {
            return "a folder on its path does not exist (" + e.getMessage() + ")";
        } else if (e instanceof DirectoryNotEmptyException) {
            return "a folder stands in the way";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
