package io.galeragen.bench;

import io.galeragen.core.GaleraGenerator;
import java.util.List;

/** How much a benchmarked generator checks of what it renders. */
enum Checks {
    /** Templates only: the built-in templates' text, typed objects read on demand, no schema validation. */
    NONE,
    /** Every document read back strictly into its fabric8 type, no schema validation. */
    TYPES,
    /** The Kubernetes JSON schemas of the given versions from ../shared/k8s-schemas (strict ones stand in for types). */
    SCHEMA,
    /** The generator's default: the bundled schemas of the three newest bundled versions (1.34, 1.35, 1.36). */
    BUNDLED;

    static Checks parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }

    GaleraGenerator generator(List<String> kubernetesVersions) {
        GaleraGenerator.Builder builder = GaleraGenerator.builder().typeCheck(this != NONE);
        switch (this) {
            case NONE, TYPES -> builder.kubernetesVersions(List.of());
            case SCHEMA -> builder.schemaLocations(Schemas.locations()).kubernetesVersions(kubernetesVersions);
            case BUNDLED -> {} // the defaults
        }
        return builder.build();
    }
}
