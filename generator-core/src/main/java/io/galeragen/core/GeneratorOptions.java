package io.galeragen.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * What a generator was built with: one component per {@link GaleraGenerator.Builder} option (a test holds the two
 * equal). The up-to-date fingerprint ({@link GenerationState}) is built from these components, so an option cannot
 * be left out of it.
 *
 * @param templateOverrides  a folder whose templates replace built-in ones; null for none
 * @param schemaLocations    schema locations as written
 * @param kubernetesVersions versions as written; null for the default ones
 * @param typeCheck          whether the built-in templates' documents are read into their types
 * @param codeIdentity       the galera-gen code that renders (its jars), for the fingerprint; null when unknown
 * @param schemaCache        where fetched schemas are cached
 */
record GeneratorOptions(
        @FingerprintedByContent Path templateOverrides,
        List<String> schemaLocations,
        List<String> kubernetesVersions,
        boolean typeCheck,
        String codeIdentity,
        Path schemaCache) {

    /** A folder that the fingerprint takes by the content of its files, not its path: a run reads them. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
    @interface FingerprintedByContent {}
}
