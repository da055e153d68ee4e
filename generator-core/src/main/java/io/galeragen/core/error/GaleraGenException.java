package io.galeragen.core.error;

import java.util.List;
import java.util.function.Function;

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
        super(describe(problems, Problem::where), cause);
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

    /**
     * The problems as a message, one a line, each as {@code where: message}; {@code where} names the place as the
     * caller's users know it (the Maven plugin names POM elements).
     */
    public static String describe(List<Problem> problems, Function<Problem, String> where) {
        if (problems.size() == 1) {
            return where.apply(problems.get(0)) + ": " + problems.get(0).message();
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems:");
        problems.forEach(problem ->
                text.append("\n  - ").append(where.apply(problem)).append(": ").append(problem.message()));
        return text.toString();
    }
}
