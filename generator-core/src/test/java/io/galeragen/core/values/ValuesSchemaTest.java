package io.galeragen.core.values;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesSchemaTest {

    private final ObjectNode schema = ValuesSchema.generate();

    @Test
    void everyKeyOfTheModelIsDescribedOnItsRecordComponent() {
        assertThat(ValueShape.allPaths().keySet())
                .allSatisfy(path -> assertThat(ValueShape.description(path)).isNotBlank());
    }

    @Test
    void theSchemaFollowsTheModelShapeWithDefaultsAndDescriptions() {
        assertThat(schema.get("$schema").textValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("additionalProperties").booleanValue()).isFalse();
        assertThat(schema.at("/properties/replicas/type").textValue()).isEqualTo("integer");
        assertThat(schema.at("/properties/replicas/default").intValue()).isEqualTo(3);
        assertThat(schema.at("/properties/storage/properties/size/default").textValue())
                .isEqualTo("10Gi");
        assertThat(schema.at("/properties/storage/additionalProperties").booleanValue())
                .isFalse();
        assertThat(schema.at("/properties/recoveryPolicy/enum"))
                .extracting(JsonNode::textValue)
                .containsExactly("manual", "safe", "force-pod0");
        assertThat(schema.at("/properties/labels/additionalProperties/type").textValue())
                .isEqualTo("string");
        assertThat(schema.at("/properties/galera/properties/applierThreads/description")
                        .textValue())
                .startsWith("wsrep_slave_threads");
    }

    @Test
    void theSchemaIsItselfAValidDraft2020Schema() {
        JsonNode metaSchemaCheck = Yaml.mapper().valueToTree(Map.of());
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(schema)
                        .validate(metaSchemaCheck))
                .isEmpty();
    }

    @Test
    void theDefaultsTreeAndAnEmptyFilePassTheSchema() {
        assertThat(ValuesSchema.check(ValuesTree.of(GaleraCluster.defaults()), Map.of()))
                .isEmpty();
        assertThat(ValuesSchema.check(Yaml.mapper().createObjectNode(), Map.of()))
                .isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheBinderRejects() {
        JsonNode unknownKey = Yaml.readTree("storage:\n  sise: 1Gi\n", "values.yaml");
        JsonNode wrongType = Yaml.readTree("replicas: three\n", "values.yaml");

        assertThat(ValuesSchema.check(unknownKey, Map.of("storage.sise", "values.yaml:2")))
                .extracting(Object::toString)
                .singleElement()
                .asString()
                .startsWith("values.yaml:2: storage.sise: does not match the values schema");
        assertThat(ValuesSchema.check(wrongType, Map.of())).hasSize(1);
    }

    @Test
    void theJsonTextIsStable() {
        assertThat(ValuesSchema.json())
                .isEqualTo(ValuesSchema.json())
                .endsWith("}\n")
                .doesNotContain("\r");
        assertThat(List.of(ValuesSchema.json().split("\n")))
                .element(1)
                .isEqualTo("  \"$schema\" : \"https://json-schema.org/draft/2020-12/schema\",");
    }
}
