package io.galeragen.core.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;

/** Compares an output folder with what would be written into it, without writing anything. */
public final class DriftCheck {

    private DriftCheck() {
    }

    /** How one file differs from what would be generated. */
    public enum Change { CHANGED, MISSING, EXTRA }

    /**
     * One differing file.
     *
     * @param file   its name in the output folder
     * @param change changed content, missing, or generated earlier and no longer generated
     */
    public record Drift(String file, Change change) {
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
                drift.add(new Drift(name, Change.CHANGED));
            }
        });
        try {
            for (String generated : GeneratedFiles.read(directory)) {
                if (!expected.containsKey(generated) && Files.exists(directory.resolve(generated))) {
                    drift.add(new Drift(generated, Change.EXTRA));
                }
            }
        } catch (IOException e) {
            throw new GaleraGenException(new Problem("outputDirectory " + directory,
                    "cannot be read: " + OutputWriter.reason(e)), e);
        }
        drift.sort(java.util.Comparator.comparing(Drift::file));
        return List.copyOf(drift);
    }
}
