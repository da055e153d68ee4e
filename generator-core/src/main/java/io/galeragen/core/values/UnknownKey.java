package io.galeragen.core.values;

import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;

/** The problem for a key the model does not have: the closest valid key, or the list of valid ones. */
final class UnknownKey {

    private UnknownKey() {}

    /**
     * @param where      how the problem is named, e.g. {@code values.yaml:4: storage.sise}
     * @param parentPath the path of the object holding the key ({@code storage}; empty at the top)
     */
    static Problem problem(String where, String parentPath, String key, ValueShape parent) {
        return new Problem(
                Input.VALUES,
                where,
                "is not a known key; "
                        + Suggestions.closest(key, parent.fields().keySet())
                                .map(suggestion -> "did you mean " + KeyPaths.child(parentPath, suggestion) + "?")
                                .orElse("the keys " + (parentPath.isEmpty() ? "at the top" : "of " + parentPath)
                                        + " are "
                                        + String.join(", ", parent.fields().keySet())));
    }
}
