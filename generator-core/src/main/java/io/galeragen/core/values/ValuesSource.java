package io.galeragen.core.values;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One layer of values, Helm-style. Layers are applied in order over the defaults, the last one winning:
 * YAML layers deep-merge (mappings merge, lists and scalars replace), settings set single keys.
 * The display name is how problems name the layer: a file name, {@code <values>}, {@code -Dgalera.set}.
 */
public sealed interface ValuesSource {

    String displayName();

    /** A values file, read as UTF-8 YAML. */
    static ValuesSource file(Path file, String displayName) {
        return new File(Objects.requireNonNull(file, "file"), displayName);
    }

    /** Values given as YAML text. */
    static ValuesSource yaml(String text, String displayName) {
        return new Text(Objects.requireNonNull(text, "text"), displayName);
    }

    /** Helm {@code --set} syntax: {@code replicas=5,storage.size=20Gi,storage.accessModes[0]=ReadWriteOnce}. */
    static ValuesSource settings(String settings, String displayName) {
        return new Settings(Objects.requireNonNull(settings, "settings"), displayName);
    }

    /** One {@code key.path -> value} setting per entry (a value is never split at its commas, except for lists). */
    static ValuesSource settings(Map<String, String> entries, String displayName) {
        return new Entries(new LinkedHashMap<>(entries), displayName);
    }

    record File(Path file, String displayName) implements ValuesSource {}

    record Text(String text, String displayName) implements ValuesSource {}

    record Settings(String settings, String displayName) implements ValuesSource {}

    record Entries(Map<String, String> entries, String displayName) implements ValuesSource {}
}
