package io.galeragen.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes {@code kubernetes-schemas.json}, the schemas the core jar carries ({@link BundledSchemas}), from a folder
 * of kubeconform-layout schemas ({@code ../shared/k8s-schemas}: originals at its top, derived ones under
 * {@code derived/}; the top wins). For each Kubernetes minor found, the schema of each kind galera-gen reads
 * ({@link ResourceKinds#defaults()}), with descriptions, {@code $schema} and the descriptive {@code x-kubernetes-*}
 * keywords dropped; every object schema longer than a reference that occurs more than once (across kinds and
 * versions) is stored once, under the first 16 hex digits of the SHA-256 of its stored text. Nothing else changes:
 * key order, types, enums, patterns, formats, required lists and defaults are kept as they are.
 *
 * <p>Regenerate: {@code ./mvnw -pl generator-core -am test -Dtest=SchemaBundleTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgalera.regenerate=true}, or everything with {@link io.galeragen.core.Regenerate}.
 */
final class SchemaBundleTool {

    /** Where the bundle lives in the source tree, relative to the generator-core module. */
    static final Path RESOURCE = Path.of("src/main/resources/io/galeragen/core/validate", BundledSchemas.RESOURCE);

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern FOLDER = Pattern.compile("v(\\d+)\\.(\\d+)\\.0-standalone-strict");
    private static final Set<String> SCHEMA_MAPS = Set.of("properties", "patternProperties", "definitions");
    private static final Set<String> SCHEMA_VALUES = Set.of("items", "additionalProperties", "additionalItems", "not");
    private static final Set<String> SCHEMA_LISTS = Set.of("allOf", "anyOf", "oneOf");
    /** Shorter objects are cheaper written out than referenced. */
    private static final int MIN_SHARED_LENGTH = 60;

    private final Map<String, Integer> occurrences = new HashMap<>();
    private final SortedMap<String, String> definitions = new TreeMap<>();

    private SchemaBundleTool() {}

    /** The bundle's text for the schemas under {@code schemaRoot}. */
    static String bundle(Path schemaRoot) {
        SortedMap<KubernetesVersion, Path> folders = versionFolders(schemaRoot);
        Map<KubernetesVersion, Map<String, JsonNode>> schemas = new LinkedHashMap<>();
        folders.forEach((version, folder) -> {
            Map<String, JsonNode> kinds = new TreeMap<>();
            for (String file : kindFiles()) {
                kinds.put(file, stripped(read(folder.resolve(file + ".json")), file));
            }
            schemas.put(version, kinds);
        });
        SchemaBundleTool tool = new SchemaBundleTool();
        schemas.values().forEach(kinds -> kinds.values().forEach(tool::count));
        Map<String, Map<String, String>> roots = new LinkedHashMap<>();
        schemas.forEach((version, kinds) -> {
            Map<String, String> files = new TreeMap<>();
            kinds.forEach((file, schema) -> files.put(file, tool.store(tool.address(schema))));
            roots.put(version.normalized(), files);
        });
        return tool.text(new ArrayList<>(roots.keySet()), roots);
    }

    /** Each minor's folder: {@code vX.Y.0-standalone-strict} at the top, else under {@code derived/}. */
    static SortedMap<KubernetesVersion, Path> versionFolders(Path schemaRoot) {
        SortedMap<KubernetesVersion, Path> folders =
                new TreeMap<>(Comparator.comparingInt((KubernetesVersion version) -> part(version, 0))
                        .thenComparingInt(version -> part(version, 1)));
        for (Path parent : List.of(schemaRoot.resolve("derived"), schemaRoot)) {
            try (Stream<Path> children = Files.list(parent)) {
                children.filter(Files::isDirectory).forEach(folder -> {
                    Matcher matcher = FOLDER.matcher(folder.getFileName().toString());
                    if (matcher.matches()) {
                        folders.put(KubernetesVersion.parse(matcher.group(1) + "." + matcher.group(2)), folder);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + parent, e);
            }
        }
        if (folders.isEmpty()) {
            throw new IllegalStateException("no vX.Y.0-standalone-strict folders in " + schemaRoot);
        }
        return folders;
    }

    private static int part(KubernetesVersion version, int index) {
        return Integer.parseInt(version.normalized().substring(1).split("\\.")[index]);
    }

    /** kubeconform's file names (without .json) of the kinds galera-gen reads. */
    static List<String> kindFiles() {
        SchemaPathTemplate template = new SchemaPathTemplate("{{ .ResourceKind }}{{ .KindSuffix }}", "kinds");
        return ResourceKinds.defaults().supported().stream()
                .map(key -> template.render(
                        KubernetesVersion.parse("1.0"),
                        key.substring(0, key.indexOf(' ')),
                        key.substring(key.indexOf(' ') + 1)))
                .sorted()
                .toList();
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The schema without what does not validate: descriptions, {@code $schema}, {@code x-kubernetes-*}. */
    static JsonNode stripped(JsonNode schema, String where) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode result = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.equals("description") || key.equals("$schema") || key.startsWith("x-kubernetes-")) {
                continue;
            } else if (SCHEMA_MAPS.contains(key)) {
                ObjectNode map = NODES.objectNode();
                value.fields()
                        .forEachRemaining(entry ->
                                map.set(entry.getKey(), stripped(entry.getValue(), where + "." + entry.getKey())));
                result.set(key, map);
            } else if (SCHEMA_LISTS.contains(key) || (SCHEMA_VALUES.contains(key) && value.isArray())) {
                ArrayNode list = NODES.arrayNode();
                value.forEach(element -> list.add(stripped(element, where + "." + key)));
                result.set(key, list);
            } else if (SCHEMA_VALUES.contains(key)) {
                result.set(key, stripped(value, where + "." + key));
            } else {
                result.set(key, value);
            }
        }
        return result;
    }

    private void count(JsonNode node) {
        if (node.has("$ref")) {
            throw new IllegalStateException("a schema holds $ref: " + node + "; the bundle expects standalone schemas");
        }
        if (node.isObject()) {
            occurrences.merge(node.toString(), 1, Integer::sum);
        }
        node.forEach(this::count);
    }

    /** The node with each shared object below it replaced by a reference (children first, so hashes nest). */
    private JsonNode address(JsonNode node) {
        if (node.isArray()) {
            ArrayNode list = NODES.arrayNode();
            node.forEach(element -> list.add(address(element)));
            return list;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = NODES.objectNode();
        node.fields().forEachRemaining(field -> object.set(field.getKey(), shared(field.getValue())));
        return object;
    }

    private JsonNode shared(JsonNode node) {
        JsonNode addressed = address(node);
        if (node.isObject() && node.toString().length() > MIN_SHARED_LENGTH && occurrences.get(node.toString()) > 1) {
            return NODES.objectNode().put("$ref", BundledSchemas.REF_PREFIX + store(addressed));
        }
        return addressed;
    }

    /** Stores the (addressed) schema under its hash, which it returns. */
    private String store(JsonNode addressed) {
        String text = addressed.toString();
        String hash = sha256(text).substring(0, 16);
        String earlier = definitions.putIfAbsent(hash, text);
        if (earlier != null && !earlier.equals(text)) {
            throw new IllegalStateException("two schemas share the hash " + hash + "; use more digits");
        }
        return hash;
    }

    /** One definition per line, so that a regenerated bundle's diff shows which schemas changed. */
    private String text(List<String> versions, Map<String, Map<String, String>> roots) {
        StringBuilder text = new StringBuilder("{\"format\":1,\n");
        text.append("\"about\":")
                .append(NODES.textNode("Kubernetes JSON schemas (kubeconform's standalone-strict) of"
                        + " the kinds galera-gen reads, made by SchemaBundleTool from ../shared/k8s-schemas: descriptions"
                        + " dropped, recurring schemas stored once by content hash. Never edit by hand."))
                .append(",\n");
        text.append("\"versions\":")
                .append(JSON.<JsonNode>valueToTree(versions).toString())
                .append(",\n");
        text.append("\"kinds\":{");
        String separator = "\n";
        for (Map.Entry<String, Map<String, String>> version : roots.entrySet()) {
            text.append(separator)
                    .append(NODES.textNode(version.getKey()))
                    .append(':')
                    .append(JSON.<JsonNode>valueToTree(version.getValue()).toString());
            separator = ",\n";
        }
        text.append("},\n\"definitions\":{");
        separator = "\n";
        for (Map.Entry<String, String> definition : definitions.entrySet()) {
            text.append(separator)
                    .append('"')
                    .append(definition.getKey())
                    .append("\":")
                    .append(definition.getValue());
            separator = ",\n";
        }
        return text.append("}}\n").toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
