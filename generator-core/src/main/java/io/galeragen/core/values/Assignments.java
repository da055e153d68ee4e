package io.galeragen.core.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.Limits;
import io.galeragen.core.values.Assignment.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code key.path=value} settings, Helm's {@code --set} syntax: several separated by commas, a value
 * typed by its key ({@code replicas=5} is a number, {@code createNamespace=true} a boolean), a list either by
 * index ({@code storage.accessModes[0]=ReadWriteOnce}) or whole as a comma list
 * ({@code storage.accessModes=ReadWriteOnce,ReadOnlyMany}), {@code \,} for a literal comma, {@code null} to unset.
 * Problems are collected, not thrown, so one run reports every bad setting.
 */
final class Assignments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The longest key path of the model, a dot and the longest label key: what a map entry's path can be. */
    private static final int MAX_PATH = ValueShape.allPaths().keySet().stream()
                    .mapToInt(String::length)
                    .max()
                    .orElse(0)
            + 1
            + Limits.LABEL_KEY;

    private final String origin;
    private final List<Problem> problems;

    private Assignments(String origin, List<Problem> problems) {
        this.origin = origin;
        this.problems = problems;
    }

    /** Parses {@code a.b=1,c=x,y}: a piece without '=' continues the previous value, as in a comma list. */
    static List<Assignment> parse(String settings, String origin, List<Problem> problems) {
        Assignments parser = new Assignments(origin, problems);
        List<String[]> pairs = new ArrayList<>();
        for (String piece : splitUnescaped(settings, ',')) {
            int equals = indexOfUnescaped(piece, '=');
            if (equals >= 0) {
                pairs.add(new String[] {
                    unescape(piece.substring(0, equals)).strip(), unescape(piece.substring(equals + 1))
                });
            } else if (!pairs.isEmpty()) {
                String[] previous = pairs.get(pairs.size() - 1);
                previous[1] = previous[1] + "," + unescape(piece);
            } else if (!piece.isBlank()) {
                problems.add(new Problem(
                        Input.VALUES, origin, "\"" + piece + "\" is not a setting: expected key.path=value"));
            }
        }
        return pairs.stream()
                .map(pair -> parser.assignment(pair[0], pair[1]))
                .filter(a -> a != null)
                .toList();
    }

    /** One setting per entry, e.g. from a POM's {@code <values>}: the whole value belongs to its key. */
    static List<Assignment> of(Map<String, String> settings, String origin, List<Problem> problems) {
        Assignments parser = new Assignments(origin, problems);
        return settings.entrySet().stream()
                .map(entry ->
                        parser.assignment(entry.getKey().strip(), entry.getValue() == null ? "" : entry.getValue()))
                .filter(a -> a != null)
                .toList();
    }

    private Assignment assignment(String path, String raw) {
        if (path.length() > MAX_PATH) {
            problems.add(Problem.badValue(
                    Input.VALUES,
                    origin,
                    path,
                    "a key path of at most " + MAX_PATH + " characters (the longest key path, with a label key of "
                            + Limits.LABEL_KEY + ")"));
            return null;
        }
        List<Step> steps = new ArrayList<>();
        ValueShape shape = ValueShape.ROOT;
        boolean listElement = false;
        String walked = "";
        int position = 0;
        while (position < path.length()) {
            if (listElement) {
                return fail(path, "is a single list element and has no keys below it");
            }
            if (shape.kind() == ValueShape.Kind.STRING_MAP) {
                // Map keys may contain dots (labels like app.kubernetes.io/part-of): the rest of the path is the key.
                steps.add(Step.key(path.substring(position)));
                walked = KeyPaths.child(walked, path.substring(position));
                shape = null;
                position = path.length();
            } else if (shape.kind() == ValueShape.Kind.STRING_LIST) {
                int close = path.indexOf(']', position);
                if (path.charAt(position) != '[' || close < 0) {
                    return fail(
                            walked, "is a list: set it whole (" + walked + "=a,b) or by index (" + walked + "[0]=a)");
                }
                int index;
                try {
                    index = Integer.parseInt(path.substring(position + 1, close));
                } catch (NumberFormatException e) {
                    return fail(path, "a list index must be a whole number from 0");
                }
                if (index < 0) {
                    return fail(path, "a list index must be a whole number from 0");
                }
                steps.add(Step.index(index));
                walked = KeyPaths.element(walked, index);
                listElement = true;
                position = close + 1;
            } else if (shape.kind() == ValueShape.Kind.OBJECT) {
                int end = position;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String key = path.substring(position, end);
                ValueShape child = shape.fields().get(key);
                if (child == null) {
                    problems.add(UnknownKey.problem(origin + ": " + KeyPaths.child(walked, key), walked, key, shape));
                    return null;
                }
                steps.add(Step.key(key));
                walked = KeyPaths.child(walked, key);
                shape = child;
                position = end < path.length() && path.charAt(end) == '.' ? end + 1 : end;
            } else {
                return fail(walked, "is " + shape.expectedForm() + " and has no keys below it");
            }
        }
        if (steps.isEmpty()) {
            problems.add(new Problem(Input.VALUES, origin, "\"=" + raw + "\" has no key: expected key.path=value"));
            return null;
        }
        JsonNode value = listElement || shape == null ? text(raw) : typed(walked, raw, shape);
        return value == null ? null : new Assignment(walked, steps, value, origin);
    }

    private JsonNode typed(String path, String raw, ValueShape shape) {
        if (raw.equals("null")) {
            return NODES.nullNode();
        }
        switch (shape.kind()) {
            case STRING, ENUM:
                return NODES.textNode(raw);
            case INTEGER:
                try {
                    return NODES.numberNode(Integer.parseInt(raw.strip()));
                } catch (NumberFormatException e) {
                    return badValue(path, raw, shape);
                }
            case BOOLEAN:
                return raw.equals("true") || raw.equals("false")
                        ? NODES.booleanNode(Boolean.parseBoolean(raw))
                        : badValue(path, raw, shape);
            case STRING_LIST:
                ArrayNode list = NODES.arrayNode();
                if (!raw.isEmpty()) {
                    Arrays.stream(raw.split(",", -1)).map(String::strip).forEach(list::add);
                }
                return list;
            case STRING_MAP:
                return fail(path, "is a mapping: set one entry at a time, e.g. " + path + ".team=db");
            default:
                return fail(
                        path,
                        "is a group of keys: set one of " + shape.fields().keySet() + ", e.g. " + path + "."
                                + shape.fields().keySet().iterator().next() + "=...");
        }
    }

    private static JsonNode text(String raw) {
        return raw.equals("null") ? NODES.nullNode() : NODES.textNode(raw);
    }

    private JsonNode badValue(String path, String raw, ValueShape shape) {
        problems.add(Problem.badValue(Input.VALUES, origin + ": " + path, raw, shape.expectedForm()));
        return null;
    }

    private <T> T fail(String path, String message) {
        problems.add(new Problem(Input.VALUES, origin + ": " + path, message));
        return null;
    }

    private static List<String> splitUnescaped(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == separator) {
                pieces.add(text.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }

    private static int indexOfUnescaped(String text, char wanted) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String text) {
        return text.replaceAll("\\\\(.)", "$1");
    }
}
