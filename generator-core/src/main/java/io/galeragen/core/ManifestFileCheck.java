package io.galeragen.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.output.Manifest;
import io.galeragen.core.validate.StrictResourceReader;
import io.galeragen.core.yaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Checks manifest files on disk the way generated documents are checked; every problem is prefixed by its file. */
final class ManifestFileCheck {

    private final StrictResourceReader reader;
    private final Function<JsonNode, List<Problem>> schemaCheck;

    ManifestFileCheck(StrictResourceReader reader, Function<JsonNode, List<Problem>> schemaCheck) {
        this.reader = reader;
        this.schemaCheck = schemaCheck;
    }

    List<Problem> check(List<Path> files) {
        List<Problem> problems = new ArrayList<>();
        for (Path file : files) {
            String source = file.toString();
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (JsonNode document : Yaml.readAll(text, source)) {
                    problems.addAll(checkDocument(source, document));
                }
            } catch (IOException e) {
                problems.add(new Problem(Input.MANIFEST_FILES, source, "cannot be read: " + e.getMessage()));
            } catch (GaleraGenException e) {
                e.problems().stream().map(problem -> inFile(source, problem)).forEach(problems::add);
            }
        }
        return List.copyOf(problems);
    }

    private List<Problem> checkDocument(String source, JsonNode document) {
        try {
            // Both checks read the document as written, as GaleraGenerator.render does.
            reader.read(document);
            return schemaCheck.apply(document).stream().map(problem -> inFile(source, problem)).toList();
        } catch (GaleraGenException e) {
            return e.problems().stream().map(problem -> inFile(source, problem)).toList();
        }
    }

    private static Problem inFile(String source, Problem problem) {
        String where = problem.where();
        return problem.at(Input.MANIFEST_FILES, where.startsWith(source) ? where : source + ": " + where);
    }
}
