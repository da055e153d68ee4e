package io.galeragen.core.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes JSON schemas carried in this jar, so that validation works offline: kubeconform's strict
 * standalone schemas of the kinds galera-gen reads, for every bundled Kubernetes minor, without descriptions,
 * each object schema that recurs stored once under its content hash ({@code "$ref": "#/definitions/<hash>"}).
 * The file is made by {@code SchemaBundleTool} (a test source) from {@code ../shared/k8s-schemas}, never by hand;
 * a test proves that it gives the same verdicts as the full schemas.
 *
 * <p>Loaded on first use; nothing here runs in a static initialiser. Schemas are handed out with the shared
 * parts inflated in place (one node instance per hash, read-only), so the validator sees exactly the schema of
 * the kubeconform file.
 */
final class BundledSchemas {

    static final String RESOURCE = "kubernetes-schemas.json";
    static final String REF_PREFIX = "#/definitions/";

    private static final Object LOCK = new Object();
    private static volatile List<KubernetesVersion> versions;
    private static volatile BundledSchemas loaded;

    /** Kubernetes version to kubeconform file name (without .json) to the hash of its root schema. */
    private final Map<String, Map<String, String>> roots;

    private final Map<String, JsonNode> definitions;
    private final Map<String, JsonNode> inflated = new HashMap<>();

    private BundledSchemas(Map<String, Map<String, String>> roots, Map<String, JsonNode> definitions) {
        this.roots = roots;
        this.definitions = definitions;
    }

    /** The bundled versions, oldest first (read from the file's head, without loading the schemas). */
    static List<KubernetesVersion> versions() {
        List<KubernetesVersion> known = versions;
        if (known == null) {
            known = readVersions();
            versions = known;
        }
        return known;
    }

    /** The bundled version for {@code version}'s minor, e.g. v1.34.0 for v1.34.2; empty when it is not bundled. */
    static Optional<KubernetesVersion> bundled(KubernetesVersion version) {
        return versions().stream().filter(known -> known.sameMinor(version)).findFirst();
    }

    /**
     * The schema of kubeconform file {@code fileName} (e.g. {@code statefulset-apps-v1}) for {@code version}'s
     * minor; empty when the bundle does not have it.
     */
    static Optional<JsonNode> schema(KubernetesVersion version, String fileName) {
        Optional<KubernetesVersion> minor = bundled(version);
        if (minor.isEmpty()) {
            return Optional.empty();
        }
        BundledSchemas bundle = load();
        String hash =
                bundle.roots.getOrDefault(minor.get().normalized(), Map.of()).get(fileName);
        if (hash == null) {
            return Optional.empty();
        }
        synchronized (bundle) {
            return Optional.of(bundle.inflate(hash));
        }
    }

    private static BundledSchemas load() {
        BundledSchemas bundle = loaded;
        if (bundle == null) {
            synchronized (LOCK) {
                bundle = loaded;
                if (bundle == null) {
                    bundle = read();
                    loaded = bundle;
                }
            }
        }
        return bundle;
    }

    private JsonNode inflate(String hash) {
        JsonNode done = inflated.get(hash);
        if (done == null) {
            JsonNode stored = definitions.get(hash);
            if (stored == null) {
                throw new IllegalStateException(RESOURCE + " refers to a missing definition " + hash);
            }
            done = inflateNode(stored);
            inflated.put(hash, done);
        }
        return done;
    }

    private JsonNode inflateNode(JsonNode node) {
        if (node.isObject()) {
            if (node.size() == 1 && node.path("$ref").asText("").startsWith(REF_PREFIX)) {
                return inflate(node.get("$ref").textValue().substring(REF_PREFIX.length()));
            }
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), inflateNode(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(element -> copy.add(inflateNode(element)));
            return copy;
        }
        return node;
    }

    private static InputStream open() {
        InputStream in = BundledSchemas.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the galera-generator-core jar");
        }
        return in;
    }

    private static List<KubernetesVersion> readVersions() {
        synchronized (LOCK) {
            try (InputStream in = open();
                    JsonParser parser = JsonMapper.builder().build().createParser(in)) {
                while (parser.nextToken() != null) {
                    if (parser.currentToken() == JsonToken.FIELD_NAME
                            && parser.currentName().equals("versions")
                            && parser.getParsingContext().getParent().inRoot()) {
                        parser.nextToken();
                        List<KubernetesVersion> found = new ArrayList<>();
                        while (parser.nextToken() == JsonToken.VALUE_STRING) {
                            found.add(new KubernetesVersion(parser.getText()));
                        }
                        return List.copyOf(found);
                    }
                }
                throw new IllegalStateException(RESOURCE + " has no versions");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
    }

    private static BundledSchemas read() {
        try (InputStream in = open()) {
            JsonNode bundle = JsonMapper.builder().build().readTree(in);
            Map<String, Map<String, String>> roots = new HashMap<>();
            bundle.get("kinds").fields().forEachRemaining(version -> {
                Map<String, String> files = new HashMap<>();
                version.getValue()
                        .fields()
                        .forEachRemaining(
                                file -> files.put(file.getKey(), file.getValue().asText()));
                roots.put(version.getKey(), files);
            });
            Map<String, JsonNode> definitions = new HashMap<>();
            bundle.get("definitions")
                    .fields()
                    .forEachRemaining(entry -> definitions.put(entry.getKey(), entry.getValue()));
            return new BundledSchemas(roots, definitions);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
