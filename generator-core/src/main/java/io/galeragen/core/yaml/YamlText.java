package io.galeragen.core.yaml;

import java.util.Locale;
import java.util.Set;

/**
 * YAML scalars written by hand, for templates that lay text out themselves instead of going through an emitter.
 */
public final class YamlText {

    private static final Set<String> YAML11_WORDS = Set.of("y", "yes", "n", "no", "true", "false", "on", "off", "null");

    private YamlText() {}

    /**
     * A string scalar: plain when it is unmistakably a string ({@code database}, {@code kubernetes.io/hostname}),
     * else double-quoted ({@code "3306"}, {@code "yes"}, {@code "a b"}). Quotes only where YAML needs them keep the
     * manifests easy to read; the rule is stricter than YAML's, never looser.
     */
    public static String scalar(String text) {
        return unmistakablyText(text) ? text : doubleQuoted(text);
    }

    /** Whether YAML 1.1 and 1.2 both read {@code text}, written plain, as exactly this text. */
    static boolean unmistakablyText(String text) {
        return plainSafe(text) && !YAML11_WORDS.contains(text.toLowerCase(Locale.ROOT));
    }

    /** [A-Za-z_/][A-Za-z0-9_./-]*: never a number, date, null, indicator or key separator in YAML 1.1 or 1.2. */
    private static boolean plainSafe(String text) {
        if (text.isEmpty() || !(letter(text.charAt(0)) || text.charAt(0) == '_' || text.charAt(0) == '/')) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(letter(c) || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '/' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /**
     * {@code text} as the value of a mapping key whose entries sit at {@code indent} spaces: a literal block
     * ({@code |}, {@code |-} or {@code |+}, with an indentation indicator when the first line starts with a space)
     * when YAML can hold it that way, else a double-quoted scalar. No trailing line break: the template's own line
     * ends it.
     */
    public static String blockValue(String text, int indent) {
        if (!fitsLiteralBlock(text)) {
            return doubleQuoted(text);
        }
        String pad = " ".repeat(indent + 2);
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8 + 16).append('|');
        if (text.startsWith(" ")) {
            out.append(2);
        }
        String body = text;
        if (!text.endsWith("\n")) {
            out.append('-');
        } else if (text.endsWith("\n\n")) {
            out.append('+');
        }
        if (body.endsWith("\n")) {
            body = body.substring(0, body.length() - 1);
        }
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            out.append('\n');
            if (end > start) {
                out.append(pad).append(body, start, end);
            }
            start = end + 1;
        }
        return out.toString();
    }

    /** A double-quoted scalar: JSON's escapes, which YAML's double-quoted style shares. */
    public static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (unprintable(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Literal blocks hold printable text only: no CR, no other control characters but tab and line feed. */
    private static boolean fitsLiteralBlock(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (unprintable(text, i)) {
                return false;
            }
        }
        // A blank first line would hide the block's indentation; leave such text to the double-quoted style.
        return !text.lines().findFirst().orElse("").isBlank();
    }

    /**
     * Whether the character at {@code i} cannot stand in YAML text as it is: control characters but tab and line
     * feed (CR included), DEL, C1 controls (NEL is a line break to YAML 1.1), line and paragraph separators, BOM,
     * the non-characters U+FFFE/U+FFFF and unpaired surrogates.
     */
    private static boolean unprintable(String text, int i) {
        char c = text.charAt(i);
        return c < 0x20 && c != '\n' && c != '\t'
                || c == 0x7f
                || (c >= 0x80 && c < 0xa0)
                || c == 0x2028
                || c == 0x2029
                || c == 0xfeff
                || c >= 0xfffe
                || Character.isSurrogate(c) && !validSurrogateAt(text, i);
    }

    private static boolean validSurrogateAt(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
