package io.galeragen.core.yaml;

import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the unquoted scalars of a YAML text as both YAML versions would: Kubernetes reads manifests as YAML 1.1
 * ({@code yes}, {@code on} and {@code 010} are a boolean and an octal number), other tools as YAML 1.2. A key that
 * either version reads as anything but text ({@code null:}, {@code yes:}, {@code 0:}) turns into another key, or
 * none, on the way to the cluster; a value the two versions read differently is read differently by the tools a
 * GitOps repository runs. Both are problems of the text, found before anything is written.
 */
public final class PlainScalars {

    private static final Resolver YAML_11 = new Resolver();
    /** The YAML 1.2 core schema's implicit types (yaml.org/spec/1.2.2, 10.3.2). */
    private static final Pattern NULL_12 = Pattern.compile("~|null|Null|NULL|");

    private static final Pattern BOOL_12 = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern INT_12 = Pattern.compile("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
    private static final Pattern FLOAT_12 = Pattern.compile(
            "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    /** YAML 1.1's one-letter booleans, which Kubernetes' reader knows and SnakeYAML's resolver leaves out. */
    private static final Pattern SHORT_BOOL_11 = Pattern.compile("[yYnN]");
    /** A leading zero: an octal number in YAML 1.1, a decimal one in 1.2. */
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0[0-9_]+");

    private PlainScalars() {}

    /** Every plain key that is not text, and every plain value the two YAML versions read differently. */
    public static List<Problem> check(String yaml, String source) {
        List<Problem> problems = new ArrayList<>();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Yaml.MAX_DOCUMENT_BYTES);
        ParserImpl parser = new ParserImpl(new StreamReader(yaml), options);
        Deque<Frame> open = new ArrayDeque<>();
        while (!parser.checkEvent(Event.ID.StreamEnd)) {
            Event event = parser.getEvent();
            Frame frame = open.peek();
            if (event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart)) {
                open.push(new Frame(event.is(Event.ID.MappingStart), frame == null ? "" : frame.nextPath()));
            } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                open.pop();
                if (open.peek() != null) {
                    open.peek().advance(null);
                }
            } else if (event instanceof ScalarEvent scalar && frame != null) {
                if (scalar.isPlain() && scalar.getTag() == null) {
                    boolean key = frame.expectingKey();
                    String problem = key ? asKey(scalar.getValue()) : asValue(scalar.getValue());
                    if (problem != null) {
                        String path = key ? frame.path : frame.nextPath();
                        problems.add(new Problem(
                                Input.RENDERED,
                                source + (path.isEmpty() ? "" : ": " + path),
                                (key ? "the key " : "the value ") + scalar.getValue() + " " + problem));
                    }
                }
                frame.advance(scalar.getValue());
            } else if (event.is(Event.ID.Alias) && frame != null) {
                frame.advance(null);
            }
        }
        return problems;
    }

    private static String asKey(String text) {
        if (YamlText.unmistakablyText(text)) {
            return null;
        }
        String v11 = yaml11(text);
        String v12 = yaml12(text);
        if (v11.equals("text") && v12.equals("text")) {
            return null;
        }
        return "is read as " + (v11.equals("text") ? v12 + " in YAML 1.2" : v11 + " in YAML 1.1 (Kubernetes)")
                + ", not as text: a key must be text, quote it";
    }

    private static String asValue(String text) {
        if (YamlText.unmistakablyText(text)) {
            return null;
        }
        String v11 = yaml11(text);
        String v12 = yaml12(text);
        if (v11.equals(v12)
                && !(v11.equals("a number") && LEADING_ZERO.matcher(text).matches())) {
            return null;
        }
        return "is read as " + v11 + " in YAML 1.1 (Kubernetes) and as " + v12 + " in YAML 1.2: quote it";
    }

    private static String yaml11(String text) {
        if (SHORT_BOOL_11.matcher(text).matches()) {
            return "a boolean";
        }
        Tag tag = YAML_11.resolve(NodeId.scalar, text, true);
        if (tag.equals(Tag.NULL)) {
            return "null";
        } else if (tag.equals(Tag.BOOL)) {
            return "a boolean";
        } else if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "a number";
        } else if (tag.equals(Tag.TIMESTAMP)) {
            return "a date";
        }
        return tag.equals(Tag.STR) ? "text" : "a merge or value key";
    }

    private static String yaml12(String text) {
        if (NULL_12.matcher(text).matches()) {
            return "null";
        } else if (BOOL_12.matcher(text).matches()) {
            return "a boolean";
        } else if (INT_12.matcher(text).matches() || FLOAT_12.matcher(text).matches()) {
            return "a number";
        }
        return "text";
    }

    /** An open mapping or list: where its next key or value goes. */
    private static final class Frame {
        private final boolean mapping;
        private final String path;
        private boolean valueNext;
        private String key;
        private int index;

        Frame(boolean mapping, String path) {
            this.mapping = mapping;
            this.path = path;
        }

        boolean expectingKey() {
            return mapping && !valueNext;
        }

        /** The path of the node that comes next: a value under the last key, or the next element. */
        String nextPath() {
            String name = mapping ? (valueNext ? String.valueOf(key) : "?") : "[" + index + "]";
            return path.isEmpty() || !mapping ? path + name : path + "." + name;
        }

        /** One node (a scalar, an alias, or a whole mapping or list) is done; {@code scalar} is its text, if any. */
        void advance(String scalar) {
            if (!mapping) {
                index++;
            } else {
                key = valueNext ? null : scalar;
                valueNext = !valueNext;
            }
        }
    }
}
