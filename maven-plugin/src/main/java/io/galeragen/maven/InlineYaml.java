package io.galeragen.maven;

import java.util.Arrays;
import java.util.List;

/**
 * YAML written inside a POM element. Maven trims the text, which strips the first line's indentation and not the
 * others', so the indentation of the first line's level is recovered from the other lines and removed.
 */
final class InlineYaml {

    private InlineYaml() {}

    static String dedent(String text) {
        List<String> lines = Arrays.asList(text.strip().split("\r?\n", -1));
        List<String> rest = lines.subList(1, lines.size()).stream()
                .filter(line -> !line.isBlank())
                .toList();
        int base = rest.stream().mapToInt(InlineYaml::indentation).min().orElse(0);
        if (opensBlock(lines.get(0)) && !rest.isEmpty()) {
            // Lines less indented than the first line's children are its siblings: they give the base level.
            // With no sibling, every other line is a child, and any base below them keeps the YAML intact.
            int children = indentation(rest.get(0));
            base = rest.stream()
                    .mapToInt(InlineYaml::indentation)
                    .filter(indent -> indent < children)
                    .min()
                    .orElse(0);
        }
        StringBuilder result = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            result.append(line.isBlank() ? "" : line.substring(Math.min(base, indentation(line))))
                    .append('\n');
        }
        return result.toString();
    }

    /** {@code storage:} (maybe with a comment) opens a block; {@code replicas: 3} does not. */
    private static boolean opensBlock(String line) {
        String code = line.replaceAll("\\s+#.*$", "").stripTrailing();
        return code.endsWith(":");
    }

    private static int indentation(String line) {
        int count = 0;
        while (count < line.length() && line.charAt(count) == ' ') {
            count++;
        }
        return count;
    }
}
