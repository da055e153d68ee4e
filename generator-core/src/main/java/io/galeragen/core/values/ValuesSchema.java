package io.galeragen.core.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.GaleraCluster;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema (draft 2020-12) of values files, generated from the model's shape, the defaults and
 * the descriptions on the record components: editors use it to complete and check values.yaml, and merged values
 * are checked against it before they are bound. It describes structure (keys, types, enums); the model's checks
 * own the value rules (ranges, patterns), so the two cannot disagree.
 */
public final class ValuesSchema {

    /** The file name the schema is shipped and written under. */
    public static final String FILE_NAME = "values.schema.json";

    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectWriter JSON = JsonMapper.builder()
            .build()
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
    private static final Schema COMPILED = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(generate());

    private ValuesSchema() {}

    /** The schema as a tree; equal on every call. */
    public static ObjectNode generate() {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", "https://galeragen.io/schemas/" + FILE_NAME);
        schema.put("title", "galera-gen values");
        schema.put(
                "description",
                "Values of a MariaDB Galera cluster rendered by galera-gen. Every key is optional: "
                        + "what is left out keeps its default.");
        schema.setAll(objectSchema("", ValueShape.ROOT, ValuesTree.of(GaleraCluster.defaults())));
        return schema;
    }

    /** The schema as JSON text: two-space indent, LF, a final newline. */
    public static String json() {
        try {
            return JSON.writeValueAsString(generate()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the values schema", e);
        }
    }

    /** Checks a merged values tree; each problem names the key path and where it was written. */
    static List<Problem> check(JsonNode tree, Map<String, String> origins) {
        List<Error> errors = COMPILED.validate(tree);
        return errors.stream()
                .map(error -> {
                    String path = keyPath(error.getInstanceLocation().toString());
                    if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
                        path = KeyPaths.child(path, error.getProperty());
                    }
                    return new Problem(
                            Input.VALUES,
                            KeyPaths.where(path.isEmpty() ? "values" : path, origins),
                            "does not match the values schema: " + error.getMessage());
                })
                .toList();
    }

    /** A JSON pointer ({@code /storage/accessModes/0}) as a key path ({@code storage.accessModes[0]}). */
    private static String keyPath(String pointer) {
        String path = "";
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String key = segment.replace("~1", "/").replace("~0", "~");
            path = key.chars().allMatch(Character::isDigit)
                    ? KeyPaths.element(path, Integer.parseInt(key))
                    : KeyPaths.child(path, key);
        }
        return path;
    }

    private static ObjectNode schemaOf(String path, ValueShape shape, JsonNode defaultValue) {
        ObjectNode node =
                shape.kind() == ValueShape.Kind.OBJECT ? objectSchema(path, shape, defaultValue) : NODES.objectNode();
        switch (shape.kind()) {
            // null unsets a string; the model's checks then name a required one as missing.
            case STRING -> node.set("type", NODES.arrayNode().add("string").add("null"));
            case INTEGER -> node.put("type", "integer");
            case BOOLEAN -> node.put("type", "boolean");
            case ENUM -> {
                node.put("type", "string");
                ArrayNode values = node.putArray("enum");
                shape.enumValues().forEach(values::add);
            }
            case STRING_LIST -> {
                node.put("type", "array");
                node.putObject("items").put("type", "string");
            }
            case STRING_MAP -> {
                node.put("type", "object");
                node.putObject("additionalProperties").put("type", "string");
            }
            case OBJECT -> {}
        }
        ObjectNode described = NODES.objectNode();
        described.put("description", ValueShape.description(path));
        described.setAll(node);
        if (shape.kind() != ValueShape.Kind.OBJECT) {
            described.set("default", defaultValue);
        }
        return described;
    }

    private static ObjectNode objectSchema(String path, ValueShape shape, JsonNode defaults) {
        ObjectNode node = NODES.objectNode();
        node.put("type", "object");
        ObjectNode properties = node.putObject("properties");
        shape.fields().forEach((name, child) -> {
            String childPath = KeyPaths.child(path, name);
            properties.set(name, schemaOf(childPath, child, defaults.get(name)));
        });
        node.put("additionalProperties", false);
        return node;
    }
}
