package io.galeragen.core;

import io.galeragen.core.validate.SchemaLocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The shared Kubernetes schemas, which live outside the repository: system property {@code galera.schemaRoot}
 * (set by the parent POM), else the first {@code shared/k8s-schemas} found walking up from the working folder.
 * 1.29–1.32 sit at its top, 1.28 and 1.33 under derived/, so both are schema locations, tried in order.
 * Missing schemas fail the tests: a validation test that silently skips proves nothing.
 */
public final class TestSchemas {

    public static final List<String> VERSIONS = List.of("1.28", "1.29", "1.30", "1.31", "1.32", "1.33");

    private TestSchemas() {
    }

    /** For {@code @MethodSource}: every version the shared schemas cover. */
    public static List<String> versions() {
        return VERSIONS;
    }

    public static Path root() {
        String property = System.getProperty("galera.schemaRoot");
        if (property != null && !property.isBlank()) {
            return checked(Path.of(property).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/k8s-schemas");
            if (Files.isDirectory(candidate)) {
                return checked(candidate);
            }
        }
        throw new AssertionError("Kubernetes schemas not found: set -Dgalera.schemaRoot or provide shared/k8s-schemas"
                + " above " + Path.of("").toAbsolutePath());
    }

    /** The two folders of the shared schemas, as schema location strings. */
    public static List<String> locations() {
        Path root = root();
        return List.of(root.toString(), root.resolve("derived").toString());
    }

    public static List<SchemaLocation> schemaLocations() {
        return locations().stream().map(SchemaLocation::parse).toList();
    }

    /** A generator that validates against every supported Kubernetes version. */
    public static GaleraGenerator validatingGenerator() {
        return GaleraGenerator.builder().schemaLocations(locations()).kubernetesVersions(VERSIONS).build();
    }

    private static Path checked(Path root) {
        if (!Files.isDirectory(root.resolve("v1.30.0-standalone-strict"))
                || !Files.isDirectory(root.resolve("derived/v1.33.0-standalone-strict"))) {
            throw new AssertionError("not the shared Kubernetes schemas (no v1.30.0-standalone-strict/ or"
                    + " derived/v1.33.0-standalone-strict/): " + root);
        }
        return root;
    }
}
