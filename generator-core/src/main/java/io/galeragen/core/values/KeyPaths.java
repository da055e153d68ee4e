package io.galeragen.core.values;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;

/** Key paths as messages show them ({@code storage.size}, {@code storage.accessModes[0]}) and their origins. */
final class KeyPaths {

    private KeyPaths() {}

    /** The path of a key below {@code parent}; an empty key shows as {@code ""}, so a message still names it. */
    static String child(String parent, String key) {
        String shown = key.isEmpty() ? "\"\"" : key;
        return parent.isEmpty() ? shown : parent + "." + shown;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Calls {@code action} with the path of every key and element below {@code node}, which sits at {@code path}. */
    static void forEachBelow(JsonNode node, String path, Consumer<String> action) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String child = child(path, field.getKey());
                action.accept(child);
                forEachBelow(field.getValue(), child, action);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String element = element(path, i);
                action.accept(element);
                forEachBelow(node.get(i), element, action);
            }
        }
    }

    /**
     * Where a key came from: its own origin, else the nearest enclosing key's ({@code values.yaml:7}); null for
     * a key that only the defaults set.
     */
    static String originOf(String path, Map<String, String> origins) {
        String current = path;
        while (!current.isEmpty()) {
            String origin = origins.get(current);
            if (origin != null) {
                return origin;
            }
            current = parent(current);
        }
        return null;
    }

    /** How a problem names a key: {@code values.yaml:7: storage.size}, or just the path for a default. */
    static String where(String path, Map<String, String> origins) {
        String origin = originOf(path, origins);
        return origin == null ? path : origin + ": " + path;
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
