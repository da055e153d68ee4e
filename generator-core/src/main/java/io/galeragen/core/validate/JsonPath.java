package io.galeragen.core.validate;

import java.util.regex.Pattern;

/**
 * A location inside a manifest in the form people read in kubectl errors: {@code spec.ports[0].port}, with
 * odd keys bracketed: {@code metadata.labels['app.kubernetes.io/name']}. Immutable; the root prints as
 * {@code (root)}.
 */
final class JsonPath {

    private static final JsonPath ROOT = new JsonPath(null, null, -1);
    // Keys that can be written after a dot without ambiguity.
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

    // A path is a link to its parent plus one step, spelt out only when printed: the walkers create one per value
    // of every document they check and almost never print one (a profile showed eager text at 9% of a render).
    private final JsonPath parent;
    private final String key;
    private final int index;
    private String text;

    private JsonPath(JsonPath parent, String key, int index) {
        this.parent = parent;
        this.key = key;
        this.index = index;
    }

    static JsonPath root() {
        return ROOT;
    }

    JsonPath field(String name) {
        return new JsonPath(this, name, -1);
    }

    JsonPath index(int index) {
        return new JsonPath(this, null, index);
    }

    boolean isRoot() {
        return parent == null;
    }

    private String text() {
        if (text == null) {
            text = parent == null ? "" : parent.text() + step(parent.isRoot());
        }
        return text;
    }

    private String step(boolean first) {
        if (key == null) {
            return "[" + index + "]";
        }
        if (PLAIN_KEY.matcher(key).matches()) {
            return first ? key : "." + key;
        }
        return "['" + key.replace("'", "\\'") + "']";
    }

    @Override
    public String toString() {
        return isRoot() ? "(root)" : text();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonPath path && path.text().equals(text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }
}
