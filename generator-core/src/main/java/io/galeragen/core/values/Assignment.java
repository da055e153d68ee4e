package io.galeragen.core.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.List;
import java.util.Map;

/**
 * One {@code key.path=value} setting ({@code --set} style), already checked against the model's shape and
 * turned into a value of the key's type. It is applied to the merged tree, so {@code storage.accessModes[1]=x}
 * edits the list that the lower layers produced.
 *
 * @param path   the key path as messages show it
 * @param steps  how to walk the tree to the key
 * @param value  the typed value
 * @param origin where it was written, e.g. {@code -Dgalera.set}
 */
record Assignment(String path, List<Step> steps, JsonNode value, String origin) {

    /** One step of a key path: a record field or map key ({@code name}), or a list index. */
    record Step(String name, int index) {
        static Step key(String name) {
            return new Step(name, -1);
        }

        static Step index(int index) {
            return new Step(null, index);
        }

        boolean isIndex() {
            return name == null;
        }
    }

    /** Applies this setting to the tree; a list index past the end is a problem, returned rather than thrown. */
    List<Problem> applyTo(ObjectNode tree, Map<String, String> origins) {
        JsonNode parent = tree;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = descend(parent, steps.get(i), steps.get(i + 1));
        }
        Step last = steps.get(steps.size() - 1);
        JsonNode replaced;
        if (last.isIndex()) {
            ArrayNode list = (ArrayNode) parent;
            if (last.index() > list.size()) {
                return List.of(new Problem(
                        Input.VALUES,
                        origin + ": " + path,
                        "index " + last.index() + " is past the end of a list of " + list.size() + " (use "
                                + list.size() + " to append)"));
            }
            replaced = last.index() < list.size() ? list.get(last.index()) : null;
            if (last.index() == list.size()) {
                list.add(value);
            } else {
                list.set(last.index(), value);
            }
        } else {
            replaced = ((ObjectNode) parent).replace(last.name(), value);
        }
        // The setting replaces whatever lower layers said at and below this key.
        KeyPaths.forEachBelow(replaced, path, origins::remove);
        origins.put(path, origin);
        return List.of();
    }

    private static JsonNode descend(JsonNode parent, Step step, Step next) {
        // Steps were checked against the shape; a lower layer may still have put a scalar here, which is replaced.
        ObjectNode object = (ObjectNode) parent;
        JsonNode child = object.get(step.name());
        boolean wantList = next.isIndex();
        if (child == null || (wantList ? !child.isArray() : !child.isObject())) {
            child = wantList ? JsonNodeFactory.instance.arrayNode() : JsonNodeFactory.instance.objectNode();
            object.set(step.name(), child);
        }
        return child;
    }
}
