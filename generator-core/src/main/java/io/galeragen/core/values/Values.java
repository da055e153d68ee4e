package io.galeragen.core.values;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.GaleraCluster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves values, Helm-style: the model's defaults, then each source in order (the last one wins), then a
 * check of the merged tree against the values schema and a strict binding into a {@link GaleraCluster}.
 * Every problem names the key path and, where it came from a file, the file and line.
 */
public final class Values {

    private Values() {}

    /** The cluster these values describe; throws a GaleraGenException listing every problem. */
    public static GaleraCluster resolve(List<ValuesSource> sources) {
        Merged merged = merge(sources);
        // The binder first: its messages are the friendliest (did you mean, expected form, file and line).
        GaleraCluster cluster = ValuesBinder.bind(merged.tree(), merged.origins());
        // Then the schema shipped to editors: what it rejects must never reach the renderer either.
        throwIfAny(ValuesSchema.check(merged.tree(), merged.origins()));
        return cluster;
    }

    /** The merged values tree (defaults included), before it is bound: what {@code resolve} sees. */
    public static ObjectNode mergedTree(List<ValuesSource> sources) {
        return merge(sources).tree();
    }

    private record Read(ValuesLayer layer, List<Assignment> assignments) {}

    private record Merged(ObjectNode tree, Map<String, String> origins) {}

    private static Merged merge(List<ValuesSource> sources) {
        List<Problem> problems = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        for (ValuesSource source : sources) {
            try {
                reads.add(read(source, problems));
            } catch (GaleraGenException e) {
                problems.addAll(e.problems());
            }
        }
        throwIfAny(problems);

        ObjectNode tree = defaultsFor(nameFrom(reads));
        Map<String, String> origins = new HashMap<>();
        for (Read read : reads) {
            if (read.layer() != null) {
                ValuesMerge.merge(tree, read.layer(), origins);
            } else {
                read.assignments().forEach(assignment -> problems.addAll(assignment.applyTo(tree, origins)));
            }
        }
        throwIfAny(problems);
        return new Merged(tree, origins);
    }

    private static Read read(ValuesSource source, List<Problem> problems) {
        if (source instanceof ValuesSource.File file) {
            return new Read(ValuesReader.read(file.file(), file.displayName()), null);
        } else if (source instanceof ValuesSource.Text text) {
            return new Read(ValuesReader.read(text.text(), text.displayName()), null);
        } else if (source instanceof ValuesSource.Settings settings) {
            return new Read(null, Assignments.parse(settings.settings(), settings.displayName(), problems));
        }
        ValuesSource.Entries entries = (ValuesSource.Entries) source;
        return new Read(null, Assignments.of(entries.entries(), entries.displayName(), problems));
    }

    /** The cluster name the layers end up with: defaults that follow the name (Secret refs) are built for it. */
    private static String nameFrom(List<Read> reads) {
        String name = null;
        for (Read read : reads) {
            if (read.layer() != null && read.layer().tree().path("name").isTextual()) {
                name = read.layer().tree().get("name").textValue();
            } else if (read.assignments() != null) {
                for (Assignment assignment : read.assignments()) {
                    if (assignment.path().equals("name") && assignment.value().isTextual()) {
                        name = assignment.value().textValue();
                    }
                }
            }
        }
        return name;
    }

    static ObjectNode defaultsFor(String name) {
        if (name != null) {
            try {
                return ValuesTree.of(GaleraCluster.builder().name(name).build());
            } catch (GaleraGenException invalidName) {
                // The binder reports the bad name with its origin; the defaults need some valid name meanwhile.
            }
        }
        return ValuesTree.of(GaleraCluster.defaults());
    }

    private static void throwIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new GaleraGenException(problems);
        }
    }
}
