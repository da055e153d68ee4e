package io.galeragen.core.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.List;

/** Parses schema files; one mapper for every schema, local or fetched. */
final class SchemaJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private SchemaJson() {}

    /**
     * @throws GaleraGenException naming {@code address} when {@code text} is not a JSON object
     */
    static JsonNode parse(String text, String address) {
        try {
            JsonNode schema = MAPPER.readTree(text);
            if (schema == null || !schema.isObject()) {
                throw new GaleraGenException(
                        new Problem(Input.SCHEMA, address, "is not a JSON schema: expected a JSON object"));
            }
            return schema;
        } catch (JsonProcessingException failure) {
            Problem problem = new Problem(Input.SCHEMA, address, "is not valid JSON: " + failure.getOriginalMessage());
            throw new GaleraGenException(List.of(problem), failure);
        }
    }
}
