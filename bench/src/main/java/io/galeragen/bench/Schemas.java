package io.galeragen.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds the shared Kubernetes schemas: {@code -Dgalera.schemaRoot}, else {@code GALERA_SCHEMA_ROOT}, else
 * {@code ../shared/k8s-schemas} beside the project root (the folder holding {@code mvnw}), searched upwards from the
 * working directory. They are never copied into the repository.
 */
final class Schemas {

    private Schemas() {}

    static Path root() {
        String given = System.getProperty("galera.schemaRoot", System.getenv("GALERA_SCHEMA_ROOT"));
        if (given != null && !given.isBlank()) {
            return requireFolder(Path.of(given));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw"))) {
                return requireFolder(dir.resolve("../shared/k8s-schemas").normalize());
            }
        }
        throw new IllegalStateException("cannot find the project root (mvnw) above "
                + Path.of("").toAbsolutePath() + "; set -Dgalera.schemaRoot");
    }

    /** kubeconform-style locations: the standard folders, then the derived ones (1.28, 1.33). */
    static List<String> locations() {
        Path root = root();
        return List.of(root.toString(), root.resolve("derived").toString());
    }

    private static Path requireFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("schema folder " + folder + " does not exist");
        }
        return folder;
    }
}
