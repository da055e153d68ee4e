package io.galeragen.core.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts ({@code diff -u}'s format, three lines of context), cut after a number of lines so that
 * a drift report of a 47 KB manifest stays readable. Lines common to both ends are set aside first, so the usual
 * change of a few lines costs a few comparisons; the rest is a longest-common-subsequence diff.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    /** Above this many cells the middle is shown as replaced whole rather than compared line by line. */
    private static final long MAX_CELLS = 4_000_000;

    private UnifiedDiff() {}

    /**
     * @param label    the file's name, for the {@code ---}/{@code +++} lines
     * @param before   the text as it is (the {@code -} side)
     * @param after    the text as it should be (the {@code +} side)
     * @param maxLines how many lines of hunks to show at most; a last line says how many more there are
     * @return the diff, each line ending in a newline; empty when the texts are equal
     */
    public static String of(String label, String before, String after, int maxLines) {
        if (before.equals(after)) {
            return "";
        }
        List<String> edits = edits(lines(before), lines(after));
        StringBuilder out = new StringBuilder("--- " + label + " (as it is)\n+++ " + label + " (as generated)\n");
        List<String> hunks = hunks(edits);
        hunks.stream().limit(maxLines).forEach(line -> out.append(line).append('\n'));
        if (hunks.size() > maxLines) {
            out.append("... ").append(hunks.size() - maxLines).append(" more diff lines\n");
        }
        return out.toString();
    }

    /** The lines of a text; a final newline ends the last line rather than starting an empty one. */
    private static String[] lines(String text) {
        String[] lines = text.split("\n", -1);
        return text.endsWith("\n") ? java.util.Arrays.copyOf(lines, lines.length - 1) : lines;
    }

    /** One entry per line of the merged texts: {@code " x"}, {@code "-x"} or {@code "+x"}. */
    private static List<String> edits(String[] a, String[] b) {
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix
                && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            suffix++;
        }
        List<String> edits = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            edits.add(" " + a[i]);
        }
        int n = a.length - prefix - suffix;
        int m = b.length - prefix - suffix;
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                edits.add("-" + a[prefix + i]);
            }
            for (int j = 0; j < m; j++) {
                edits.add("+" + b[prefix + j]);
            }
        } else {
            int[][] common = new int[n + 1][m + 1];
            for (int i = n - 1; i >= 0; i--) {
                for (int j = m - 1; j >= 0; j--) {
                    common[i][j] = a[prefix + i].equals(b[prefix + j])
                            ? common[i + 1][j + 1] + 1
                            : Math.max(common[i + 1][j], common[i][j + 1]);
                }
            }
            int i = 0;
            int j = 0;
            while (i < n || j < m) {
                if (i < n && j < m && a[prefix + i].equals(b[prefix + j])) {
                    edits.add(" " + a[prefix + i++]);
                    j++;
                } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                    edits.add("-" + a[prefix + i++]);
                } else {
                    edits.add("+" + b[prefix + j++]);
                }
            }
        }
        for (int i = a.length - suffix; i < a.length; i++) {
            edits.add(" " + a[i]);
        }
        return edits;
    }

    /** The changed lines with their context, under {@code @@ -start,count +start,count @@} headers. */
    private static List<String> hunks(List<String> edits) {
        List<String> lines = new ArrayList<>();
        int index = 0;
        while (index < edits.size()) {
            int change = index;
            while (change < edits.size() && edits.get(change).charAt(0) == ' ') {
                change++;
            }
            if (change == edits.size()) {
                break;
            }
            int start = Math.max(index, change - CONTEXT);
            int end = change;
            int quiet = 0;
            while (end < edits.size() && quiet <= 2 * CONTEXT) {
                quiet = edits.get(end).charAt(0) == ' ' ? quiet + 1 : 0;
                end++;
            }
            end -= Math.max(0, quiet - CONTEXT);
            lines.add(header(edits, start, end));
            lines.addAll(edits.subList(start, end));
            index = end;
        }
        return lines;
    }

    private static String header(List<String> edits, int start, int end) {
        int oldStart = 1;
        int newStart = 1;
        for (String edit : edits.subList(0, start)) {
            oldStart += edit.charAt(0) == '+' ? 0 : 1;
            newStart += edit.charAt(0) == '-' ? 0 : 1;
        }
        int oldCount = 0;
        int newCount = 0;
        for (String edit : edits.subList(start, end)) {
            oldCount += edit.charAt(0) == '+' ? 0 : 1;
            newCount += edit.charAt(0) == '-' ? 0 : 1;
        }
        return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
    }
}
