package io.galeragen.core.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one parsed manifest document into its fabric8 type, chosen by apiVersion and kind, and refuses
 * anything fabric8 would otherwise swallow: unknown fields (kept silently in {@code additionalProperties}),
 * values of the wrong type (coerced, {@code replicas: "3"}) and values changed on the way in. Thread-safe; create
 * once and reuse.
 */
public final class StrictResourceReader {

    // One strict mapper for all readers: coercions that Kubernetes would reject fail here too.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .withCoercionConfig(
                    LogicalType.Textual,
                    config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                    LogicalType.Boolean,
                    config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    private final ResourceKinds kinds;
    private final UnknownFieldFinder unknownFields = new UnknownFieldFinder(MAPPER);

    /** A reader for {@link ResourceKinds#defaults()}. */
    public StrictResourceReader() {
        this(ResourceKinds.defaults());
    }

    public StrictResourceReader(ResourceKinds kinds) {
        this.kinds = kinds;
    }

    public ResourceKinds kinds() {
        return kinds;
    }

    /**
     * The typed resource of {@code document}.
     *
     * @throws GaleraGenException listing every problem found, each at {@code <Kind>/<name>: <path>}
     */
    public HasMetadata read(JsonNode document) {
        String name = DocumentName.of(document);
        Class<? extends HasMetadata> type = typeOf(document, name);
        HasMetadata resource = bind(document, type, name);

        List<Problem> problems = new ArrayList<>();
        for (UnknownFieldFinder.UnknownField unknown : unknownFields.find(resource)) {
            problems.add(new Problem(
                    Input.RENDERED,
                    name + ": " + unknown.path(),
                    "unknown field: " + unknown.owner().getSimpleName()
                            + " has no such field (misspelt or misplaced?)"));
        }
        List<RoundTripCheck.Change> changes = new ArrayList<>();
        RoundTripCheck.compare(document, MAPPER.valueToTree(resource), JsonPath.root(), changes);
        for (RoundTripCheck.Change change : changes) {
            problems.add(new Problem(
                    Input.RENDERED,
                    name + ": " + change.path(),
                    change.after() == null
                            ? change.before() + " is dropped when read as " + type.getSimpleName()
                            : change.before() + " is read as " + change.after() + "; write it in that form"));
        }
        if (!problems.isEmpty()) {
            throw new GaleraGenException(problems);
        }
        return resource;
    }

    private Class<? extends HasMetadata> typeOf(JsonNode document, String name) {
        if (!document.isObject()) {
            throw new GaleraGenException(new Problem(
                    Input.RENDERED,
                    name,
                    "a manifest document must be a mapping, found "
                            + document.getNodeType().toString().toLowerCase(Locale.ROOT)));
        }
        String apiVersion = DocumentName.text(document, "apiVersion");
        String kind = DocumentName.text(document, "kind");
        Optional<Class<? extends HasMetadata>> type =
                apiVersion == null || kind == null ? Optional.empty() : kinds.find(apiVersion, kind);
        return type.orElseThrow(() -> new GaleraGenException(new Problem(
                Input.RENDERED,
                name,
                "apiVersion " + describe(apiVersion) + " kind " + describe(kind) + " is not supported; supported: "
                        + String.join(", ", kinds.supported()))));
    }

    private static HasMetadata bind(JsonNode document, Class<? extends HasMetadata> type, String name) {
        try {
            return MAPPER.treeToValue(document, type);
        } catch (JsonMappingException failure) {
            throw new GaleraGenException(List.of(BindingProblems.of(name, document, failure)), failure);
        } catch (JsonProcessingException | IllegalArgumentException failure) {
            throw new GaleraGenException(
                    List.of(new Problem(
                            Input.RENDERED,
                            name,
                            "cannot be read as " + type.getSimpleName() + ": " + failure.getMessage())),
                    failure);
        }
    }

    private static String describe(String value) {
        return value == null ? "(missing)" : "\"" + value + "\"";
    }
}
