package io.galeragen.core.values;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One values file (or YAML text) as read: its tree and where each key was written.
 *
 * @param source  how messages name it, e.g. {@code src/main/galera/values.yaml}
 * @param tree    its keys and values, not yet checked against the model
 * @param origins key path to {@code source:line}
 */
record ValuesLayer(String source, ObjectNode tree, Map<String, String> origins) {

    ValuesLayer {
        origins = Map.copyOf(origins);
    }
}
