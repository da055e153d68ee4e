package io.galeragen.core.validate;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the JSON schema library's errors into problems at {@code <document>: <path>}. An int-or-string or
 * quantity of the wrong type fails a {@code oneOf} of two type checks; its three errors become one problem:
 * {@code boolean found, [string, null] or [integer, null] expected}.
 */
final class SchemaErrors {

    private SchemaErrors() {}

    static List<Problem> toProblems(String where, List<Error> errors) {
        Set<Problem> problems = new LinkedHashSet<>(); // branches of oneOf may repeat an error
        Set<Error> merged = new HashSet<>();
        for (Error error : errors) {
            if (merged.contains(error)) {
                continue;
            }
            List<Error> typeBranches = isChoice(error) ? typeBranches(error, errors) : List.of();
            if (typeBranches.isEmpty()) {
                problems.add(toProblem(where, error, error.getMessage()));
            } else {
                merged.addAll(typeBranches);
                problems.add(toProblem(where, error, mergedTypeMessage(typeBranches)));
            }
        }
        return List.copyOf(problems);
    }

    private static boolean isChoice(Error error) {
        return "oneOf".equals(error.getKeyword()) || "anyOf".equals(error.getKeyword());
    }

    /** The errors under {@code choice}, if every one is a type error at the same value; else empty. */
    private static List<Error> typeBranches(Error choice, List<Error> errors) {
        List<Error> branches = new ArrayList<>();
        for (Error other : errors) {
            if (other != choice && other.getEvaluationPath().startsWith(choice.getEvaluationPath())) {
                boolean sameValueTypeError = "type".equals(other.getKeyword())
                        && other.getInstanceLocation().equals(choice.getInstanceLocation())
                        && other.getArguments() != null
                        && other.getArguments().length == 2;
                if (!sameValueTypeError) {
                    return List.of();
                }
                branches.add(other);
            }
        }
        return branches;
    }

    private static String mergedTypeMessage(List<Error> typeBranches) {
        List<String> expected = new ArrayList<>();
        typeBranches.forEach(branch -> expected.add(String.valueOf(branch.getArguments()[1])));
        return typeBranches.get(0).getArguments()[0] + " found, " + String.join(" or ", expected) + " expected";
    }

    private static Problem toProblem(String where, Error error, String message) {
        JsonPath path = toJsonPath(error.getInstanceLocation());
        // An unknown field is reported at the field itself, as the strict reader does; others at the value.
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            path = path.field(error.getProperty());
        }
        return new Problem(Input.RENDERED, where + ": " + path, message);
    }

    private static JsonPath toJsonPath(NodePath location) {
        JsonPath path = JsonPath.root();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? path.index(index) : path.field(String.valueOf(element));
        }
        return path;
    }
}
