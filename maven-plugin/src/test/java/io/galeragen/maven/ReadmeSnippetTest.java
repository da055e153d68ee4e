package io.galeragen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "In a Maven project" snippet is the readme-snippet integration test's plugin, so it runs as written. */
class ReadmeSnippetTest {

    @Test
    void theReadmesPluginSnippetIsTheOneTheIntegrationTestRuns() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        String section = readme.substring(readme.indexOf("## In a Maven project"));
        Matcher snippet = Pattern.compile("```xml\n(<plugin>.*?</plugin>\n)```", Pattern.DOTALL)
                .matcher(section);
        assertThat(snippet.find())
                .as("an xml snippet in README's In a Maven project")
                .isTrue();

        String itPom = Files.readString(Path.of("src/it/readme-snippet/pom.xml"));
        String plugin = itPom.substring(itPom.indexOf("<plugin>"), itPom.indexOf("</plugin>") + "</plugin>\n".length());
        String version =
                Files.readString(Path.of("pom.xml")).replaceAll("(?s).*?<parent>.*?<version>([^<]+)</version>.*", "$1");

        assertThat(snippet.group(1)).isEqualTo(plugin.replace("@project.version@", version));
        assertThat(version).endsWith("-SNAPSHOT");
    }
}
