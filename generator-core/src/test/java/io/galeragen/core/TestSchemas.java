package io.galeragen.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Kubernetes JSON schemas the tests validate against: ../shared/k8s-schemas beside the project (never copied
 * into it). 1.29–1.32 sit at its top, 1.28 and 1.33 under derived/, so both are schema locations, tried in order.
 */
public final class TestSchemas {

    public static final List<String> VERSIONS = List.of("1.28", "1.29", "1.30", "1.31", "1.32", "1.33");

    private TestSchemas() {
    }

    public static Path root() {
        String configured = System.getProperty("galera.schemaRoot");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/k8s-schemas");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("Kubernetes schemas not found: set -Dgalera.schemaRoot or keep "
                + "../shared/k8s-schemas beside the project");
    }

    public static List<String> locations() {
        Path root = root();
        return List.of(root.toString(), root.resolve("derived").toString());
    }

    /** A generator that validates against every supported Kubernetes version. */
    public static GaleraGenerator validatingGenerator() {
        return GaleraGenerator.builder().schemaLocations(locations()).kubernetesVersions(VERSIONS).build();
    }
}
