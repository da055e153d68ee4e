package io.galeragen.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.output.Manifest;
import io.galeragen.core.render.RenderedTemplate;
import io.galeragen.core.validate.KubernetesVersion;
import io.galeragen.core.validate.SchemaValidator;
import io.galeragen.core.validate.StrictResourceReader;
import io.galeragen.core.yaml.PlainScalars;
import io.galeragen.core.yaml.Yaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a document is checked, rendered or read from a file: against the JSON schema of each Kubernetes version,
 * and read into its fabric8 type unless strict schemas (which refuse everything the typed read would: unknown
 * fields, wrong types) passed it. Text galera-gen did not write itself (template overrides, files) is always read
 * into its type; the built-in templates' text only when {@link GaleraGenerator.Builder#typeCheck} is on.
 */
final class DocumentChecks {

    private final Supplier<StrictResourceReader> reader;
    /** Null when no Kubernetes version is validated against. */
    private final Supplier<SchemaValidator> schemaValidator;

    private final List<KubernetesVersion> versions;
    private final boolean typeCheckOwnTemplates;

    DocumentChecks(
            Supplier<StrictResourceReader> reader,
            Supplier<SchemaValidator> schemaValidator,
            List<KubernetesVersion> versions,
            boolean typeCheckOwnTemplates) {
        this.reader = reader;
        this.schemaValidator = schemaValidator;
        this.versions = List.copyOf(versions);
        this.typeCheckOwnTemplates = typeCheckOwnTemplates;
    }

    /**
     * A rendered document, with its problems added to {@code problems}. The output is the template's text as
     * written; the checks read it back: every unquoted key and value as YAML 1.1 (Kubernetes) and 1.2 read it
     * ({@link PlainScalars}), then the schemas and types.
     */
    Manifest rendered(RenderedTemplate rendered, boolean overridden, List<Problem> problems) {
        String source = "template " + rendered.templateName();
        boolean readTyped = typeCheckOwnTemplates || overridden;
        if (!readTyped && schemaValidator == null) {
            // fabric8's cold start is most of a one-off render's time: read the type when asked for.
            return Manifest.deferred(
                    rendered.kind(),
                    rendered.objectName(),
                    rendered.templateName(),
                    rendered.yaml(),
                    yaml -> reader.get().read(Yaml.readTree(yaml, source)));
        }
        JsonNode document = Yaml.readTree(rendered.yaml(), source);
        // Keys and values as both YAML versions read them: Jackson's reading above is only one of them.
        problems.addAll(PlainScalars.check(rendered.yaml(), rendered.kind() + "/" + rendered.objectName()));
        Checked checked = check(document, readTyped);
        if (checked.unreadable() != null) {
            throw checked.unreadable();
        }
        problems.addAll(checked.problems());
        if (checked.resource() != null) {
            return Manifest.typed(rendered.templateName(), rendered.yaml(), checked.resource());
        }
        // Kind and name as written: an override template may differ from the built-in one's.
        return Manifest.deferred(
                document.path("kind").asText(rendered.kind()),
                document.path("metadata").path("name").asText(rendered.objectName()),
                rendered.templateName(),
                rendered.yaml(),
                yaml -> reader.get().read(Yaml.readTree(yaml, source)));
    }

    /** Every document of each manifest file; every problem is named by its file. */
    List<Problem> files(List<Path> files) {
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            String source = file.toString();
            try {
                for (JsonNode document : Yaml.readAll(Files.readString(file, StandardCharsets.UTF_8), source)) {
                    Checked checked = check(document, true);
                    List<Problem> found =
                            checked.unreadable() != null ? checked.unreadable().problems() : checked.problems();
                    found.stream().map(problem -> inFile(source, problem)).forEach(problems::add);
                }
            } catch (IOException e) {
                problems.add(new Problem(Input.MANIFEST_FILES, source, "cannot be read: " + e.getMessage()));
            } catch (GaleraGenException e) {
                e.problems().stream().map(problem -> inFile(source, problem)).forEach(problems::add);
            }
        }
        return List.copyOf(problems);
    }

    /** The problems the schemas of every version find in a document; none when no version is validated against. */
    List<Problem> schemaProblems(JsonNode document) {
        if (schemaValidator == null) {
            return List.of();
        }
        List<Problem> problems = new ArrayList<>();
        versions.forEach(version -> problems.addAll(schemaValidator.get().validate(document, version)));
        return problems;
    }

    /**
     * The one rule: the schemas, then the typed read where no strict schema vouches for the document. A document
     * that cannot be read into its type is named by that alone: the schemas' problems would repeat it per version.
     */
    private Checked check(JsonNode document, boolean readTyped) {
        List<Problem> problems = schemaProblems(document);
        boolean typed = readTyped && (!problems.isEmpty() || !checkedByStrictSchemas(document));
        try {
            return new Checked(typed ? reader.get().read(document) : null, problems, null);
        } catch (GaleraGenException unreadable) {
            return new Checked(null, problems, unreadable);
        }
    }

    private boolean checkedByStrictSchemas(JsonNode document) {
        return schemaValidator != null
                && versions.stream().allMatch(version -> schemaValidator.get().checksStrictly(document, version));
    }

    private static Problem inFile(String source, Problem problem) {
        String where = problem.where();
        return problem.at(Input.MANIFEST_FILES, where.startsWith(source) ? where : source + ": " + where);
    }

    private record Checked(HasMetadata resource, List<Problem> problems, GaleraGenException unreadable) {}
}
