package io.galeragen.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.output.CombinedYaml;
import io.galeragen.core.output.InstallOrder;
import io.galeragen.core.output.DriftCheck;
import io.galeragen.core.output.Manifest;
import io.galeragen.core.render.ManifestRenderer;
import io.galeragen.core.render.RenderedTemplate;
import io.galeragen.core.output.RequiredSecrets;
import io.galeragen.core.render.TemplateOverrides;
import io.galeragen.core.validate.KubernetesVersion;
import io.galeragen.core.validate.SchemaValidator;
import io.galeragen.core.validate.StrictResourceReader;
import io.galeragen.core.validate.TopologyChecks;
import io.galeragen.core.validate.ValidationTargets;
import io.galeragen.core.values.Values;
import io.galeragen.core.values.ValuesSource;
import io.galeragen.core.yaml.PlainScalars;
import io.galeragen.core.yaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

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

    private final Path templateOverrides;
    private final String settings;
    private final Optional<String> code;
    private final Lazy<ManifestRenderer> renderer;
    private final Lazy<StrictResourceReader> reader = new Lazy<>(StrictResourceReader::new);
    /** Null when no Kubernetes version is validated against. */
    private final Lazy<SchemaValidator> schemaValidator;
    private final ValidationTargets validation;
    private final List<KubernetesVersion> kubernetesVersions;
    private final boolean typeCheck;

    private GaleraGenerator(Builder builder) {
        typeCheck = builder.typeCheck;
        templateOverrides = builder.templateOverrides;
        code = builder.codeIdentity != null ? Optional.of(builder.codeIdentity) : GenerationState.codeIdentity();
        TemplateOverrides.requireKnown(templateOverrides);
        validation = ValidationTargets.of(builder.kubernetesVersions, builder.schemaLocations, builder.schemaCache);
        kubernetesVersions = validation.versions();
        settings = "templates " + GenerationState.folderContent(templateOverrides) + "; schemas " + builder.schemaLocations
                + "; versions " + kubernetesVersions + "; typeCheck " + builder.typeCheck;
        // Templates and schemas load on first use: a generate that turns out to be up to date needs neither.
        renderer = new Lazy<>(() -> new ManifestRenderer(templateOverrides));
        schemaValidator = validation.validates() ? new Lazy<>(() -> new SchemaValidator(validation.locations())) : null;
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
        for (RenderedTemplate rendered : renderer.render(cluster)) {
            manifests.add(checked(rendered, problems));
        }
        if (!problems.isEmpty()) {
            throw new GaleraGenException(problems);
        }
        manifests.sort(InstallOrder.COMPARATOR);
        return new Rendering(manifests, CombinedYaml.of(manifests), TopologyChecks.warnings(cluster),
                renderer.tools(cluster), RequiredSecrets.of(cluster));
    }

    /**
     * The output is the template's text as written; the checks read it back and add their problems: every unquoted
     * key and value as YAML 1.1 (Kubernetes) and 1.2 read it ({@link PlainScalars}), then the types. A document
     * that strict schemas passed is not read into its type as well: those schemas refuse everything the typed
     * read would (unknown fields, wrong types), and fabric8's cold start is most of a one-off render's time.
     */
    private Manifest checked(RenderedTemplate rendered, List<Problem> problems) {
        String source = "template " + rendered.templateName();
        boolean readTyped = typeCheck || templateOverrides != null;
        if (!readTyped && schemaValidator == null) {
            return deferred(rendered, source);
        }
        JsonNode document = Yaml.readTree(rendered.yaml(), source);
        // Keys and values as both YAML versions read them: Jackson's reading above is only one of them.
        problems.addAll(PlainScalars.check(rendered.yaml(), rendered.kind() + "/" + rendered.objectName()));
        List<Problem> schemaProblems = schemaProblems(document);
        // Where the schemas found problems, the typed read names them once rather than once per version.
        boolean typed = readTyped && (!schemaProblems.isEmpty() || !checkedByStrictSchemas(document));
        HasMetadata resource = typed ? reader.get().read(document) : null;
        problems.addAll(schemaProblems);
        if (resource != null) {
            return Manifest.typed(rendered.templateName(), rendered.yaml(), resource);
        }
        // Kind and name as written: an override template may differ from the built-in one's.
        return Manifest.deferred(document.path("kind").asText(rendered.kind()),
                document.path("metadata").path("name").asText(rendered.objectName()), rendered.templateName(),
                rendered.yaml(), yaml -> reader.get().read(Yaml.readTree(yaml, source)));
    }

    /** A manifest whose typed form is read when asked for (parsing again: a rendering keeps no trees). */
    private Manifest deferred(RenderedTemplate rendered, String source) {
        return Manifest.deferred(rendered.kind(), rendered.objectName(), rendered.templateName(), rendered.yaml(),
                yaml -> reader.get().read(Yaml.readTree(yaml, source)));
    }

    private boolean checkedByStrictSchemas(JsonNode document) {
        return schemaValidator != null && kubernetesVersions.stream()
                .allMatch(version -> schemaValidator.get().checksStrictly(document, version));
    }

    /** Records a generate for {@link #upToDate}. */
    void recordState(GenerationRequest request, Generated generated, SortedMap<String, String> files) {
        GenerationState.record(settings, code, request, generated, files);
    }

    private List<Problem> schemaProblems(JsonNode tree) {
        if (schemaValidator == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        kubernetesVersions.forEach(version -> problems.addAll(schemaValidator.get().validate(tree, version)));
        return problems;
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
        return new Generation(this).generate(request);
    }

    /**
     * What the last {@link #generate} of this request reported, when generating again would write the same bytes:
     * the request names a state file ({@link GenerationRequest#withStateFile}) that records the same values,
     * settings, templates and galera-gen jars, and every file it wrote is still there unchanged. Reads only those
     * files; loads no template. Empty when anything differs or cannot be told.
     */
    public Optional<UpToDate> upToDate(GenerationRequest request) {
        return GenerationState.upToDate(settings, code, request);
    }

    /**
     * The outcome of a generate that an up-to-date check found unchanged.
     *
     * @param clusterName the cluster's name
     * @param documents   how many documents it rendered
     * @param warnings    the warnings it printed, to print again
     */
    public record UpToDate(String clusterName, int documents, List<String> warnings) {
        public UpToDate {
            warnings = List.copyOf(warnings);
        }
    }

    /** The files of the output folder that differ from what {@link #generate} would write; empty when none do. */
    public List<DriftCheck.Drift> check(GenerationRequest request) {
        return new Generation(this).check(request);
    }

    /**
     * Checks Kubernetes manifest files (multi-document YAML) as generated ones are checked: each document read
     * strictly into its type, and validated against the schemas when schema locations are set.
     */
    public List<Problem> validateFiles(List<Path> files) {
        return new ManifestFileCheck(reader.get(), this::schemaProblems).check(files);
    }

    /** Options of a generator; every one has a sensible default. */
    public static final class Builder {
        private Path templateOverrides;
        private List<String> schemaLocations = List.of();
        /** Null: the newest bundled minors. */
        private List<String> kubernetesVersions;
        private boolean typeCheck = true;
        private String codeIdentity;
        private Path schemaCache = Path.of(System.getProperty("user.home"), ".cache", "galera-gen", "schemas");

        private Builder() {
        }

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

        /** Where schemas fetched from a URL template are cached; {@code ~/.cache/galera-gen/schemas} by default. */
        public Builder schemaCache(Path folder) {
            schemaCache = folder;
            return this;
        }

        public GaleraGenerator build() {
            return new GaleraGenerator(this);
        }
    }
}
