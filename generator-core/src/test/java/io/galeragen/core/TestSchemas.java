package io.galeragen.core;

import io.galeragen.core.validate.SchemaLocation;
import io.galeragen.core.validate.ValidationTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Kubernetes schemas the tests validate against. Most tests use the schemas bundled in the core jar, for every
 * bundled version (1.28 to 1.36): they need nothing outside the repository. The full kubeconform-layout schemas
 * live outside it ({@code ../shared/k8s-schemas}; system property {@code galera.schemaRoot}, set by the parent POM):
 * the few tests that read them (the bundle's own tests, schema locations) call {@link #root()}, which skips the
 * test where the folder is missing and fails it in CI ({@code CI=true}), where it is always there.
 */
public final class TestSchemas {

    /** Every bundled version. */
    public static final List<String> VERSIONS = ValidationTargets.bundledVersions();

    private TestSchemas() {}

    /** For {@code @MethodSource}: every bundled version. */
    public static List<String> versions() {
        return VERSIONS;
    }

    /** A generator that validates against every bundled Kubernetes version with the bundled schemas. */
    public static GaleraGenerator validatingGenerator() {
        return GaleraGenerator.builder().kubernetesVersions(VERSIONS).build();
    }

    /**
     * The full schemas' folder; skips the calling test where it is missing (fails it with {@code CI=true}). Call it
     * in a test or a {@code @BeforeAll}, never in a static initialiser.
     */
    public static Path root() {
        Path root = find();
        if (root == null
                || !Files.isDirectory(root.resolve("v1.30.0-standalone-strict"))
                || !Files.isDirectory(root.resolve("derived"))) {
            ExternalTool.unavailable("the full Kubernetes schemas of ../shared/k8s-schemas (kubeconform layout;"
                    + " -Dgalera.schemaRoot elsewhere) are not there"
                    + (root == null ? "" : ": " + root + " is incomplete"));
        }
        return root;
    }

    /** The full schemas as two schema locations, tried in order: the originals (1.29–1.32), then derived/. */
    public static List<String> locations() {
        Path root = root();
        return List.of(root.toString(), root.resolve("derived").toString());
    }

    public static List<SchemaLocation> schemaLocations() {
        return locations().stream().map(SchemaLocation::parse).toList();
    }

    private static Path find() {
        String property = System.getProperty("galera.schemaRoot");
        if (property != null && !property.isBlank()) {
            Path given = Path.of(property).toAbsolutePath().normalize();
            return Files.isDirectory(given) ? given : null;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/k8s-schemas");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
