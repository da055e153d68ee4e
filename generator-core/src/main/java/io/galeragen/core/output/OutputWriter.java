package io.galeragen.core.output;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes output files into a folder: every changed file is first written into a temporary folder beside them,
 * then moved into place; a file whose bytes are unchanged is not touched (its timestamp stays); files it wrote
 * earlier and no longer generates are removed; a file it did not write is never overwritten or removed.
 */
public final class OutputWriter {

    private OutputWriter() {
    }

    /**
     * What one write did, by file name.
     *
     * @param written   files created or changed
     * @param unchanged files whose bytes were already right
     * @param removed   files written earlier and no longer generated
     */
    public record Report(List<String> written, List<String> unchanged, List<String> removed) {
    }

    /** Every file the folder should hold, including the record of generated files itself. */
    public static SortedMap<String, String> withRecord(Map<String, String> files) {
        SortedMap<String, String> all = new TreeMap<>(files);
        all.put(GeneratedFiles.FILE_NAME, GeneratedFiles.text(files.keySet()));
        return all;
    }

    public static Report write(Path directory, Map<String, String> files) {
        SortedMap<String, String> all = withRecord(files);
        try {
            Files.createDirectories(directory);
            Set<String> generatedBefore = GeneratedFiles.read(directory);
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
            moveIntoPlace(directory, changed);

            List<String> removed = new ArrayList<>();
            for (String stale : generatedBefore) {
                if (!all.containsKey(stale) && Files.deleteIfExists(directory.resolve(stale))) {
                    removed.add(stale);
                }
            }
            return new Report(List.copyOf(written), List.copyOf(unchanged), List.copyOf(removed));
        } catch (IOException e) {
            throw new GaleraGenException(new Problem("outputDirectory " + directory, "cannot be written: " + reason(e)), e);
        }
    }

    private static void refuseForeignFiles(Path directory, Map<String, String> files, Set<String> generatedBefore)
            throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = directory.resolve(file.getKey());
            boolean ours = generatedBefore.contains(file.getKey()) || file.getKey().equals(GeneratedFiles.FILE_NAME);
            if (!ours && Files.exists(path) && !sameBytes(path, file.getValue().getBytes(StandardCharsets.UTF_8))) {
                problems.add(new Problem("outputDirectory " + directory, file.getKey()
                        + " exists and was not written by galera-gen; move it away or choose another folder"));
            }
        }
        if (!problems.isEmpty()) {
            throw new GaleraGenException(problems);
        }
    }

    /** All changed files go to a temporary folder first, so a failure leaves the output as it was. */
    private static void moveIntoPlace(Path directory, SortedMap<String, byte[]> changed) throws IOException {
        if (changed.isEmpty()) {
            return;
        }
        Path staging = Files.createTempDirectory(directory, ".galera-gen-tmp-");
        try {
            for (Map.Entry<String, byte[]> file : changed.entrySet()) {
                Path staged = Files.write(staging.resolve(file.getKey()), file.getValue());
                if (isScript(file.getValue())) {
                    makeExecutable(staged);
                }
            }
            // The record of generated files goes last: until it is in place, the old record still covers the folder.
            List<String> order = new ArrayList<>(changed.keySet());
            if (order.remove(GeneratedFiles.FILE_NAME)) {
                order.add(GeneratedFiles.FILE_NAME);
            }
            for (String name : order) {
                move(staging.resolve(name), directory.resolve(name));
            }
        } finally {
            deleteTree(staging);
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
            return Files.isRegularFile(file) && Files.size(file) == bytes.length
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

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        } else if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return e.getMessage() + " is a file, not a folder";
        } else if (e instanceof NoSuchFileException) {
            return e.getMessage() + " does not exist";
        } else if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        return e.getMessage();
    }
}
