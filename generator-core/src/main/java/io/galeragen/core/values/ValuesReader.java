package io.galeragen.core.values;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;
import io.galeragen.core.yaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a values file through the project's one YAML factory, token by token, so that every key keeps the
 * line it was written on. Aliases are refused (a values file has no use for them, and refusing them ends
 * "billion laughs" at the first {@code *ref}); duplicate keys are refused with both lines.
 */
final class ValuesReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String source;
    private final Map<String, String> origins = new HashMap<>();

    private ValuesReader(String source) {
        this.source = source;
    }

    static ValuesLayer read(Path file, String source) {
        String text;
        try {
            // A strict decoder: a Latin-1 file is reported, not read as garbage.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new GaleraGenException(new Problem(source, "does not exist"));
        } catch (AccessDeniedException e) {
            throw new GaleraGenException(new Problem(source, "cannot be read: permission denied"));
        } catch (CharacterCodingException e) {
            throw new GaleraGenException(new Problem(source, "is not UTF-8 text"));
        } catch (IOException e) {
            String reason = Files.isDirectory(file) ? "is a folder, not a file" : "cannot be read: " + e.getMessage();
            throw new GaleraGenException(new Problem(source, reason));
        }
        return read(text, source);
    }

    static ValuesLayer read(String text, String source) {
        ValuesReader reader = new ValuesReader(source);
        try (JsonParser parser = Yaml.mapper().getFactory().createParser(text)) {
            // Duplicates are caught below, with the lines of both keys.
            parser.disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ValuesLayer(source, NODES.objectNode(), Map.of());
            }
            if (first != JsonToken.START_OBJECT) {
                throw new GaleraGenException(new Problem(reader.at(parser.currentLocation()),
                        "a values file must be a mapping of keys to values (e.g. replicas: 3)"));
            }
            ObjectNode tree = (ObjectNode) reader.readValue(parser, "");
            if (parser.nextToken() != null) {
                throw new GaleraGenException(new Problem(reader.at(parser.currentLocation()),
                        "holds a second YAML document; a values file holds exactly one"));
            }
            return new ValuesLayer(source, tree, reader.origins);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                // SnakeYAML knows the line of the problem itself, not only where the broken construct began.
                String context = marked.getContext() == null ? "" : marked.getContext() + ": ";
                throw new GaleraGenException(new Problem(source + ":" + (marked.getProblemMark().getLine() + 1),
                        "is not valid YAML: " + context + marked.getProblem()));
            }
            throw new GaleraGenException(new Problem(reader.at(e.getLocation()), "is not valid YAML: "
                    + firstLine(e.getOriginalMessage())));
        } catch (IOException | RuntimeException e) {
            if (e instanceof GaleraGenException known) {
                throw known;
            }
            // SnakeYAML reports some syntax errors and its own limits as unchecked exceptions.
            throw new GaleraGenException(new Problem(source, "is not valid YAML: " + firstLine(e.getMessage())));
        }
    }

    private JsonNode readValue(JsonParser parser, String path) throws IOException {
        JsonToken token = parser.currentToken();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            throw new GaleraGenException(new Problem(at(parser.currentTokenLocation()) + ": " + path,
                    "uses the alias *" + parser.getText() + "; values files may not use YAML aliases, write the value out"));
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser, path);
            case START_ARRAY -> readArray(parser, path);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new GaleraGenException(new Problem(at(parser.currentTokenLocation()) + ": " + path,
                    "holds something a values file cannot: " + token));
        };
    }

    private ObjectNode readObject(JsonParser parser, String path) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            String child = KeyPaths.child(path, key);
            String line = at(parser.currentTokenLocation());
            if (object.has(key)) {
                throw new GaleraGenException(new Problem(line + ": " + child,
                        "is a duplicate key (first set at " + origins.get(child) + ")"));
            }
            origins.put(child, line);
            parser.nextToken();
            object.set(key, readValue(parser, child));
        }
        return object;
    }

    private ArrayNode readArray(JsonParser parser, String path) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String element = KeyPaths.element(path, array.size());
            origins.put(element, at(parser.currentTokenLocation()));
            array.add(readValue(parser, element));
        }
        return array;
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
