package io.galeragen.bench;

import io.galeragen.core.GaleraGenerator;

import java.util.List;

/** How much a benchmarked generator checks of what it renders. */
enum Checks {
    /** Templates only: the built-in templates' text, typed objects read on demand ({@code typeCheck(false)}). */
    NONE,
    /** Every document read back strictly into its fabric8 type (the generator's default). */
    TYPES,
    /** Types, and the Kubernetes JSON schemas of the given versions. */
    SCHEMA;

    static Checks parse(String text) {
        return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    }

    GaleraGenerator generator(List<String> kubernetesVersions) {
        GaleraGenerator.Builder builder = GaleraGenerator.builder().typeCheck(this != NONE);
        if (this == SCHEMA) {
            builder.schemaLocations(Schemas.locations()).kubernetesVersions(kubernetesVersions);
        }
        return builder.build();
    }
}
