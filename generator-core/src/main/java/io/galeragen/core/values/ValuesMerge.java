package io.galeragen.core.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Helm's merge: mappings merge key by key, anything else (lists, scalars, null) replaces what was there. */
final class ValuesMerge {

    private ValuesMerge() {}

    /** Merges {@code layer} into {@code tree}, moving the origins of every replaced key to the layer's. */
    static void merge(ObjectNode tree, ValuesLayer layer, Map<String, String> origins) {
        merge(tree, layer.tree(), "", layer.origins(), origins);
    }

    private static void merge(
            ObjectNode target,
            ObjectNode overlay,
            String path,
            Map<String, String> layerOrigins,
            Map<String, String> origins) {
        overlay.fields().forEachRemaining(entry -> {
            String key = KeyPaths.child(path, entry.getKey());
            JsonNode existing = target.get(entry.getKey());
            JsonNode value = entry.getValue();
            origins.put(key, layerOrigins.get(key));
            if (existing instanceof ObjectNode existingObject && value instanceof ObjectNode valueObject) {
                merge(existingObject, valueObject, key, layerOrigins, origins);
            } else {
                // Walk the replaced and the new subtree, not every origin: merging stays linear in the keys.
                KeyPaths.forEachBelow(existing, key, origins::remove);
                KeyPaths.forEachBelow(value, key, below -> {
                    String origin = layerOrigins.get(below);
                    if (origin != null) {
                        origins.put(below, origin);
                    }
                });
                target.set(entry.getKey(), value.deepCopy());
            }
        });
    }
}
