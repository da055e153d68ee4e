package io.galeragen.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one YAML reader and writer. Reading is strict (duplicate keys rejected, alias expansion bounded against
 * "billion laughs"); writing is canonical (block style, LF, literal blocks for multi-line text, no line
 * wrapping, quotes only where YAML needs them), so equal objects always give equal bytes.
 */
public final class Yaml {

    /** Far above what a values file or manifest needs, far below what an alias bomb expands to. */
    static final int MAX_ALIASES = 50;

    static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

    private static final YAMLMapper MAPPER = createMapper();

    private Yaml() {}

    /** The shared mapper, for converting between trees and typed objects. Thread-safe; do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads one YAML document; a syntax error becomes a problem naming the source and line. */
    public static JsonNode readTree(String text, String source) {
        List<JsonNode> documents = readAll(text, source);
        if (documents.size() != 1) {
            throw new GaleraGenException(new Problem(
                    Input.RENDERED,
                    source,
                    "holds " + documents.size() + " YAML documents where exactly one is expected"));
        }
        return documents.get(0);
    }

    /** Reads every document of a multi-document YAML text, skipping empty ones. */
    public static List<JsonNode> readAll(String text, String source) {
        try (MappingIterator<JsonNode> documents =
                MAPPER.readerFor(JsonNode.class).readValues(text)) {
            List<JsonNode> result = new ArrayList<>();
            while (documents.hasNextValue()) {
                JsonNode document = documents.nextValue();
                if (document != null && !document.isMissingNode() && !document.isNull()) {
                    result.add(document);
                }
            }
            return result;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked
                    && marked.getProblemMark() != null) {
                YamlSyntax.Error error = YamlSyntax.describe(text, marked);
                throw new GaleraGenException(
                        new Problem(
                                Input.RENDERED, source + ":" + error.line(), "is not valid YAML: " + error.message()),
                        e);
            }
            throw new GaleraGenException(
                    new Problem(Input.RENDERED, where(source, e.getLocation()), e.getOriginalMessage()), e);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports alias bombs and some syntax errors as unchecked exceptions.
            throw new GaleraGenException(
                    new Problem(Input.RENDERED, source, "is not valid YAML: " + e.getMessage()), e);
        }
    }

    /** Writes an object or tree as one canonical YAML document (no leading ---). */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write YAML of " + value.getClass().getName(), e);
        }
    }

    private static String where(String source, JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? source : source + ":" + location.getLineNr();
    }

    private static YAMLMapper createMapper() {
        // SnakeYAML's nesting limit (LoaderOptions.setNestingDepthLimit) guards only its composer, which Jackson does
        // not use: Jackson's StreamReadConstraints bound nesting (1,000) and token lengths. Values files are bounded
        // before they reach this mapper (ValuesText: size, lines; ValuesReader: depth, keys, aliases).
        LoaderOptions loading = new LoaderOptions();
        loading.setAllowDuplicateKeys(false);
        loading.setMaxAliasesForCollections(MAX_ALIASES);
        loading.setCodePointLimit(MAX_DOCUMENT_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(loading)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
                .build();
        YAMLMapper mapper = new YAMLMapper(factory);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        // Maps (labels, annotations, ConfigMap data) in key order whatever order they were built in.
        mapper.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        return mapper;
    }
}
