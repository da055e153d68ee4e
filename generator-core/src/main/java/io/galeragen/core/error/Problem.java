package io.galeragen.core.error;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing wrong with the input or the output.
 *
 * @param input   which input it is about, for a front end to name in its own words (a POM element)
 * @param subject where in that input: a key path ({@code storage.size}), a document and path
 *                ({@code StatefulSet/db: spec.replicas}), a file, a folder or a version; may be empty
 * @param message what is wrong and what is allowed, e.g. {@code "10 GB" is not a Kubernetes quantity (e.g. 10Gi)}
 */
public record Problem(Input input, String subject, String message) {

    /** Bad values longer than this are cut in messages: a megabyte of text helps no one find a mistake. */
    static final int SHOWN_LENGTH = 80;

    static final int SHOWN_PREFIX = 60;

    public Problem {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    /** A bad value: names the value as given and the form that is allowed. */
    public static Problem badValue(Input input, String subject, Object value, String allowed) {
        return new Problem(input, subject, quote(value) + " is not allowed: " + allowed);
    }

    /** Where it is, as the core names it: the input's label and the subject ({@code schema location /s}). */
    public String where() {
        String label = input.label();
        return label.isEmpty() ? subject : subject.isEmpty() ? label : label + " " + subject;
    }

    /** The same problem with another input and subject, e.g. a document's problem as one of the file holding it. */
    public Problem at(Input newInput, String newSubject) {
        return new Problem(newInput, newSubject, message);
    }

    private static String quote(Object value) {
        return value instanceof String text ? shown(text) : String.valueOf(value);
    }

    /**
     * Text as a message shows it, on one line: quoted, with control characters and line breaks escaped, and cut
     * after {@value #SHOWN_PREFIX} characters, with its length, when it is longer than {@value #SHOWN_LENGTH}.
     */
    public static String shown(String text) {
        boolean cut = text.length() > SHOWN_LENGTH;
        // Never cut between the two halves of a surrogate pair.
        int end = !cut
                ? text.length()
                : Character.isHighSurrogate(text.charAt(SHOWN_PREFIX - 1)) ? SHOWN_PREFIX - 1 : SHOWN_PREFIX;
        StringBuilder out = new StringBuilder(end + 32).append('"');
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f && c < 0xa0 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(cut ? "...\"" : "\"");
        return cut
                ? out.append(String.format(Locale.ROOT, " (%,d characters)", text.length()))
                        .toString()
                : out.toString();
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }
}
