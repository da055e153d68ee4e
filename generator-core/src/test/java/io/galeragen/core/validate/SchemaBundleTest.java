package io.galeragen.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.galeragen.core.Regenerate;
import io.galeragen.core.TestSchemas;
import io.galeragen.core.error.Problem;
import io.galeragen.core.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The schemas bundled in the core jar: made by {@link SchemaBundleTool} from the shared folder and nothing else,
 * small, complete, and giving the same verdict as the full kubeconform-layout schemas on every golden document and
 * on thousands of broken variants of them.
 */
class SchemaBundleTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final int MAX_BYTES_IN_JAR = 2 * 1024 * 1024;

    @Test
    void theCommittedBundleIsWhatTheToolMakesFromTheSharedSchemas() throws IOException {
        String made = SchemaBundleTool.bundle(TestSchemas.root());
        if (Regenerate.requested()) {
            Files.writeString(SchemaBundleTool.RESOURCE, made, StandardCharsets.UTF_8);
        }

        assertThat(Files.readString(SchemaBundleTool.RESOURCE, StandardCharsets.UTF_8))
                .as(
                        "%s differs from what SchemaBundleTool makes of %s; regenerate it with " + Regenerate.COMMAND,
                        SchemaBundleTool.RESOURCE,
                        TestSchemas.root())
                .isEqualTo(made);
    }

    @Test
    void everySharedVersionAndEveryKindGaleraGenReadsIsBundled() {
        List<String> shared = SchemaBundleTool.versionFolders(TestSchemas.root()).keySet().stream()
                .map(KubernetesVersion::shortName)
                .toList();

        assertThat(ValidationTargets.bundledVersions())
                .containsExactlyElementsOf(shared)
                .contains("1.28", "1.33", "1.34", "1.35", "1.36");
    }

    @Test
    void eachBundledVersionHasASchemaForEachKindGaleraGenReads() {
        for (KubernetesVersion version : BundledSchemas.versions()) {
            for (String file : SchemaBundleTool.kindFiles()) {
                assertThat(BundledSchemas.schema(version, file))
                        .as("%s %s", version, file)
                        .isPresent();
            }
        }
        assertThat(SchemaBundleTool.kindFiles())
                .contains(
                        "statefulset-apps-v1",
                        "service-v1",
                        "configmap-v1",
                        "namespace-v1",
                        "poddisruptionbudget-policy-v1",
                        "networkpolicy-networking-v1",
                        "storageclass-storage-v1",
                        "deployment-apps-v1",
                        "servicemonitor-monitoring-v1",
                        "prometheusrule-monitoring-v1");
    }

    @Test
    void theBundleTakesLessThanTwoMegabytesInTheJar() throws IOException {
        byte[] text;
        try (InputStream in = BundledSchemas.class.getResourceAsStream(BundledSchemas.RESOURCE)) {
            text = in.readAllBytes();
        }
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream out =
                new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            out.write(text);
        }

        assertThat(deflated.size()).isLessThan(MAX_BYTES_IN_JAR);
        System.out.printf(
                "kubernetes-schemas.json: %,d bytes, %,d deflated (as in the jar)%n", text.length, deflated.size());
    }

    @Test
    void theDefaultVersionsAreTheThreeNewestBundled() {
        List<String> bundled = ValidationTargets.bundledVersions();

        assertThat(ValidationTargets.defaultVersions())
                .containsExactlyElementsOf(bundled.subList(bundled.size() - 3, bundled.size()))
                .containsExactly("1.34", "1.35", "1.36");
    }

    @Test
    void bundleAndFullSchemasGiveTheSameVerdictOnEveryGoldenDocumentAndEveryBrokenVariant() throws IOException {
        SchemaValidator full = new SchemaValidator(TestSchemas.schemaLocations());
        SchemaValidator bundled = new SchemaValidator(List.of(SchemaLocation.bundled()));
        List<JsonNode> documents = new ArrayList<>(goldenDocuments());
        Fixtures.VALID.forEach(name -> documents.add(Fixtures.valid(name)));
        int cases = 0;
        int invalid = 0;
        for (JsonNode document : documents) {
            for (JsonNode variant : variants(document)) {
                for (KubernetesVersion version : BundledSchemas.versions()) {
                    List<Problem> expected = full.validate(variant, version);
                    assertThat(bundled.validate(variant, version))
                            .as("%s for %s", variant, version)
                            .isEqualTo(expected);
                    cases++;
                    invalid += expected.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(invalid).isGreaterThan(cases / 2);
        System.out.printf(
                "bundle vs full schemas: %,d documents x versions, %,d of them invalid, same verdicts%n",
                cases, invalid);
    }

    private static List<JsonNode> goldenDocuments() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            for (Path file : files.sorted().toList()) {
                documents.addAll(Yaml.readAll(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
            }
        }
        assertThat(documents).hasSizeGreaterThan(15);
        return documents;
    }

    /**
     * The document itself and broken copies of it: an unknown field in every object, every scalar of another type,
     * every field of every object removed in turn, and names of 64 and 254 characters.
     */
    static List<JsonNode> variants(JsonNode document) {
        List<JsonNode> variants = new ArrayList<>(List.of(document));
        List<String> objects = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        collect(document, "", objects, fields);
        for (String object : objects) {
            variants.add(edit(document, copy -> ((ObjectNode) copy.at(object)).put("zzUnknownField", "x")));
        }
        for (String field : fields) {
            int cut = field.lastIndexOf('/');
            String parent = field.substring(0, cut);
            String name = field.substring(cut + 1);
            JsonNode value = document.at(field);
            if (document.at(parent).isObject()) {
                variants.add(edit(document, copy -> ((ObjectNode) copy.at(parent)).remove(unescape(name))));
                if (value.isValueNode()) {
                    variants.add(edit(
                            document, copy -> ((ObjectNode) copy.at(parent)).set(unescape(name), otherType(value))));
                }
            } else if (value.isValueNode()) {
                variants.add(edit(
                        document, copy -> ((ArrayNode) copy.at(parent)).set(Integer.parseInt(name), otherType(value))));
            }
        }
        for (int length : new int[] {64, 254}) {
            variants.add(edit(document, copy -> ((ObjectNode) copy.path("metadata")).put("name", "a".repeat(length))));
        }
        return variants;
    }

    private static void collect(JsonNode node, String pointer, List<String> objects, List<String> fields) {
        if (node.isObject()) {
            objects.add(pointer);
            for (Iterator<Map.Entry<String, JsonNode>> children = node.fields(); children.hasNext(); ) {
                Map.Entry<String, JsonNode> child = children.next();
                String path = pointer + "/" + child.getKey().replace("~", "~0").replace("/", "~1");
                fields.add(path);
                collect(child.getValue(), path, objects, fields);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                fields.add(pointer + "/" + i);
                collect(node.get(i), pointer + "/" + i, objects, fields);
            }
        }
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    private static JsonNode otherType(JsonNode value) {
        return value.isTextual() ? JsonNodeFactory.instance.numberNode(7) : JsonNodeFactory.instance.textNode("x");
    }

    private static JsonNode edit(JsonNode document, Consumer<JsonNode> change) {
        JsonNode copy = document.deepCopy();
        change.accept(copy);
        return copy;
    }
}
