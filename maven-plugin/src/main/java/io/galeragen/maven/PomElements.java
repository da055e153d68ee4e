package io.galeragen.maven;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.List;
import java.util.Optional;

/** Names each core input by the POM element (or property) a Maven user set, from the problem's structured input. */
final class PomElements {

    /** How values sources given inline name themselves: the core puts the name before line and key path. */
    static final String VALUES = "<values>";

    static final String SET = "-Dgalera.set";

    private PomElements() {}

    /**
     * The element a problem's input was configured by; empty for inputs whose subject already says where they are
     * (a values key names its file or {@code <values>} and line; a rendered document its kind and name).
     */
    static Optional<String> element(Input input) {
        return Optional.ofNullable(
                switch (input) {
                    case VALUES, TEMPLATE, RENDERED -> null;
                    case VALUES_FILE -> "<valuesFiles>";
                    case KUBERNETES_VERSIONS -> "<kubernetesVersions>";
                    case SCHEMA_LOCATIONS, SCHEMA -> "<schemaLocations>";
                    case SCHEMA_CACHE -> "<schemaCache>";
                    case TEMPLATES_DIRECTORY -> "<templatesDirectory>";
                    case MANIFEST_FILES -> "<files>";
                    case OUTPUT_DIRECTORY, OUTPUT_FILE -> "<outputDirectory>";
                    case VALUES_SCHEMA_FILE -> "<writeValuesSchema>";
                    case LAYOUT -> "<layout>";
                });
    }

    /** Where a problem is, for a Maven user: its element, then its subject ({@code <schemaLocations> /s}). */
    static String where(Problem problem) {
        return element(problem.input())
                .map(element -> problem.subject().isEmpty() ? element : element + " " + problem.subject())
                .orElse(problem.where());
    }

    /** The failure message: the problems, one a line, each naming its POM element or file and line. */
    static String describe(List<Problem> problems) {
        return GaleraGenException.describe(problems, PomElements::where);
    }
}
