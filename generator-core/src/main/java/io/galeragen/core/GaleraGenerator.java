package io.galeragen.core;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.output.CombinedYaml;
import io.galeragen.core.output.DriftCheck;
import io.galeragen.core.output.InstallOrder;
import io.galeragen.core.output.Manifest;
import io.galeragen.core.output.RequiredSecrets;
import io.galeragen.core.render.ManifestRenderer;
import io.galeragen.core.render.RenderedTemplate;
import io.galeragen.core.render.TemplateOverrides;
import io.galeragen.core.validate.SchemaValidator;
import io.galeragen.core.validate.StrictResourceReader;
import io.galeragen.core.validate.TopologyChecks;
import io.galeragen.core.validate.ValidationTargets;
import io.galeragen.core.values.Values;
import io.galeragen.core.values.ValuesSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The entry point for embedders: renders a {@link GaleraCluster} into checked Kubernetes manifests.
 *
 * <pre>{@code
 * GaleraGenerator generator = GaleraGenerator.builder()
 *         .kubernetesVersions(List.of("1.33", "1.34"))
 *         .build();
 * Rendering rendering = generator.render(GaleraCluster.builder().name("orders").replicas(3).build());
 * System.out.print(rendering.combinedYaml());
 * }</pre>
 *
 * The output is the templates' YAML text. Every document is read back into its fabric8 type (an unknown field is
 * an error; see {@link Builder#typeCheck}) and validated against the Kubernetes JSON schema of each version (by
 * default the three newest whose schemas this jar carries; {@link #validation()} says which). A generator
 * parses its templates and schemas once; build one and reuse it. It is thread-safe.
 */
public final class GaleraGenerator {

    private final GeneratorOptions options;
    private final Lazy<ManifestRenderer> renderer;
    private final ValidationTargets validation;
    private final DocumentChecks checks;
    private final GenerationState state;

    private GaleraGenerator(Builder builder) {
        options = new GeneratorOptions(
                builder.templateOverrides,
                builder.schemaLocations,
                builder.kubernetesVersions,
                builder.typeCheck,
                builder.codeIdentity != null
                        ? builder.codeIdentity
                        : GenerationState.codeIdentity().orElse(null),
                builder.schemaCache);
        TemplateOverrides.requireKnown(options.templateOverrides());
        validation =
                ValidationTargets.of(options.kubernetesVersions(), options.schemaLocations(), options.schemaCache());
        // Templates and schemas load on first use: a generate that turns out to be up to date needs neither.
        renderer = new Lazy<>(() -> new ManifestRenderer(options.templateOverrides()));
        Lazy<SchemaValidator> schemaValidator =
                validation.validates() ? new Lazy<>(() -> new SchemaValidator(validation.locations())) : null;
        checks = new DocumentChecks(
                new Lazy<>(StrictResourceReader::new), schemaValidator, validation.versions(), options.typeCheck());
        state = new GenerationState(options);
    }

    /** Where schemas fetched from a URL are cached unless {@link Builder#schemaCache} says otherwise. */
    public static Path defaultSchemaCache() {
        return Path.of(System.getProperty("user.home"), ".cache", "galera-gen", "schemas");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What documents are validated against, for a person: e.g. {@code Kubernetes 1.34, 1.35, 1.36 (schemas
     * bundled with galera-gen)}.
     */
    public String validation() {
        return validation.describe();
    }

    /** Renders and checks every document; throws a GaleraGenException listing all problems found. */
    public Rendering render(GaleraCluster cluster) {
        List<Manifest> manifests = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        ManifestRenderer renderer = this.renderer.get();
        boolean overridden = options.templateOverrides() != null;
        for (RenderedTemplate rendered : renderer.render(cluster)) {
            manifests.add(checks.rendered(rendered, overridden, problems));
        }
        if (!problems.isEmpty()) {
            throw new GaleraGenException(problems);
        }
        manifests.sort(InstallOrder.COMPARATOR);
        return new Rendering(
                manifests,
                CombinedYaml.of(manifests),
                TopologyChecks.warnings(cluster),
                renderer.tools(cluster),
                RequiredSecrets.of(cluster));
    }

    /**
     * Resolves Helm-style values layers over the model's defaults into a checked cluster: unknown keys, wrong
     * types and bad values are problems naming the key path and the file and line (or setting) they came from.
     */
    public static GaleraCluster cluster(List<ValuesSource> values) {
        return Values.resolve(values);
    }

    /**
     * Resolves the values, renders and checks every document, and only then writes the files, changing only
     * those whose bytes differ and removing files it generated earlier and no longer generates.
     */
    public Generated generate(GenerationRequest request) {
        return new Generation(this::render, state).generate(request);
    }

    /**
     * What the last {@link #generate} of this request reported, when generating again would write the same bytes:
     * the request names a state file ({@link GenerationRequest#withStateFile}) that records the same values,
     * settings, templates and galera-gen jars, and every file it wrote is still there unchanged. Reads only those
     * files; loads no template. Empty when anything differs or cannot be told.
     */
    public Optional<UpToDate> upToDate(GenerationRequest request) {
        return state.upToDate(request);
    }

    /** The files of the output folder that differ from what {@link #generate} would write; empty when none do. */
    public List<DriftCheck.Drift> check(GenerationRequest request) {
        return new Generation(this::render, state).check(request);
    }

    /**
     * Checks Kubernetes manifest files (multi-document YAML) as generated ones are checked: each document read
     * strictly into its type, and validated against the schemas when schema locations are set.
     */
    public List<Problem> validateFiles(List<Path> files) {
        return checks.files(files);
    }

    /** Options of a generator; every one has a sensible default. Each is a component of {@link GeneratorOptions}. */
    public static final class Builder {
        private Path templateOverrides;
        private List<String> schemaLocations = List.of();
        /** Null: the newest bundled minors. */
        private List<String> kubernetesVersions;

        private boolean typeCheck = true;
        private String codeIdentity;
        private Path schemaCache = defaultSchemaCache();

        private Builder() {}

        /** A folder whose files replace built-in templates of the same name. */
        public Builder templateOverrides(Path folder) {
            templateOverrides = folder;
            return this;
        }

        /**
         * Where Kubernetes JSON schemas are found, as kubeconform's {@code -schema-location}: a local folder in
         * kubeconform's layout, or a URL template; tried in order, then the schemas bundled in this jar (the kinds
         * galera-gen renders, Kubernetes 1.28 to 1.36). Needed only for other versions or kinds.
         */
        public Builder schemaLocations(List<String> locations) {
            schemaLocations = List.copyOf(locations);
            return this;
        }

        /**
         * Kubernetes versions to validate against, e.g. {@code 1.34} or {@code v1.34.0}. The default is the three
         * newest bundled minors ({@link ValidationTargets#defaultVersions()}); an empty list turns schema validation
         * off. Without schema locations, a version whose schemas are not bundled is an error listing those that are.
         */
        public Builder kubernetesVersions(List<String> versions) {
            kubernetesVersions = List.copyOf(versions);
            return this;
        }

        /**
         * Whether every document is read back into its fabric8 type while rendering (the default): an unknown
         * field, a value of the wrong type or one fabric8 would drop is then an error of {@code render}. Off, the
         * built-in templates' text is trusted (this project's build renders every option through the check) and
         * {@link Manifest#resource()} reads a document when first called, which makes a render about ten times
         * faster. Documents of a template override folder are always checked. With schema locations, a document
         * whose schema refuses unknown fields (kubeconform's strict schemas) is checked by that schema instead.
         */
        public Builder typeCheck(boolean check) {
            typeCheck = check;
            return this;
        }

        /** For tests, whose classes sit in folders: the code identity the up-to-date check records. */
        Builder codeIdentity(String identity) {
            codeIdentity = identity;
            return this;
        }

        /** Where schemas fetched from a URL template are cached; {@link #defaultSchemaCache()} by default. */
        public Builder schemaCache(Path folder) {
            schemaCache = folder;
            return this;
        }

        public GaleraGenerator build() {
            return new GaleraGenerator(this);
        }
    }
}
