package io.galeragen.core.error;

import java.util.List;

/**
 * A user-facing failure: bad input, an invalid manifest, an unwritable output. Carries one or more
 * {@link Problem}s, each naming where it is, what was found and what is allowed, so that callers (the
 * Maven plugin, embedders) can print it without a stack trace.
 */
public class GaleraGenException extends RuntimeException {

    private final List<Problem> problems;

    public GaleraGenException(List<Problem> problems) {
        this(problems, null);
    }

    public GaleraGenException(List<Problem> problems, Throwable cause) {
        super(describe(problems), cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a GaleraGenException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public GaleraGenException(Problem problem) {
        this(List.of(problem));
    }

    public GaleraGenException(Problem problem, Throwable cause) {
        this(List.of(problem), cause);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems:");
        problems.forEach(problem -> text.append("\n  - ").append(problem));
        return text.toString();
    }
}
