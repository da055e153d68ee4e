package io.galeragen.core.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to look for Kubernetes JSON schemas, written like kubeconform's {@code -schema-location}:
 * <ul>
 *   <li>a folder ({@code /schemas}): kubeconform's layout below it,
 *   {@code v1.30.0-standalone-strict/statefulset-apps-v1.json};</li>
 *   <li>a template (ending in {@code json} or holding a placeholder), a path or a {@code file:} URL:
 *   {@code /schemas/{{ .ResourceKind }}{{ .KindSuffix }}.json};</li>
 *   <li>an {@code http(s)} URL or URL template, fetched once and then read from the cache folder;</li>
 *   <li>{@code default}: the public yannh/kubernetes-json-schema repository;</li>
 *   <li>{@code bundled}: the schemas carried in this jar ({@link #BUNDLED}), for Kubernetes 1.28 to 1.36.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class SchemaLocation {

    /** What kubeconform appends to a location that does not end in {@code json}. */
    static final String FOLDER_LAYOUT = "/{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}"
            + "/{{ .ResourceKind }}{{ .KindSuffix }}.json";
    /** kubeconform's {@code default} location. */
    public static final String DEFAULT =
            "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master" + FOLDER_LAYOUT;

    /** The schemas carried in this jar: the kinds galera-gen reads, for each bundled Kubernetes minor. */
    public static final String BUNDLED = "bundled";

    private enum Access {
        PATH,
        FILE_URL,
        HTTP,
        BUNDLED
    }

    private final String given;
    private final SchemaPathTemplate template;
    private final Access access;
    private final Path cacheDir;

    private SchemaLocation(String given, SchemaPathTemplate template, Access access, Path cacheDir) {
        this.given = given;
        this.template = template;
        this.access = access;
        this.cacheDir = cacheDir;
    }

    /**
     * @param location a folder, a path or URL template, or {@code default}
     * @param cacheDir where fetched schemas are kept; null to keep them in memory only. Unused for local locations.
     * @throws GaleraGenException when the location is blank or its template is not understood
     */
    public static SchemaLocation parse(String location, Path cacheDir) {
        if (location == null || location.isBlank()) {
            throw new GaleraGenException(Problem.badValue(
                    Input.SCHEMA_LOCATIONS,
                    "",
                    location,
                    "a folder, a path or URL template ending in .json, or default"));
        }
        if (location.trim().equals(BUNDLED)) {
            return bundled();
        }
        String value = location.trim().equals("default") ? DEFAULT : location.trim();
        // As kubeconform: a location that does not end in "json" is a folder in the standard layout; unlike it,
        // one with a placeholder is taken as a complete template wherever it ends.
        boolean complete = value.endsWith("json") || value.contains("{{");
        String templateText = complete ? value : stripTrailingSlash(value) + FOLDER_LAYOUT;
        SchemaPathTemplate template = new SchemaPathTemplate(templateText, location);
        return new SchemaLocation(location, template, accessOf(value), cacheDir);
    }

    /** The schemas carried in this jar; a version of a bundled minor finds its minor's schemas (v1.34.2: v1.34.0). */
    public static SchemaLocation bundled() {
        return new SchemaLocation(
                BUNDLED,
                new SchemaPathTemplate(
                        BUNDLED + ":{{ .NormalizedKubernetesVersion }}" + "/{{ .ResourceKind }}{{ .KindSuffix }}",
                        BUNDLED),
                Access.BUNDLED,
                null);
    }

    /** Whether this is {@link #bundled()}. */
    public boolean isBundled() {
        return access == Access.BUNDLED;
    }

    /**
     * A local folder location (kubeconform's layout below it) whose folder does not exist; empty for any other
     * location. A missing folder is a mistake worth one clear message, not a missing schema per document.
     */
    public Optional<Path> missingFolder() {
        if (access != Access.PATH || given.trim().endsWith("json") || given.contains("{{")) {
            return Optional.empty();
        }
        try {
            Path folder = Path.of(given.trim());
            return Files.isDirectory(folder)
                    ? Optional.empty()
                    : Optional.of(folder.toAbsolutePath().normalize());
        } catch (IllegalArgumentException notAPath) {
            return Optional.empty();
        }
    }

    /** Same as {@link #parse(String, Path)} without a disk cache. */
    public static SchemaLocation parse(String location) {
        return parse(location, null);
    }

    /** The full template, e.g. {@code /schemas/{{ .NormalizedKubernetesVersion }}-standalone…json}. */
    public String template() {
        return template.toString();
    }

    public Optional<Path> cacheDir() {
        return Optional.ofNullable(cacheDir);
    }

    /** Where the schema of {@code apiVersion kind} for {@code version} would be: a path or URL. */
    String address(KubernetesVersion version, String apiVersion, String kind) {
        return template.render(version, apiVersion, kind);
    }

    /** The schema at {@code address} (from {@link #address}); empty when this location does not have it. */
    Optional<JsonNode> load(String address) {
        return switch (access) {
            case BUNDLED -> bundledSchema(address);
            case HTTP -> HttpSchemaFetcher.load(toUri(address), cacheDir);
            case FILE_URL -> readFile(toPath(address));
            case PATH -> readFile(toPath(address));
        };
    }

    /** The address as an absolute URI, the schema's identity for the JSON schema library. */
    String uriOf(String address) {
        return switch (access) {
            case HTTP -> address;
            case BUNDLED -> "urn:galera-gen:" + address.replace('/', ':');
            case PATH, FILE_URL -> toPath(address).toAbsolutePath().toUri().toString();
        };
    }

    /** {@code bundled:v1.34.0/statefulset-apps-v1}: the version and the kubeconform file name. */
    private static Optional<JsonNode> bundledSchema(String address) {
        String rest = address.substring(BUNDLED.length() + 1);
        int slash = rest.indexOf('/');
        return BundledSchemas.schema(new KubernetesVersion(rest.substring(0, slash)), rest.substring(slash + 1));
    }

    private static Optional<JsonNode> readFile(Path file) {
        try {
            return Optional.of(SchemaJson.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException failure) {
            throw new GaleraGenException(
                    List.of(new Problem(Input.SCHEMA, file.toString(), "cannot read the schema: " + failure)), failure);
        }
    }

    private Path toPath(String address) {
        try {
            return access == Access.FILE_URL ? Path.of(URI.create(address)) : Path.of(address);
        } catch (IllegalArgumentException bad) { // also InvalidPathException
            String allowed = access == Access.FILE_URL ? "an absolute file: URL, e.g. file:///s/x.json" : "a path";
            throw new GaleraGenException(
                    List.of(Problem.badValue(Input.SCHEMA_LOCATIONS, given, address, allowed)), bad);
        }
    }

    private URI toUri(String address) {
        try {
            return URI.create(address);
        } catch (IllegalArgumentException bad) {
            Problem problem = Problem.badValue(Input.SCHEMA_LOCATIONS, given, address, "a valid URL");
            throw new GaleraGenException(List.of(problem), bad);
        }
    }

    private static Access accessOf(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return Access.HTTP;
        }
        return lower.startsWith("file:") ? Access.FILE_URL : Access.PATH;
    }

    private static String stripTrailingSlash(String value) {
        return value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    @Override
    public String toString() {
        return given;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemaLocation location
                && location.template.toString().equals(template.toString())
                && location.access == access
                && Objects.equals(location.cacheDir, cacheDir);
    }

    @Override
    public int hashCode() {
        return Objects.hash(template.toString(), access, cacheDir);
    }
}
