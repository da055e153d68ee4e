package io.galeragen.core.values;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.io.IOException;
import java.util.Locale;

/**
 * A YAML float, shown in messages as it was written ({@code .nan}, {@code -.Inf}, {@code 1e-999999999}, not
 * {@code NaN} or {@code 1E-999999999}). No key takes a float, so its value only ever reaches a message; YAML's
 * spellings of infinity and NaN are valid YAML and must not be reported as malformed, and an exponent beyond any
 * decimal's is just a very large or very small number.
 */
final class WrittenNumber extends DoubleNode {

    private final String written;

    private WrittenNumber(double value, String written) {
        super(value);
        this.written = written;
    }

    /** The parser's current float, with the text it was written as. */
    static JsonNode of(JsonParser parser) throws IOException {
        String text = parser.getText();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(".nan")) {
            return new WrittenNumber(Double.NaN, text);
        } else if (lower.endsWith(".inf")) {
            return new WrittenNumber(lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, text);
        }
        try {
            return new WrittenNumber(parser.getDoubleValue(), text);
        } catch (NumberFormatException | JsonProcessingException beyondDouble) {
            return new WrittenNumber(lower.contains("e-") ? 0.0 : Double.POSITIVE_INFINITY, text);
        }
    }

    @Override
    public String asText() {
        return written;
    }

    @Override
    public String toString() {
        return written;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrittenNumber that && written.equals(that.written);
    }

    @Override
    public int hashCode() {
        return written.hashCode();
    }
}
