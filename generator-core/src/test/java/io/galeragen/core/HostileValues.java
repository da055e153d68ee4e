package io.galeragen.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.galeragen.core.values.ValuesSchema;
import io.galeragen.core.yaml.Yaml;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Values files for {@link EveryInputPropertyTest}: generated from the values schema that editors use (every key
 * optional, enums, types, defaults), then changed the ways issue 15 lists: null where text is expected, values and
 * keys of every length up to past the file limit, deep nesting, quantities from 1e-999999999 to 1e99999999999,
 * YAML words as names and keys, every YAML type and spelling, other encodings and broken bytes, long lists.
 */
final class HostileValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands where a snippet of YAML text goes: plain text to the writer, so it is written as it is. */
    private static final String PLACEHOLDER = "snippetplaceholder";

    static final int FILE_LIMIT = 1 << 20;
    static final int LINE_LIMIT = 256 * 1024;
    private static final ObjectNode SCHEMA = ValuesSchema.generate();
    /** Scalar key paths of the schema, by JSON type ("string", "integer", "boolean", "enum"). */
    private static final Map<String, String> LEAVES = leaves(SCHEMA, "", new LinkedHashMap<>());

    /** Valid-looking samples for string keys, beside each key's default, so that many files are accepted. */
    private static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            Map.entry("name", List.of("db", "orders", "shop-db")),
            Map.entry("namespace", List.of("shop", "team-a")),
            Map.entry("storage.size", List.of("1Gi", "50Gi", "2Ti")),
            Map.entry("storage.storageClassName", List.of("ceph-rbd", "fast")),
            Map.entry("resources.cpuRequest", List.of("250m", "2")),
            Map.entry("resources.memoryLimit", List.of("512Mi", "4Gi")),
            Map.entry("galera.gcacheSize", List.of("512M", "2G")),
            Map.entry("topology.priorityClassName", List.of("database-critical")),
            Map.entry("initialUsers.database", List.of("orders")),
            Map.entry("initialUsers.user", List.of("app")),
            Map.entry("storageClass.cephRbd.clusterID", List.of("b9127830-b0cc-4e34-aa47-9d1a2e9949a8")),
            Map.entry("storageClass.cephRbd.pool", List.of("galera")),
            Map.entry("tls.secretName", List.of("db-tls")));

    private static final Map<String, List<String>> LIST_SAMPLES = Map.of(
            "topology.zones", List.of("zone-a", "zone-b", "zone-c"),
            "topology.tolerations", List.of("dedicated=database:NoSchedule", "spot:NoExecute"),
            "galera.extraCnf", List.of("max_connections=500", "skip_name_resolve"),
            "storage.accessModes", List.of("ReadWriteOnce"));
    private static final List<String> MAP_KEYS =
            List.of("team", "app.kubernetes.io/part-of", "example.com/owner", "evs.suspect_timeout");
    private static final List<String> MAP_VALUES = List.of("db", "shop", "PT10S", "x1");

    /** One values file: what was done to it, its bytes, and what the change alone must lead to. */
    record ValuesCase(String kind, String description, byte[] bytes, Optional<String> refusedNaming) {
        @Override
        public String toString() {
            return kind + ", " + description + " (" + bytes.length + " bytes)";
        }
    }

    /** A change of a generated tree, written out as a file. */
    private interface Mutation {
        ValuesCase apply(ObjectNode tree);
    }

    private HostileValues() {}

    /** A values file generated from the schema, then changed: a new generator, sharing no state with others. */
    static Gen<ValuesCase> cases() {
        return Gen.combine(objectOf(SCHEMA, ""), mutations(), (tree, mutation) -> mutation.apply(tree));
    }

    // ---- Generated from the schema ----

    private static Gen<ObjectNode> objectOf(JsonNode schema, String path) {
        List<Gen<Optional<Map.Entry<String, JsonNode>>>> fields = new ArrayList<>();
        schema.path("properties").properties().forEach(property -> {
            String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            Gen<Optional<Map.Entry<String, JsonNode>>> present =
                    valueOf(property.getValue(), child).map(value -> Optional.of(Map.entry(property.getKey(), value)));
            fields.add(Gen.frequency(Map.entry(3, Gen.just(Optional.empty())), Map.entry(1, present)));
        });
        return Gen.combine(fields).map(entries -> {
            ObjectNode object = NODES.objectNode();
            entries.forEach(entry -> entry.ifPresent(field -> object.set(field.getKey(), field.getValue())));
            return object;
        });
    }

    private static Gen<JsonNode> valueOf(JsonNode schema, String path) {
        if (schema.has("properties")) {
            return objectOf(schema, path).map(JsonNode.class::cast);
        } else if (schema.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Gen.of(values);
        }
        JsonNode type = schema.path("type");
        String kind = type.isArray() ? type.get(0).asText() : type.asText();
        JsonNode fallback = schema.path("default");
        return switch (kind) {
            case "integer" -> Gen.of(fallback.asInt(), 0, 1, 2, 3, 5, 32, 65535).map(NODES::numberNode);
            case "boolean" -> Gen.of(true, false).map(NODES::booleanNode);
            case "array" ->
                Gen.of(LIST_SAMPLES.getOrDefault(path, List.of("x"))).list(3).map(items -> {
                    ArrayNode array = NODES.arrayNode();
                    items.forEach(array::add);
                    return array;
                });
            case "object" ->
                Gen.combine(Gen.of(MAP_KEYS), Gen.of(MAP_VALUES), Map::entry)
                        .list(3)
                        .map(entries -> {
                            ObjectNode map = NODES.objectNode();
                            entries.forEach(entry -> map.put(entry.getKey(), entry.getValue()));
                            return map;
                        });
            default -> {
                List<JsonNode> samples = new ArrayList<>();
                samples.add(fallback.isMissingNode() ? NODES.nullNode() : fallback);
                SAMPLES.getOrDefault(path, List.of()).forEach(sample -> samples.add(NODES.textNode(sample)));
                yield Gen.of(samples);
            }
        };
    }

    private static Map<String, String> leaves(JsonNode schema, String path, Map<String, String> into) {
        schema.path("properties").properties().forEach(property -> {
            String child = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
            JsonNode type = property.getValue().path("type");
            if (property.getValue().has("properties")) {
                leaves(property.getValue(), child, into);
            } else {
                into.put(
                        child,
                        property.getValue().has("enum")
                                ? "enum"
                                : type.isArray() ? type.get(0).asText() : type.asText());
            }
        });
        return into;
    }

    private static List<String> leavesOf(String... types) {
        List<String> wanted = List.of(types);
        return LEAVES.entrySet().stream()
                .filter(leaf -> wanted.contains(leaf.getValue()))
                .map(Map.Entry::getKey)
                .toList();
    }

    // ---- The changes ----

    private static Gen<Mutation> mutations() {
        return Gen.frequency(
                Map.entry(
                        3,
                        named(
                                "schema only",
                                Gen.just(tree -> write("as generated", tree, Map.of(), Optional.empty())))),
                Map.entry(2, named("1 null", nulls())),
                Map.entry(3, named("2 long text", longValues())),
                Map.entry(1, named("3 deep nesting", deepNesting())),
                Map.entry(2, named("4 quantities", quantities())),
                Map.entry(2, named("5 YAML words", yamlWords())),
                Map.entry(3, named("6 YAML types", yamlTypes())),
                Map.entry(1, named("6 encodings", encodings())),
                Map.entry(1, named("6 broken bytes", brokenBytes())),
                Map.entry(2, named("7 long lists", longLists())),
                Map.entry(1, named("8 part-of, Namespace", Gen.just(HostileValues::arbitratorInAShop))));
    }

    /** The class (numbered as in issue 15) each case belongs to, for the figures. */
    private static Gen<Mutation> named(String kind, Gen<Mutation> mutations) {
        return mutations.map(mutation -> tree -> {
            ValuesCase done = mutation.apply(tree);
            return new ValuesCase(kind, done.description(), done.bytes(), done.refusedNaming());
        });
    }

    private static Gen<Mutation> nulls() {
        return Gen.of(LEAVES.keySet()).map(path -> tree -> {
            set(tree, path, NODES.nullNode());
            return write(path + ": null", tree, Map.of(), Optional.empty());
        });
    }

    /** A string of every length that matters, as a value or as a key, including past the line and file limits. */
    private static Gen<Mutation> longValues() {
        Gen<Integer> lengths = Gen.of(41, 64, 81, 254, 317, 399, 4094, 70_000, 262_145, 1_100_000);
        Gen<String> units = Gen.of("a", "a.", "1s", "a-", "é");
        Gen<String> paths = Gen.of(leavesOf("string", "enum"));
        Gen<String> maps =
                Gen.of("labels", "annotations", "topology.nodeSelector", "galera.providerOptions", "monitoring.labels");
        return random -> {
            int length = lengths.next(random);
            String unit = units.next(random);
            String path = paths.next(random);
            String map = maps.next(random);
            boolean asKey = random.nextBoolean();
            return tree -> {
                String text = unit.repeat(Math.max(1, length / unit.length()));
                if (asKey) {
                    setEntry(tree, map, text, NODES.textNode("x"));
                } else {
                    set(tree, path, NODES.textNode(text));
                }
                String where = asKey ? map : path;
                return write(
                        where + (asKey ? " key" : "") + ": " + text.length() + " x " + unit,
                        tree,
                        Map.of(),
                        Optional.empty());
            };
        };
    }

    /** Flow lists or mappings nested 2 to 100,000 deep at any key: past the model's depth, always refused. */
    private static Gen<Mutation> deepNesting() {
        Gen<Integer> depths = Gen.of(2, 3, 4, 5, 50, 1000, 100_000);
        Gen<String> paths = Gen.of(LEAVES.keySet());
        return random -> {
            int depth = depths.next(random);
            boolean lists = random.nextBoolean();
            String path = paths.next(random);
            return tree -> {
                String nested =
                        lists ? "[".repeat(depth) + "]".repeat(depth) : "{a: ".repeat(depth) + "x" + "}".repeat(depth);
                set(tree, path, NODES.textNode(PLACEHOLDER));
                return write(
                        path + ": nested " + depth + (lists ? " lists" : " mappings"),
                        tree,
                        Map.of(PLACEHOLDER, nested),
                        Optional.of(path));
            };
        };
    }

    /** Quantities from 1e-999999999 to 1e99999999999, refused exactly where they are out of the key's range. */
    private static Gen<Mutation> quantities() {
        BigDecimal huge = new BigDecimal("1e100");
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("1e999999999", huge);
        values.put("1e99999999999", huge);
        values.put("99999999999999999999999999999999Ei", huge);
        values.put("1e-999999999", new BigDecimal("1e-100"));
        values.put("0.0001", new BigDecimal("0.0001"));
        values.put("1m", new BigDecimal("0.001"));
        values.put("1", BigDecimal.ONE);
        values.put("1.5", new BigDecimal("1.5"));
        values.put("4096", BigDecimal.valueOf(4096));
        values.put("4097", BigDecimal.valueOf(4097));
        values.put("10Gi", BigDecimal.valueOf(10L << 30));
        values.put("64Ti", BigDecimal.valueOf(64L << 40));
        values.put("65Ti", BigDecimal.valueOf(65L << 40));
        values.put("1Pi", BigDecimal.valueOf(1L << 50));
        values.put("2Pi", BigDecimal.valueOf(2L << 50));
        // Sorted maps here and below: Map.of's order changes from run to run, and the seed must fix the cases.
        Map<String, BigDecimal> maxima = new TreeMap<>(Map.of(
                "storage.size",
                BigDecimal.valueOf(1L << 50),
                "resources.cpuRequest",
                BigDecimal.valueOf(4096),
                "resources.cpuLimit",
                BigDecimal.valueOf(4096),
                "arbitrator.resources.cpuRequest",
                BigDecimal.valueOf(4096),
                "resources.memoryRequest",
                BigDecimal.valueOf(64L << 40),
                "resources.memoryLimit",
                BigDecimal.valueOf(64L << 40),
                "arbitrator.resources.memoryLimit",
                BigDecimal.valueOf(64L << 40)));
        return Gen.combine(Gen.of(values.keySet()), Gen.of(maxima.keySet()), (quantity, path) -> tree -> {
            set(tree, path, NODES.textNode(quantity));
            BigDecimal value = values.get(quantity);
            boolean refused = value.compareTo(maxima.get(path)) > 0 || value.compareTo(new BigDecimal("0.001")) < 0;
            return write(path + ": " + quantity, tree, Map.of(), refused ? Optional.of(path) : Optional.empty());
        });
    }

    /** Names, namespaces and label and annotation keys that YAML 1.1 or 1.2 read as null, booleans or numbers. */
    private static Gen<Mutation> yamlWords() {
        Gen<String> words = Gen.of(
                "null",
                "yes",
                "no",
                "on",
                "off",
                "y",
                "n",
                "true",
                "0",
                "1e3",
                "010",
                "2001-12-14",
                "Y",
                "NULL",
                "0x1F",
                "1_000");
        return Gen.combine(
                words,
                Gen.of(
                        "name",
                        "namespace",
                        "labels",
                        "annotations",
                        "topology.nodeSelector",
                        "networkPolicy.clientPodLabels",
                        "monitoring.labels",
                        "rootPassword.key",
                        "tls.secretName"),
                (word, where) -> tree -> {
                    if (List.of(
                                    "labels",
                                    "annotations",
                                    "topology.nodeSelector",
                                    "networkPolicy.clientPodLabels",
                                    "monitoring.labels")
                            .contains(where)) {
                        setEntry(tree, where, word, NODES.textNode(word.equals("2001-12-14") ? "d" : word));
                    } else {
                        set(tree, where, NODES.textNode(word));
                    }
                    return write(where + " word " + word, tree, Map.of(), Optional.empty());
                });
    }

    /** Every YAML type and spelling where the model expects something else. */
    private static Gen<Mutation> yamlTypes() {
        Map<String, Boolean> snippets = new LinkedHashMap<>();
        for (String refused : List.of(
                ".nan",
                ".NaN",
                ".inf",
                "-.inf",
                "+.inf",
                "!!binary aGVsbG8=",
                "{? [a, b] : c}",
                "{&k team: db, *k : x}",
                "[&a x, *a]",
                "1e99999999999",
                "-1e-99999999999",
                "{\"\": x}",
                "\"" + "9".repeat(2000) + "\"",
                "9".repeat(1500),
                "{x: 1}")) {
            snippets.put(refused, true);
        }
        for (String either : List.of(
                "~",
                "''",
                "!!str 3",
                "0x1F",
                "0o17",
                "1_000",
                "2001-12-14",
                "!!int \"3\"",
                "\"\\u0000\"",
                "\"\\t\"",
                "|\n  multi\n  line",
                "'yes'",
                "Yes",
                "NO")) {
            snippets.put(either, false);
        }
        return Gen.combine(Gen.of(snippets.keySet()), Gen.of(LEAVES.keySet()), (snippet, path) -> tree -> {
            set(tree, path, NODES.textNode(PLACEHOLDER));
            boolean refused = snippets.get(snippet)
                    && !(snippet.startsWith("\"9") && LEAVES.get(path).equals("string"));
            return write(
                    path + ": " + (snippet.length() > 40 ? snippet.substring(0, 40) + "..." : snippet),
                    tree,
                    Map.of(PLACEHOLDER, snippet),
                    refused ? Optional.of(path) : Optional.empty());
        });
    }

    /** The same file in another encoding YAML allows: it must mean the same. */
    private static Gen<Mutation> encodings() {
        return Gen.combine(
                Gen.of("UTF-16LE", "UTF-16BE", "UTF-32BE", "UTF-32LE", "UTF-8"),
                Gen.of(true, false),
                (charset, bom) -> tree -> {
                    String text = Yaml.write(tree);
                    byte[] bytes = ((bom ? "\uFEFF" : "") + "# encoded\n" + text).getBytes(Charset.forName(charset));
                    return new ValuesCase("", charset + (bom ? " with BOM" : ""), bytes, Optional.empty());
                });
    }

    /** A byte that is not UTF-8 text, somewhere in the file: refused, naming the line. */
    private static Gen<Mutation> brokenBytes() {
        return Gen.combine(Gen.of(0xE9, 0xC3, 0xFF, 0x80), SplittableRandom::nextDouble, (bad, where) -> tree -> {
            byte[] text = ("# comment\n" + Yaml.write(tree) + "# é\n").getBytes(StandardCharsets.UTF_8);
            int at = Math.min(text.length - 1, (int) (where * text.length));
            text[at] = (byte) (int) bad;
            // Put where a byte of é was, 0xC3 may still be text.
            boolean broken = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(text), CharBuffer.allocate(text.length), true)
                    .isError();
            return new ValuesCase(
                    "",
                    String.format("byte 0x%02X at %d", bad, at),
                    text,
                    broken ? Optional.of("values.yaml:") : Optional.empty());
        });
    }

    /** Lists and maps at and past their limits, up to 100,000 entries. */
    private static Gen<Mutation> longLists() {
        Map<String, Integer> limits = new TreeMap<>(Map.of(
                "labels",
                128,
                "annotations",
                128,
                "topology.nodeSelector",
                128,
                "galera.providerOptions",
                100,
                "topology.zones",
                64,
                "topology.tolerations",
                64,
                "galera.extraCnf",
                64));
        return Gen.combine(Gen.of(limits.keySet()), Gen.of(0, 1, 20_000, 100_000), (path, over) -> tree -> {
            int count = over <= 1 ? limits.get(path) + over : over;
            boolean list = path.equals("topology.zones")
                    || path.equals("topology.tolerations")
                    || path.equals("galera.extraCnf");
            JsonNode value = list ? list(path, count) : map(path, count);
            set(tree, path, value);
            return write(
                    path + ": " + count + " entries",
                    tree,
                    Map.of(),
                    count > limits.get(path) ? Optional.of(path) : Optional.empty());
        });
    }

    private static JsonNode list(String path, int count) {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            array.add(
                    switch (path) {
                        case "topology.tolerations" -> "key" + i + ":NoSchedule";
                        case "galera.extraCnf" -> "option_" + i + "=1";
                        default -> "zone-" + i;
                    });
        }
        return array;
    }

    private static JsonNode map(String path, int count) {
        ObjectNode map = NODES.objectNode();
        for (int i = 0; i < count; i++) {
            map.put(path.equals("galera.providerOptions") ? "evs.option_" + i : "example.com/key-" + i, "v" + i);
        }
        return map;
    }

    /** Issue 15, point 8: a user's app.kubernetes.io/part-of on every object, the arbitrator's too. */
    private static ValuesCase arbitratorInAShop(ObjectNode tree) {
        set(tree, "replicas", NODES.numberNode(2));
        set(tree, "arbitrator.enabled", NODES.booleanNode(true));
        set(tree, "createNamespace", NODES.booleanNode(true));
        setEntry(tree, "labels", "app.kubernetes.io/part-of", NODES.textNode("shop"));
        setEntry(tree, "annotations", "example.com/owner", NODES.textNode("team-a"));
        return write("arbitrator, part-of shop, annotated Namespace", tree, Map.of(), Optional.empty());
    }

    // ---- Writing ----

    private static ValuesCase write(
            String description, ObjectNode tree, Map<String, String> snippets, Optional<String> refusedNaming) {
        String text = Yaml.write(tree);
        for (Map.Entry<String, String> snippet : snippets.entrySet()) {
            text = text.replace(snippet.getKey(), snippet.getValue());
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // Past the file or line limits the file is refused before any key is looked at.
        boolean overLimits = bytes.length > FILE_LIMIT || text.lines().anyMatch(line -> line.length() > LINE_LIMIT);
        return new ValuesCase("", description, bytes, overLimits ? Optional.of("values.yaml") : refusedNaming);
    }

    private static void set(ObjectNode tree, String path, JsonNode value) {
        String[] keys = path.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode child = parent.get(keys[i]);
            if (!(child instanceof ObjectNode)) {
                child = parent.putObject(keys[i]);
            }
            parent = (ObjectNode) child;
        }
        parent.set(keys[keys.length - 1], value);
    }

    private static void setEntry(ObjectNode tree, String mapPath, String key, JsonNode value) {
        ObjectNode map = NODES.objectNode();
        JsonNode existing = tree.at("/" + mapPath.replace('.', '/'));
        if (existing instanceof ObjectNode existingMap) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = existingMap.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.set(field.getKey(), field.getValue());
            }
        }
        map.set(key, value);
        set(tree, mapPath, map);
    }
}
