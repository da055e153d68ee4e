package io.galeragen.core.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Kubernetes quantities ({@code 500m}, {@code 2}, {@code 10Gi}, {@code 1.5G}, {@code 1e3}) as numbers, for
 * the range checks and the derived defaults. An exponent only moves the decimal point ({@code 1e999999999} costs
 * what {@code 1e3} does); exponents beyond {@link #MAX_EXPONENT} are clamped to it, which keeps every result
 * comparable and far outside every bound in {@link Limits}.
 *
 * <p>Not fabric8's {@code Quantity}, measured with kubernetes-model 7.5.2: {@code getAmountInBytes} throws a bare
 * NumberFormatException on {@code 1e9999999999} (an exponent past int), and returns {@code 1E+999999999} for
 * {@code 1e999999999}, which overflows (ArithmeticException) as soon as it is made a whole number; either would
 * reach a user as a stack trace instead of a message naming the key.
 */
final class Quantities {

    /** The longest quantity text read: Kubernetes quantities are short, and parsing stays linear in this. */
    static final int MAX_LENGTH = 64;

    private static final int MAX_EXPONENT = 1000;
    /** A quantity's syntax, also what the model's checks accept. */
    static final Pattern SYNTAX =
            Pattern.compile("([0-9]+(?:\\.[0-9]+)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE]([-+]?)([0-9]+))?");

    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE),
            Map.entry("n", new BigDecimal("1e-9")),
            Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")),
            Map.entry("k", new BigDecimal("1e3")),
            Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")),
            Map.entry("T", new BigDecimal("1e12")),
            Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")),
            Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)),
            Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)),
            Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    private Quantities() {}

    /**
     * The quantity's value (bytes for memory and storage, cores for CPU), or {@code null} when unset, longer than
     * {@link #MAX_LENGTH} or not a quantity.
     */
    static BigDecimal parse(String quantity) {
        if (quantity == null || quantity.length() > MAX_LENGTH) {
            return null;
        }
        Matcher matcher = SYNTAX.matcher(quantity);
        if (!matcher.matches()) {
            return null;
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        if (matcher.group(4) != null) {
            return number.scaleByPowerOfTen(exponent(matcher.group(3), matcher.group(4)));
        }
        return number.multiply(SUFFIXES.get(matcher.group(2) == null ? "" : matcher.group(2)));
    }

    private static int exponent(String sign, String digits) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        int magnitude = significant.length() > 4 ? MAX_EXPONENT : Math.min(MAX_EXPONENT, Integer.parseInt(significant));
        return sign.equals("-") ? -magnitude : magnitude;
    }
}
