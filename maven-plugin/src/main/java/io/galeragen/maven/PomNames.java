package io.galeragen.maven;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;

import java.util.List;
import java.util.Map;

/** Turns the core's names for its inputs into the POM elements and properties a Maven user set. */
final class PomNames {

    static final String VALUES = "<values>";
    static final String SET = "-Dgalera.set";

    /** Core input name (start of a problem's where) to the POM element it comes from. */
    private static final Map<String, String> ELEMENTS = Map.of(
            "outputDirectory ", "<outputDirectory> ",
            "templatesDirectory ", "<templatesDirectory> ",
            "schema location ", "<schemaLocations> ",
            "Kubernetes version", "<kubernetesVersions>");

    private PomNames() {
    }

    static Problem rename(Problem problem) {
        for (Map.Entry<String, String> element : ELEMENTS.entrySet()) {
            if (problem.where().startsWith(element.getKey())) {
                return new Problem(element.getValue() + problem.where().substring(element.getKey().length()),
                        problem.message());
            }
        }
        return problem;
    }

    /** The failure message: the problems, one a line, each naming its POM element or file and line. */
    static String describe(List<Problem> problems) {
        return new GaleraGenException(problems.stream().map(PomNames::rename).toList()).getMessage();
    }
}
