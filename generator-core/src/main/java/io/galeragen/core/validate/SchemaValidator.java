package io.galeragen.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.KeywordFactory;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.keyword.UnknownKeywordFactory;
import com.networknt.schema.path.PathType;
import com.networknt.schema.regex.JDKRegularExpressionFactory;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Validates manifest documents against the Kubernetes JSON schemas of a Kubernetes version, like kubeconform
 * in strict mode: the schema is looked up in each {@link SchemaLocation} in turn and the first that has it wins.
 * Schemas are compiled once per validator and kept (thread-safe; create once and reuse).
 */
public final class SchemaValidator {

    // x-kubernetes-* keywords only describe (list types, patch strategies): ignored quietly, where the library's
    // default would log a warning for each.
    private static final KeywordFactory KUBERNETES_EXTENSIONS =
            (keyword, context) -> keyword.startsWith("x-kubernetes-")
                    ? new NonValidationKeyword(keyword)
                    : UnknownKeywordFactory.getInstance().getKeyword(keyword, context);
    // The Kubernetes schemas declare "http://json-schema.org/schema#" (no draft): read it as draft-04, as
    // kubeconform does. Patterns are java.util.regex, which accepts Go's inline flags: ^(?i)(abort|warn)?$.
    private static final Dialect KUBERNETES_DIALECT = Dialect.builder(
                    "http://json-schema.org/schema#", Dialects.getDraft4())
            .unknownKeywordFactory(KUBERNETES_EXTENSIONS)
            .build();
    private static final Dialect DRAFT_4 = Dialect.builder(Dialects.getDraft4())
            .unknownKeywordFactory(KUBERNETES_EXTENSIONS)
            .build();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_4,
            builder -> builder.dialectRegistry(new BasicDialectRegistry(List.of(KUBERNETES_DIALECT, DRAFT_4)))
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .pathType(PathType.JSON_PATH)
                            .regularExpressionFactory(JDKRegularExpressionFactory.getInstance())
                            .build()));

    private final List<SchemaLocation> locations;
    private final boolean ignoreMissingSchemas;
    // Per (version, apiVersion, kind): locations are fixed per validator, so this is per (location, version, file).
    private final ConcurrentMap<String, Lookup> lookups = new ConcurrentHashMap<>();

    /**
     * The outcome of looking a schema up: the compiled schema, or every address tried.
     *
     * @param strict whether the schema refuses unknown fields (kubeconform's {@code -strict} schemas)
     */
    private record Lookup(Schema schema, List<String> tried, boolean strict) {}

    /** A validator that reports a document without a schema as a problem. */
    public SchemaValidator(List<SchemaLocation> locations) {
        this(locations, false);
    }

    /**
     * @param locations            tried in order; the first that has a schema wins
     * @param ignoreMissingSchemas skip documents whose kind has no schema in any location instead of reporting them
     *                             (kubeconform's {@code -ignore-missing-schemas})
     */
    public SchemaValidator(List<SchemaLocation> locations, boolean ignoreMissingSchemas) {
        if (locations.isEmpty()) {
            throw new IllegalArgumentException("at least one schema location is needed");
        }
        this.locations = List.copyOf(locations);
        this.ignoreMissingSchemas = ignoreMissingSchemas;
    }

    public List<SchemaLocation> locations() {
        return locations;
    }

    public boolean ignoresMissingSchemas() {
        return ignoreMissingSchemas;
    }

    /** Same as {@link #validate(JsonNode, KubernetesVersion)} with {@code 1.30}, {@code 1.30.0} or {@code v1.30.0}. */
    public List<Problem> validate(JsonNode document, String kubernetesVersion) {
        return validate(document, KubernetesVersion.parse(kubernetesVersion));
    }

    /**
     * The problems of {@code document} against the schemas of {@code version}; empty when it is valid.
     * Each problem is at {@code <Kind>/<name> (k8s v1.30.0): <path>}.
     *
     * @throws GaleraGenException when a schema exists but cannot be read, fetched or compiled
     */
    public List<Problem> validate(JsonNode document, KubernetesVersion version) {
        String where = DocumentName.of(document) + " (k8s " + version + ")";
        String apiVersion = DocumentName.text(document, "apiVersion");
        String kind = DocumentName.text(document, "kind");
        if (!document.isObject() || apiVersion == null || kind == null) {
            return List.of(
                    new Problem(Input.RENDERED, where, "a manifest document needs a string apiVersion and kind"));
        }
        Lookup lookup = lookup(version, apiVersion, kind);
        if (lookup.schema() == null) {
            return ignoreMissingSchemas
                    ? List.of()
                    : List.of(new Problem(
                            Input.RENDERED,
                            where,
                            "no schema for " + apiVersion + " "
                                    + kind + " in any schema location; tried " + String.join(", ", lookup.tried())
                                    + "; add a schema location that has it"));
        }
        return SchemaErrors.toProblems(where, lookup.schema().validate(document));
    }

    /**
     * Whether {@code version}'s schema for the document's kind exists and refuses unknown fields: then a document it
     * passes holds only fields Kubernetes knows, of the types it expects, as written.
     */
    public boolean checksStrictly(JsonNode document, KubernetesVersion version) {
        String apiVersion = DocumentName.text(document, "apiVersion");
        String kind = DocumentName.text(document, "kind");
        return apiVersion != null
                && kind != null
                && lookup(version, apiVersion, kind).strict();
    }

    private Lookup lookup(KubernetesVersion version, String apiVersion, String kind) {
        return lookups.computeIfAbsent(
                version + " " + apiVersion + " " + kind, key -> lookUp(version, apiVersion, kind));
    }

    private Lookup lookUp(KubernetesVersion version, String apiVersion, String kind) {
        List<String> tried = new ArrayList<>();
        for (SchemaLocation location : locations) {
            String address = location.address(version, apiVersion, kind);
            Optional<JsonNode> schema = location.load(address);
            if (schema.isPresent()) {
                boolean strict = schema.get().path("additionalProperties").isBoolean()
                        && !schema.get().path("additionalProperties").booleanValue();
                return new Lookup(compile(location.uriOf(address), address, schema.get()), List.of(address), strict);
            }
            tried.add(address);
        }
        return new Lookup(null, List.copyOf(tried), false);
    }

    private static Schema compile(String uri, String address, JsonNode node) {
        try {
            Schema schema = REGISTRY.getSchema(com.networknt.schema.SchemaLocation.of(uri), node);
            schema.initializeValidators(); // compile now, not lazily during a (possibly concurrent) validation
            return schema;
        } catch (SchemaException failure) {
            throw new GaleraGenException(
                    List.of(new Problem(Input.SCHEMA, address, "is not a usable JSON schema: " + failure.getMessage())),
                    failure);
        }
    }
}
