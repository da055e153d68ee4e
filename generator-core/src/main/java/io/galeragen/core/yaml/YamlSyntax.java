package io.galeragen.core.yaml;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error in a person's words, at the line to fix. SnakeYAML reports where its parser gave up, which
 * for an unclosed quote can be many lines below the quote (a quoted value may span lines, so it reads on), and in
 * its own terms ({@code expected <block end>, but found '<scalar>'}).
 */
public final class YamlSyntax {

    /** A value that opens a quote: {@code key: "…}, {@code - '…}. */
    private static final Pattern QUOTED_VALUE =
            Pattern.compile("^\\s*(?:-\\s+)*(?:[^\\s#\"'][^#]*?:\\s+)?([\"'])(.*)$");

    /**
     * @param line    the 1-based line to point at
     * @param message what is wrong there and how to fix it
     */
    public record Error(int line, String message) {}

    private YamlSyntax() {}

    /** Where and what, for SnakeYAML's {@code failure} while reading {@code text}. */
    public static Error describe(String text, MarkedYAMLException failure) {
        Mark problem = failure.getProblemMark();
        int problemLine = problem == null ? 1 : problem.getLine() + 1;
        String what = (failure.getProblem() == null ? "" : failure.getProblem()).toLowerCase(Locale.ROOT);
        String context = (failure.getContext() == null ? "" : failure.getContext()).toLowerCase(Locale.ROOT);
        int contextLine = failure.getContextMark() == null
                ? problemLine
                : failure.getContextMark().getLine() + 1;
        if (context.contains("quoted scalar")) {
            return new Error(contextLine, "the quote opened on this line is never closed");
        }
        String[] lines = text.split("\n", -1);
        int unclosed = unclosedQuoteBefore(lines, problemLine);
        if (unclosed > 0) {
            return new Error(
                    unclosed,
                    "the quote opened on this line is not closed on it, so YAML reads on to line "
                            + problemLine
                            + " and fails there; close the quote (a quote inside a value is written \\\" in"
                            + " \"…\", '' in '…')");
        }
        if (what.contains("'\\t'") || what.contains("tab")) {
            return new Error(problemLine, "a tab character: YAML indents with spaces only");
        } else if (what.contains("mapping values are not allowed")) {
            return new Error(
                    problemLine,
                    "a second ': ' on one line: a value that holds ': ' must be quoted"
                            + " (key: \"a: b\"), and a nested key goes on its own line, indented");
        } else if (context.contains("simple key") && what.contains("could not find expected ':'")) {
            return new Error(
                    contextLine,
                    "a line that is neither 'key: value' nor a list item '- value'; add the"
                            + " ': ' or quote the text");
        } else if (context.contains("block mapping") || context.contains("block collection")) {
            return new Error(
                    problemLine,
                    "this line's indentation does not fit the lines above: keys of one"
                            + " mapping line up at the same column, and a value under a key is indented further");
        } else if (context.contains("flow")) {
            return new Error(
                    contextLine,
                    "a [list] or {mapping} opened on this line is not closed properly;"
                            + " check its commas and closing bracket");
        }
        String original = failure.getProblem() == null ? failure.getMessage() : failure.getProblem();
        return new Error(problemLine, original.strip());
    }

    /**
     * The line (1-based) of the last quote before {@code problemLine} that opens a value and is not closed on its
     * own line, when the problem comes after it; 0 when there is none.
     */
    private static int unclosedQuoteBefore(String[] lines, int problemLine) {
        for (int index = Math.min(problemLine, lines.length) - 1; index >= 0; index--) {
            Matcher value = QUOTED_VALUE.matcher(lines[index]);
            if (value.matches() && !closes(value.group(1).charAt(0), value.group(2))) {
                return index + 1 < problemLine ? index + 1 : 0;
            }
        }
        return 0;
    }

    /** Whether the rest of a line after an opening quote holds its closing quote. */
    private static boolean closes(char quote, String rest) {
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                if (quote == '\'' && i + 1 < rest.length() && rest.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }
}
