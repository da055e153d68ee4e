package io.galeragen.core.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pod toleration, parsed from kubectl's taint syntax ({@code topology.tolerations} entries).
 *
 * @param key      the taint key
 * @param operator {@code Equal} (a value is given) or {@code Exists}
 * @param value    the taint value, or {@code null}
 * @param effect   {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}; {@code null} = every effect
 */
public record Toleration(String key, String operator, String value, String effect) {

    /** key=value:Effect at its longest: a label key, a label value and the longest effect. */
    public static final int MAX_LENGTH = Limits.LABEL_KEY + 1 + Limits.LABEL_VALUE + 1 + "PreferNoSchedule".length();

    private static final Pattern SYNTAX =
            Pattern.compile("(?<key>(" + Formats.DNS_SUBDOMAIN_SYNTAX + "/)?" + Formats.LABEL_NAME_SYNTAX + ")"
                    + "(=(?<value>" + Formats.LABEL_NAME_SYNTAX + "))?"
                    + "(:(?<effect>NoSchedule|PreferNoSchedule|NoExecute))?");

    /**
     * {@code key=value:Effect} tolerates that taint (operator Equal); {@code key:Effect} tolerates the key with any
     * value and that effect, {@code key} any value and any effect (operator Exists).
     */
    public static Optional<Toleration> parse(String text) {
        // The length first: the key's repeated groups would overflow the stack on a megabyte of text.
        Matcher matcher = text == null || text.length() > MAX_LENGTH ? null : SYNTAX.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        String value = matcher.group("value");
        return Optional.of(new Toleration(
                matcher.group("key"), value == null ? "Exists" : "Equal", value, matcher.group("effect")));
    }
}
