package io.galeragen.core.validate;

import com.fasterxml.jackson.databind.JsonNode;

/** How a manifest document is named in problems: {@code StatefulSet/db}, like kubectl does. */
final class DocumentName {

    private DocumentName() {}

    static String of(JsonNode document) {
        String kind = text(document, "kind");
        String name = text(document.path("metadata"), "name");
        if (kind == null) {
            return name == null ? "(document without kind)" : "(document without kind)/" + name;
        }
        return kind + "/" + (name == null ? "(unnamed)" : name);
    }

    /** The field's text if it is a non-blank string, else null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
