package io.galeragen.core.values;

import java.util.Map;

/** Key paths as messages show them ({@code storage.size}, {@code storage.accessModes[0]}) and their origins. */
final class KeyPaths {

    private KeyPaths() {
    }

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Whether {@code path} is {@code ancestor} itself or lies below it. */
    static boolean within(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor + ".") || path.startsWith(ancestor + "[");
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
