package io.galeragen.core.values;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the valid key closest to a mistyped one by edit distance, when it is close enough. */
final class Suggestions {

    private Suggestions() {}

    static Optional<String> closest(String given, Collection<String> candidates) {
        String lower = given.toLowerCase(Locale.ROOT);
        // The length difference bounds the distance from below: a long key costs nothing to rule out.
        return candidates.stream()
                .filter(candidate -> Math.abs(lower.length() - candidate.length()) <= allowedDistance(candidate))
                .filter(candidate -> distance(lower, candidate.toLowerCase(Locale.ROOT)) <= allowedDistance(candidate))
                .min(Comparator.comparingInt((String candidate) -> distance(lower, candidate.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** A third of the word, at least 2: "replica" finds "replicas", "name" does not find "size". */
    private static int allowedDistance(String candidate) {
        return Math.max(2, candidate.length() / 3);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
