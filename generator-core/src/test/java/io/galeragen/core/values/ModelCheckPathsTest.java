package io.galeragen.core.values;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every key path the model's checks name in a problem is a key of the values: a check that names a renamed or
 * misspelt path would send users looking for a key that does not exist. Read from the checks' source, where each
 * path is written as the first argument of a check or of a problem.
 */
class ModelCheckPathsTest {

    private static final Path MODEL = Path.of("src/main/java/io/galeragen/core/model");
    private static final Pattern NAMED_PATH = Pattern.compile("(?:\\b(?:matches|oneOf|notNull|atMostItems|checkLabels"
            + "|checkSecret|checkResources|checkImage|checkCephSecret|checkToleration|inRange)\\(|Input\\.VALUES,"
            + "|String path =)"
            + "\\s*\"([^\"]*)\"");

    @Test
    void everyPathTheChecksNameIsAValuesKey() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.list(MODEL)) {
            for (Path file : files.filter(file -> file.getFileName().toString().matches(".*(Checks|Validator)\\.java"))
                    .toList()) {
                Matcher matcher = NAMED_PATH.matcher(Files.readString(file));
                while (matcher.find()) {
                    // "topology.zones[" + i + "]" names the list, "annotations." + key the map.
                    named.add(matcher.group(1).replaceFirst("[\\[.]$", ""));
                }
            }
        }

        assertThat(named)
                .hasSizeGreaterThan(60)
                .contains(
                        "name",
                        "storage.size",
                        "topology.zones",
                        "storageClass.cephRbd.provisioner",
                        "galera.providerOptions",
                        "arbitrator.resources");
        assertThat(ValueShape.allPaths().keySet()).containsAll(named);
    }
}
