package io.galeragen.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Compares every value of a document with the same value after binding to fabric8 and writing back: a value
 * that changed or vanished was coerced or dropped, so what reaches the cluster would not be what was written.
 * The strict mapper already refuses the usual coercions; this catches what custom deserializers do.
 */
final class RoundTripCheck {

    /** A value that did not survive the round trip; {@code after} is null when it was dropped. */
    record Change(JsonPath path, JsonNode before, JsonNode after) {}

    private RoundTripCheck() {}

    static void compare(JsonNode before, JsonNode after, JsonPath path, List<Change> changes) {
        if (before.isObject()) {
            before.properties()
                    .forEach(field -> compare(
                            field.getValue(), child(after, field.getKey()), path.field(field.getKey()), changes));
        } else if (before.isArray()) {
            for (int i = 0; i < before.size(); i++) {
                compare(before.get(i), after == null || !after.isArray() ? null : after.get(i), path.index(i), changes);
            }
        } else if (!before.isNull() && !sameValue(before, after)) {
            changes.add(new Change(path, before, after == null || after.isNull() ? null : after));
        }
    }

    private static JsonNode child(JsonNode parent, String field) {
        return parent == null || !parent.isObject() ? null : parent.get(field);
    }

    private static boolean sameValue(JsonNode before, JsonNode after) {
        if (after == null) {
            return false;
        }
        if (before.equals(after)) {
            return true;
        }
        if (before.isNumber() && after.isNumber()) {
            return before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        // Quantities (cpu: 1) are written back as strings ("1"); the text is what counts.
        return before.isNumber() && after.isTextual() && before.asText().equals(after.asText());
    }
}
