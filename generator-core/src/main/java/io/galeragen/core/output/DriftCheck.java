package io.galeragen.core.output;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Compares an output folder with what would be written into it, without writing anything. */
public final class DriftCheck {

    private DriftCheck() {}

    /** How one file differs from what would be generated. */
    public enum Change {
        CHANGED,
        MISSING,
        EXTRA
    }

    /** How many lines of a changed file's diff a drift report shows. */
    public static final int DIFF_LINES = 40;

    /**
     * One differing file.
     *
     * @param file   its name in the output folder
     * @param change changed content, missing, or generated earlier and no longer generated
     * @param diff   for a changed text file, a unified diff of it (at most {@value #DIFF_LINES} lines of hunks) from
     *               what the folder holds to what would be generated; else empty
     */
    public record Drift(String file, Change change, String diff) {

        public Drift(String file, Change change) {
            this(file, change, "");
        }

        @Override
        public String toString() {
            return file + " (" + change.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /** The files that differ, sorted by name; empty when the folder is up to date. */
    public static List<Drift> compare(Path directory, Map<String, String> files) {
        SortedMap<String, String> expected = OutputWriter.withRecord(files);
        List<Drift> drift = new ArrayList<>();
        expected.forEach((name, text) -> {
            Path path = directory.resolve(name);
            if (!Files.exists(path)) {
                drift.add(new Drift(name, Change.MISSING));
            } else if (!OutputWriter.sameBytes(path, text.getBytes(StandardCharsets.UTF_8))) {
                drift.add(new Drift(name, Change.CHANGED, diff(name, path, text)));
            }
        });
        try {
            for (String generated : GeneratedFiles.read(directory)) {
                if (!expected.containsKey(generated) && Files.exists(directory.resolve(generated))) {
                    drift.add(new Drift(generated, Change.EXTRA));
                }
            }
        } catch (IOException e) {
            throw new GaleraGenException(
                    new Problem(
                            Input.OUTPUT_DIRECTORY, directory.toString(), "cannot be read: " + OutputWriter.reason(e)),
                    e);
        }
        drift.sort(java.util.Comparator.comparing(Drift::file));
        return List.copyOf(drift);
    }

    private static String diff(String name, Path path, String expected) {
        try {
            String actual = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path)))
                    .toString();
            return UnifiedDiff.of(name, actual, expected, DIFF_LINES);
        } catch (IOException notText) { // unreadable or not UTF-8 text: name the file only
            return "";
        }
    }
}
