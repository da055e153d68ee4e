package io.galeragen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * docs/maven-plugin.md is generated from the plugin descriptor the build produced (goals, phases, parameters,
 * properties, defaults and their Javadoc), so it cannot drift from the code. {@code -Dgalera.regenerate=true}
 * rewrites it.
 */
class PluginReferenceTest {

    private static final Path DOC = Path.of("../docs/maven-plugin.md");

    @Test
    void committedReferenceMatchesTheDescriptor() throws Exception {
        String generated = markdown();
        if (Boolean.getBoolean("galera.regenerate")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(DOC + " is out of date; run ./mvnw verify -DskipITs -Dgalera.regenerate=true")
                .isEqualTo(generated);
    }

    static String markdown() throws Exception {
        Element plugin = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("target/classes/META-INF/maven/plugin.xml").toFile())
                .getDocumentElement();
        StringBuilder text = new StringBuilder("# galera-maven-plugin reference\n\n")
                .append("<!-- Generated from the plugin descriptor by PluginReferenceTest. Do not edit: run ")
                .append("`./mvnw verify -DskipITs -Dgalera.regenerate=true`. -->\n\n")
                .append("Goal prefix `")
                .append(child(plugin, "goalPrefix"))
                .append("`. Every goal is thread-safe. ")
                .append("Values keys are listed in [values-reference.md](values-reference.md).\n");
        for (Element mojo : children(firstElement(plugin, "mojos"), "mojo")) {
            String goal = child(mojo, "goal");
            text.append("\n## galera:").append(goal).append("\n\n");
            String phase = child(mojo, "phase");
            if (phase != null) {
                text.append("Default phase: `").append(phase).append("`.\n\n");
            }
            text.append(oneLine(child(mojo, "description")))
                    .append("\n\n")
                    .append("| Parameter | Property | Default | Description |\n| --- | --- | --- | --- |\n");
            Element configuration = firstElement(mojo, "configuration");
            for (Element parameter : children(firstElement(mojo, "parameters"), "parameter")) {
                if (!"true".equals(child(parameter, "editable"))) {
                    continue;
                }
                String name = child(parameter, "name");
                Element configured = firstElement(configuration, name);
                String property =
                        configured == null ? "" : configured.getTextContent().strip();
                String fallback = configured == null ? "" : configured.getAttribute("default-value");
                text.append("| `")
                        .append(name)
                        .append("` | ")
                        .append(property.isEmpty() ? "" : "`" + property.replaceAll("^\\$\\{(.*)}$", "$1") + "`")
                        .append(" | ")
                        .append(fallback.isEmpty() ? "" : "`" + fallback + "`")
                        .append(" | ")
                        .append(oneLine(child(parameter, "description")).replace("|", "\\|"))
                        .append(" |\n");
            }
        }
        return text.toString();
    }

    private static String oneLine(String html) {
        return html == null
                ? ""
                : html.replaceAll("<code>(.*?)</code>", "`$1`")
                        .replaceAll("<[^>]+>", "")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&")
                        .replaceAll("\\s+", " ")
                        .strip();
    }

    private static String child(Element element, String name) {
        Element found = firstElement(element, name);
        return found == null ? null : found.getTextContent().strip();
    }

    private static Element firstElement(Element element, String name) {
        List<Element> found = children(element, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element element, String name) {
        List<Element> found = new ArrayList<>();
        if (element != null) {
            NodeList nodes = element.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                Node node = nodes.item(i);
                if (node instanceof Element child && child.getTagName().equals(name)) {
                    found.add(child);
                }
            }
        }
        return found;
    }
}
