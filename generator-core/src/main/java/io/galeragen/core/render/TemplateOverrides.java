package io.galeragen.core.render;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks a template override folder before anything is rendered: every file in it must replace a built-in
 * template of the same name ({@link TemplateCatalog#names()}), so a misspelt override fails loudly instead of
 * being silently ignored. Hidden files ({@code .gitkeep}) are ignored.
 */
public final class TemplateOverrides {

    private TemplateOverrides() {}

    /** @param folder the override folder, or null for none */
    public static void requireKnown(Path folder) {
        if (folder == null) {
            return;
        }
        String where = folder.toString();
        if (!Files.isDirectory(folder)) {
            throw new GaleraGenException(new Problem(
                    Input.TEMPLATES_DIRECTORY,
                    where,
                    Files.exists(folder) ? "is a file; expected a folder of templates" : "does not exist"));
        }
        List<String> known = TemplateCatalog.names();
        List<Problem> problems;
        try (Stream<Path> files = Files.walk(folder)) {
            problems = files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith(".") && !name.contains("/."))
                    .filter(name -> !known.contains(name))
                    .sorted()
                    .map(name -> new Problem(
                            Input.TEMPLATES_DIRECTORY,
                            where,
                            "\"" + name + "\" is not a built-in template; the templates that " + "may be replaced are "
                                    + String.join(", ", known)))
                    .toList();
        } catch (IOException e) {
            throw new GaleraGenException(
                    new Problem(Input.TEMPLATES_DIRECTORY, where, "cannot be read: " + e.getMessage()), e);
        }
        if (!problems.isEmpty()) {
            throw new GaleraGenException(problems);
        }
    }
}
