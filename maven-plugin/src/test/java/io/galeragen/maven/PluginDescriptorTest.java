package io.galeragen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.error.Input;
import io.galeragen.core.validate.ValidationTargets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin's contract as users see it (goal names, default phases, parameter names, properties and defaults),
 * read from the descriptor the build generated: renaming any of them fails here first.
 */
class PluginDescriptorTest {

    private static Element plugin;

    @BeforeAll
    static void readDescriptor() throws Exception {
        Path descriptor = Path.of("target/classes/META-INF/maven/plugin.xml");
        Document document =
                DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor.toFile());
        plugin = document.getDocumentElement();
    }

    @Test
    void prefixAndGoalsWithTheirDefaultPhases() {
        assertThat(text(plugin, "goalPrefix")).isEqualTo("galera");
        Map<String, String> phases = new TreeMap<>();
        forEach(plugin.getElementsByTagName("mojo"), mojo -> phases.put(text(mojo, "goal"), text(mojo, "phase")));

        assertThat(phases)
                .containsExactlyEntriesOf(new TreeMap<>(Map.of(
                        "check", "verify", "generate", "generate-resources", "help", "", "validate", "validate")));
    }

    @Test
    void everyGoalIsThreadSafe() {
        forEach(
                plugin.getElementsByTagName("mojo"),
                mojo -> assertThat(text(mojo, "threadSafe"))
                        .as(text(mojo, "goal"))
                        .isEqualTo("true"));
    }

    @Test
    void generateParametersPropertiesAndDefaults() {
        assertThat(configuration("generate"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(
                        Map.entry("force", "${galera.force} = false"),
                        Map.entry("kubernetesVersions", "${galera.kubernetesVersions} = "),
                        Map.entry("layout", "${galera.layout} = single"),
                        Map.entry("outputDirectory", "${galera.outputDirectory} = ${project.build.directory}/galera"),
                        Map.entry("schemaCache", "${galera.schemaCache} = "),
                        Map.entry("schemaLocations", "${galera.schemaLocations} = "),
                        Map.entry("set", "${galera.set} = "),
                        Map.entry("skip", "${galera.skip} = false"),
                        Map.entry("stateDirectory", "${galera.stateDirectory} = ${project.build.directory}/galera-gen"),
                        Map.entry("templatesDirectory", "${galera.templatesDirectory} = "),
                        Map.entry("values", "${galera.values} = "),
                        Map.entry("valuesFiles", "${galera.valuesFiles} = "),
                        Map.entry("writeValuesSchema", "${galera.writeValuesSchema} = false"))));
    }

    @Test
    void checkTakesTheSameParametersAsGenerateButItsUpToDateCheck() {
        Map<String, String> generate = new TreeMap<>(configuration("generate"));
        generate.keySet().removeAll(java.util.List.of("force", "stateDirectory"));
        assertThat(configuration("check")).isEqualTo(generate);
    }

    @Test
    void validateTakesTheInputParametersAndFiles() {
        Map<String, String> validate = configuration("validate");
        Map<String, String> inputs = new TreeMap<>(configuration("generate"));
        inputs.keySet()
                .removeAll(
                        java.util.List.of("outputDirectory", "layout", "writeValuesSchema", "force", "stateDirectory"));
        inputs.put("files", "${galera.files} = ");

        assertThat(validate).containsExactlyEntriesOf(inputs);
    }

    @Test
    void everyElementAProblemIsNamedByIsAParameter() {
        java.util.Set<String> parameters = new java.util.TreeSet<>();
        java.util.List.of("generate", "check", "validate")
                .forEach(goal -> configuration(goal).keySet().forEach(name -> parameters.add("<" + name + ">")));

        assertThat(java.util.Arrays.stream(Input.values())
                        .map(PomElements::element)
                        .flatMap(java.util.Optional::stream)
                        .distinct())
                .containsExactlyInAnyOrder(
                        "<valuesFiles>",
                        "<kubernetesVersions>",
                        "<schemaLocations>",
                        "<schemaCache>",
                        "<templatesDirectory>",
                        "<files>",
                        "<outputDirectory>",
                        "<writeValuesSchema>",
                        "<layout>")
                .allMatch(parameters::contains);
    }

    @Test
    void theDefaultsTheParametersNameAreTheLibrarys() {
        String home = System.getProperty("user.home");
        assertThat(description("kubernetesVersions"))
                .contains("(" + String.join(", ", ValidationTargets.defaultVersions()) + ")");
        assertThat(description("schemaCache"))
                .contains(GaleraGenerator.defaultSchemaCache().toString().replace(home, "~"));
    }

    private static String description(String parameter) {
        NodeList parameters = plugin.getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element element = (Element) parameters.item(i);
            if (text(element, "name").equals(parameter)) {
                return text(element, "description");
            }
        }
        throw new AssertionError("no parameter " + parameter);
    }

    /** Parameter name to "${property} = default" of a goal's user-settable parameters. */
    private static Map<String, String> configuration(String goal) {
        Map<String, String> parameters = new TreeMap<>();
        forEach(plugin.getElementsByTagName("mojo"), mojo -> {
            if (text(mojo, "goal").equals(goal)) {
                Element configuration =
                        (Element) mojo.getElementsByTagName("configuration").item(0);
                forEach(configuration.getChildNodes(), parameter -> {
                    if (!parameter.getTagName().equals("basedir")) {
                        parameters.put(
                                parameter.getTagName(),
                                parameter.getTextContent().strip() + " = " + parameter.getAttribute("default-value"));
                    }
                });
            }
        });
        return parameters;
    }

    private static String text(Element element, String child) {
        NodeList found = element.getElementsByTagName(child);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }

    private static void forEach(NodeList nodes, java.util.function.Consumer<Element> action) {
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element) {
                action.accept(element);
            }
        }
    }
}
