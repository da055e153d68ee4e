package io.galeragen.core.values;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.Limits;
import io.galeragen.core.yaml.Yaml;
import io.galeragen.core.yaml.YamlSyntax;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a values file through the project's one YAML factory, token by token, so that every key keeps the
 * line it was written on. Aliases are refused (a values file has no use for them, and refusing them ends
 * "billion laughs" at the first {@code *ref}); duplicate keys are refused with both lines. The file's size, line
 * lengths ({@link ValuesText}), nesting depth and key lengths are bounded before anything looks further.
 */
final class ValuesReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How deep mappings and lists nest in a values file, the top mapping counted: as deep as the model goes. */
    static final int MAX_DEPTH = ValueShape.ROOT.depth();

    private static final String DEEPEST_KEY = ValueShape.ROOT.deepestKey();
    /** The longest key any mapping of a values file takes: a label or annotation key. */
    static final int MAX_KEY = Limits.LABEL_KEY;
    /** Jackson's words for a key that is not a scalar (a complex key or an alias). */
    private static final String NOT_A_KEY = "Expected a field name";
    /** The longest number the parser reads; past it (and past 1,024 characters) it gives a number as text. */
    private static final int MAX_NUMBER = StreamReadConstraints.defaults().getMaxNumberLength();
    /** A YAML 1.1 or 1.2 decimal number, possessive so that a long one cannot exhaust the stack. */
    private static final Pattern NUMBER =
            Pattern.compile("[-+]?+(?:[0-9][0-9_]*+(?:\\.[0-9_]*+)?+|\\.[0-9][0-9_]*+)(?:[eE][-+]?+[0-9]++)?+");

    private final String source;
    private final String text;
    private final Map<String, String> origins = new HashMap<>();
    /** The key path whose value the parser reads now, for problems the parser itself raises. */
    private String reading = "";

    private ValuesReader(String source, String text) {
        this.source = source;
        this.text = text;
    }

    static ValuesLayer read(Path file, String source) {
        byte[] bytes;
        try {
            // Bounded, then decoded strictly: a Latin-1 file is reported with its line, not read as garbage.
            bytes = ValuesText.readBounded(file);
        } catch (NoSuchFileException e) {
            throw new GaleraGenException(new Problem(Input.VALUES_FILE, source, ValuesFiles.missing(file)));
        } catch (AccessDeniedException e) {
            throw new GaleraGenException(new Problem(Input.VALUES_FILE, source, "cannot be read: permission denied"));
        } catch (IOException e) {
            String reason = Files.isDirectory(file) ? "is a folder, not a file" : "cannot be read: " + e.getMessage();
            throw new GaleraGenException(new Problem(Input.VALUES_FILE, source, reason));
        }
        return read(ValuesText.decode(bytes, source), source);
    }

    static ValuesLayer read(String text, String source) {
        ValuesText.check(text, source);
        ValuesReader reader = new ValuesReader(source, text);
        try (JsonParser parser = Yaml.mapper().getFactory().createParser(text)) {
            // Duplicates are caught below, with the lines of both keys.
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new GaleraGenException(new Problem(Input.VALUES, source, ValuesFiles.EMPTY));
            }
            if (first != JsonToken.START_OBJECT) {
                throw new GaleraGenException(new Problem(
                        Input.VALUES,
                        reader.at(parser.currentLocation()),
                        "a values file must be a mapping of keys to values (e.g. replicas: 3)"));
            }
            ObjectNode tree = (ObjectNode) reader.readValue(parser, "", 0);
            if (parser.nextToken() != null) {
                throw new GaleraGenException(new Problem(
                        Input.VALUES,
                        reader.at(parser.currentLocation()),
                        "holds a second YAML document; a values file holds exactly one"));
            }
            return new ValuesLayer(source, tree, reader.origins);
        } catch (StreamConstraintsException e) {
            throw new GaleraGenException(
                    new Problem(Input.VALUES, reader.atReading(e.getLocation()), beyondParserLimit(e)));
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof ReaderException unreadable) {
                throw unreadable(text, source, unreadable);
            }
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith(NOT_A_KEY)) {
                throw new GaleraGenException(new Problem(
                        Input.VALUES,
                        reader.atReading(e.getLocation()),
                        e.getOriginalMessage().contains("AliasEvent")
                                ? "an alias as a key is not allowed: values files take no YAML aliases, write the key out"
                                : "a list or mapping as a key is not allowed: keys are text, e.g. team: db"));
            }
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                YamlSyntax.Error error = YamlSyntax.describe(text, marked);
                throw new GaleraGenException(new Problem(
                        Input.VALUES, source + ":" + error.line(), "is not valid YAML: " + error.message()));
            }
            throw new GaleraGenException(new Problem(
                    Input.VALUES,
                    reader.at(e.getLocation()),
                    "is not valid YAML: " + firstLine(e.getOriginalMessage())));
        } catch (IOException | RuntimeException e) {
            if (e instanceof GaleraGenException known) {
                throw known;
            }
            if (e instanceof ReaderException unreadable) {
                throw unreadable(text, source, unreadable);
            }
            // SnakeYAML reports some syntax errors and its own limits as unchecked exceptions.
            throw new GaleraGenException(
                    new Problem(Input.VALUES, source, "is not valid YAML: " + firstLine(e.getMessage())));
        }
    }

    private JsonNode readValue(JsonParser parser, String path, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new GaleraGenException(new Problem(
                    Input.VALUES,
                    at(parser.currentTokenLocation()) + ": " + path,
                    "uses the alias *" + parser.getText()
                            + "; values files may not use YAML aliases, write the value out"));
        }
        if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && depth == MAX_DEPTH) {
            // Checked as the parser streams, long before a deep file could exhaust the stack.
            throw new GaleraGenException(new Problem(
                    Input.VALUES,
                    at(parser.currentTokenLocation()) + ": " + path,
                    "a "
                            + (token == JsonToken.START_OBJECT ? "mapping" : "list") + " nested " + (depth + 1)
                            + " deep is not allowed: values nest at most " + MAX_DEPTH + " deep (the deepest key is "
                            + DEEPEST_KEY + ")"));
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser, path, depth + 1);
            case START_ARRAY -> readArray(parser, path, depth + 1);
            case VALUE_STRING -> scalar(parser, path);
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> WrittenNumber.of(parser);
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default ->
                throw new GaleraGenException(new Problem(
                        Input.VALUES,
                        at(parser.currentTokenLocation()) + ": " + path,
                        "binary data (!!binary) is not allowed: values are text, numbers, true or false, lists and "
                                + "mappings"));
        };
    }

    private ObjectNode readObject(JsonParser parser, String path, int depth) throws IOException {
        ObjectNode object = NODES.objectNode();
        reading = path;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String line = at(parser.currentTokenLocation());
            if (key.length() > MAX_KEY) {
                throw new GaleraGenException(new Problem(
                        Input.VALUES,
                        line + ": " + path,
                        Problem.shown(key) + " is not allowed: " + "a key of at most " + MAX_KEY
                                + " characters (the longest a label or annotation key can be)"));
            }
            String child = KeyPaths.child(path, key);
            if (object.has(key)) {
                throw new GaleraGenException(new Problem(
                        Input.VALUES,
                        line + ": " + child,
                        "is a duplicate key (first set at " + origins.get(child) + ")"));
            }
            origins.put(child, line);
            reading = child;
            parser.nextToken();
            object.set(key, readValue(parser, child, depth));
            reading = path;
        }
        return object;
    }

    private ArrayNode readArray(JsonParser parser, String path, int depth) throws IOException {
        ArrayNode array = NODES.arrayNode();
        reading = KeyPaths.element(path, 0);
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String element = KeyPaths.element(path, array.size());
            origins.put(element, at(parser.currentTokenLocation()));
            array.add(readValue(parser, element, depth));
            reading = KeyPaths.element(path, array.size());
        }
        return array;
    }

    /** A character YAML does not allow in its text, such as a control character, named with its line. */
    private static GaleraGenException unreadable(String text, String source, ReaderException e) {
        return new GaleraGenException(new Problem(
                Input.VALUES,
                source + ":" + lineAt(text, e.getPosition()),
                String.format(
                        "the character U+%04X is not allowed: YAML text has no control characters but tab and line breaks",
                        e.getCodePoint())));
    }

    /**
     * A string token: {@code key:} with nothing after it is null in YAML, where the parser gives an empty string
     * (only a quoted {@code ""} is the empty string); and a plain number too long for the parser, which it gives as
     * text, is still a number in YAML and refused as one.
     */
    private JsonNode scalar(JsonParser parser, String path) throws IOException {
        String value = parser.getText();
        if (value.isEmpty() && plain(parser)) {
            return NODES.nullNode();
        } else if (value.length() > MAX_NUMBER
                && plain(parser)
                && NUMBER.matcher(value).matches()) {
            throw new GaleraGenException(
                    new Problem(Input.VALUES, at(parser.currentTokenLocation()) + ": " + path, numberTooLong()));
        }
        return NODES.textNode(value);
    }

    /** Whether the scalar is written plain, not quoted, as a block or with a tag. */
    private boolean plain(JsonParser parser) {
        long offset = parser.currentTokenLocation().getCharOffset();
        return offset < 0 || offset >= text.length() || "\"'|>!".indexOf(text.charAt((int) offset)) < 0;
    }

    private static int lineAt(String text, int position) {
        int line = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Where the value being read is: {@code values.yaml:7: storage.size}. */
    private String atReading(JsonLocation location) {
        return reading.isEmpty() ? at(location) : at(location) + ": " + reading;
    }

    /**
     * The parser's own bounds on a token, all beyond what any key takes; only the lengths of a key and of a number
     * are checked there before this reader sees the token.
     */
    private static String beyondParserLimit(StreamConstraintsException e) {
        StreamReadConstraints limits = StreamReadConstraints.defaults();
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Name")) {
            return String.format(
                    Locale.ROOT,
                    "a key of more than %,d characters is not allowed: a key of at most %d "
                            + "characters (the longest a label or annotation key can be)",
                    limits.getMaxNameLength(),
                    MAX_KEY);
        } else if (message.startsWith("Number")) {
            return numberTooLong();
        }
        return "a value beyond what the YAML reader takes is not allowed: values as the reference describes them";
    }

    private static String numberTooLong() {
        return String.format(
                Locale.ROOT,
                "a number of more than %,d digits is not allowed: whole numbers of at most "
                        + "10 digits (no key takes a larger one)",
                MAX_NUMBER);
    }

    private String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? source : source + ":" + location.getLineNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
