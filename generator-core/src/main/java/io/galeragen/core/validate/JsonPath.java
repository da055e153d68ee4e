package io.galeragen.core.validate;

import java.util.regex.Pattern;

/**
 * A location inside a manifest in the form people read in kubectl errors: {@code spec.ports[0].port}, with
 * odd keys bracketed: {@code metadata.labels['app.kubernetes.io/name']}. Immutable; the root prints as
 * {@code (root)}.
 */
final class JsonPath {

    private static final JsonPath ROOT = new JsonPath("");
    // Keys that can be written after a dot without ambiguity.
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    private final String text;

    private JsonPath(String text) {
        this.text = text;
    }

    static JsonPath root() {
        return ROOT;
    }

    JsonPath field(String name) {
        if (PLAIN_KEY.matcher(name).matches()) {
            return new JsonPath(text.isEmpty() ? name : text + "." + name);
        }
        return new JsonPath(text + "['" + name.replace("'", "\\'") + "']");
    }

    JsonPath index(int index) {
        return new JsonPath(text + "[" + index + "]");
    }

    boolean isRoot() {
        return text.isEmpty();
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "(root)" : text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
