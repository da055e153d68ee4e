package io.galeragen.core.values;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;

import java.io.IOException;
import java.util.Locale;

/**
 * A YAML float with no exact decimal value ({@code .nan}, {@code .inf}, {@code -.inf}, {@code 1e99999999999}): kept
 * as a double, shown in messages as it was written. No key takes a float, so such a value only ever reaches a
 * message; YAML's spellings of infinity and NaN are valid YAML and must not be reported as malformed.
 */
final class WrittenNumber extends DoubleNode {

    private final String written;

    private WrittenNumber(double value, String written) {
        super(value);
        this.written = written;
    }

    /** The parser's current float: exact where it can be, else as written. */
    static JsonNode of(JsonParser parser) throws IOException {
        String text = parser.getText();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals(".nan")) {
            return new WrittenNumber(Double.NaN, text);
        } else if (lower.equals(".inf") || lower.equals("+.inf")) {
            return new WrittenNumber(Double.POSITIVE_INFINITY, text);
        } else if (lower.equals("-.inf")) {
            return new WrittenNumber(Double.NEGATIVE_INFINITY, text);
        }
        try {
            return DecimalNode.valueOf(parser.getDecimalValue());
        } catch (NumberFormatException | ArithmeticException | JsonProcessingException beyondDecimal) {
            // An exponent beyond an int: infinitely large or small for every purpose here.
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
