package io.galeragen.core.values;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What is said about a values file that cannot be used as it is: missing, or holding no values. */
public final class ValuesFiles {

    /**
     * An empty values file is refused rather than read as "no values": it is usually a wrong, truncated or not yet
     * saved file, and as the only values it would quietly turn the output into the defaults' cluster, replacing
     * (and, for files written before, removing) the real one's manifests. {@code {}} keeps every default on purpose.
     */
    static final String EMPTY = "holds no values (it is empty or only comments); alone it would render the defaults,"
            + " a cluster \"mariadb\" in namespace \"default\", over the output. Write the values (e.g. name:"
            + " and replicas:), or {} to keep every default on purpose";

    private ValuesFiles() {}

    /**
     * "does not exist", with the path it was looked for at and, when a values file nearby is named alike, that one;
     * for callers that name the file's origin themselves (the Maven plugin's {@code <valuesFiles>}).
     */
    public static String missing(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String message = "does not exist (looked for " + absolute + ")";
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return message;
        }
        try (Stream<Path> siblings = Files.list(folder)) {
            List<String> names = siblings.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".yml"))
                    .sorted()
                    .toList();
            return message
                    + Suggestions.closest(absolute.getFileName().toString(), names)
                            .map(name -> "; did you mean " + name + "?")
                            .orElse("");
        } catch (IOException unreadable) {
            return message;
        }
    }
}
