package io.galeragen.core.model;

import java.util.regex.Pattern;

/**
 * A string key's form: its length limit, checked first (a regular expression over a megabyte of input can
 * overflow the stack), then its syntax.
 *
 * @param maxLength   the most characters allowed
 * @param pattern     the syntax the whole value must match
 * @param description what is allowed, as messages say it
 */
record TextFormat(int maxLength, Pattern pattern, String description) {

    static TextFormat of(int maxLength, String regex, String description) {
        return new TextFormat(maxLength, Pattern.compile(regex), description);
    }

    /** This form with another limit and description, e.g. a DNS label of at most 40 characters. */
    TextFormat limitedTo(int length, String text) {
        return new TextFormat(length, pattern, text);
    }

    /** This form described for one key ({@code a Secret name (DNS-1123 subdomain)}). */
    TextFormat describedAs(String text) {
        return new TextFormat(maxLength, pattern, text);
    }

    boolean accepts(String value) {
        return value.length() <= maxLength && pattern.matcher(value).matches();
    }

    /** What the message says is allowed for a value that is too long: the length first. */
    String tooLong() {
        return "at most " + maxLength + " characters: " + description;
    }
}
