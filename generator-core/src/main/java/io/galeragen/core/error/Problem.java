package io.galeragen.core.error;

import java.util.Objects;

/**
 * One thing wrong with the input or the output.
 *
 * @param where   where it is: a key path ({@code storage.size}), a document and path
 *                ({@code StatefulSet/db: spec.replicas}) or a file
 * @param message what is wrong and what is allowed, e.g. {@code "10 GB" is not a Kubernetes quantity (e.g. 10Gi)}
 */
public record Problem(String where, String message) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    /** A bad value: names the value as given and the form that is allowed. */
    public static Problem badValue(String where, Object value, String allowed) {
        return new Problem(where, quote(value) + " is not allowed: " + allowed);
    }

    private static String quote(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
