package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.galeragen.core.output.Notes;
import io.galeragen.core.yaml.Yaml;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * examples/ceph-rbd-3-zones: the committed expected output is what galera-gen renders for the example, byte for byte
 * (regenerate with {@link Regenerate} and review the diff), and the example's values.yaml says the
 * same as the cluster built in {@link Examples#cephRbd3Zones()}, key path by key path.
 */
class CephRbdExampleTest {

    private static final Path EXAMPLE = Examples.examplesDir().resolve("ceph-rbd-3-zones");

    @Test
    void renderedOutputMatchesTheCommittedExpectedOutput() throws IOException {
        Rendering rendering = TestSchemas.validatingGenerator().render(Examples.cephRbd3Zones());
        Path expected = EXAMPLE.resolve("expected/galera.yaml");
        if (Regenerate.requested()) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, rendering.combinedYaml(), StandardCharsets.UTF_8);
        }

        assertThat(rendering.warnings()).isEmpty();
        assertThat(rendering.combinedYaml()).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
        assertThat(rendering.combinedYaml().getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(expected));
    }

    @Test
    void theReadmesSecretCommandIsTheOneGaleraGenPrints() throws IOException {
        Rendering rendering = TestSchemas.validatingGenerator().render(Examples.cephRbd3Zones());

        assertThat(Files.readString(EXAMPLE.resolve("README.md")))
                .contains("```sh\n" + Notes.commands(rendering.secrets()) + "```\n")
                .doesNotContain("base64");
    }

    @Test
    void valuesFileSaysWhatTheJavaClusterSays() throws IOException {
        JsonNode values = Yaml.readTree(Files.readString(EXAMPLE.resolve("values.yaml")), "values.yaml");
        JsonNode model = tree(Examples.cephRbd3Zones());

        assertThat(values.isObject()).isTrue();
        assertSame("", values, model);
    }

    /** Every leaf set in values.yaml exists in the model under the same key path, with the same value. */
    private static void assertSame(String path, JsonNode values, JsonNode model) {
        if (values.isObject()) {
            assertThat(model.isObject())
                    .as(path + " is not an object in the model")
                    .isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                assertThat(model.has(field.getKey()))
                        .as(child + " is no key path of the model")
                        .isTrue();
                // Maps (labels, selectors) are compared whole: a values map replaces the default.
                assertSame(child, field.getValue(), model.get(field.getKey()));
            }
        } else {
            assertThat(values.asText()).as(path).isEqualTo(model.asText());
            assertThat(values.isArray()).as(path).isEqualTo(model.isArray());
            if (values.isArray()) {
                assertThat(values).as(path).isEqualTo(model);
            }
        }
    }

    /** The model as a values tree: records by component name, enums by their values spelling. */
    static JsonNode tree(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value.getClass().isRecord()) {
            ObjectNode object = nodes.objectNode();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    object.set(component.getName(), tree(component.getAccessor().invoke(value)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return object;
        }
        if (value instanceof Enum<?> constant) {
            try {
                return nodes.textNode(
                        (String) constant.getClass().getMethod("value").invoke(constant));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            new TreeMap<>(map).forEach((key, entry) -> object.set(String.valueOf(key), tree(entry)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(entry -> array.add(tree(entry)));
            return array;
        }
        return Yaml.mapper().valueToTree(value);
    }
}
