package io.galeragen.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.render.TemplateCatalog;
import io.galeragen.core.yaml.Yaml;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goals run in-process: what they write, log and fail with, exactly as a user sees it. */
class MojoTest {

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();

    @Test
    void generateLayersValuesAndWritesCheckedManifests() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        generate.valuesFiles.add(Mojos.write(project, "values.yaml", "name: orders\nreplicas: 5\n"));
        generate.values = "storage:\n      size: 20Gi";
        generate.set = "replicas=3";

        generate.execute();

        List<JsonNode> documents = Yaml.readAll(Files.readString(project.resolve("target/galera/galera.yaml")), "out");
        JsonNode statefulSet = documents.stream()
                .filter(doc -> doc.get("kind").textValue().equals("StatefulSet"))
                .findFirst()
                .orElseThrow();
        assertThat(statefulSet.at("/metadata/name").textValue()).isEqualTo("orders");
        assertThat(statefulSet.at("/spec/replicas").intValue()).isEqualTo(3);
        assertThat(statefulSet
                        .at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage")
                        .textValue())
                .isEqualTo("20Gi");
        assertThat(log)
                .first()
                .asString()
                .startsWith("info: galera: " + documents.size() + " documents for cluster orders in target/galera (")
                .endsWith("), valid for Kubernetes 1.34, 1.35, 1.36 (schemas bundled with galera-gen)");
    }

    @Test
    void perResourceLayoutWithTheValuesSchemaBesideTheValuesNotTheManifests() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        generate.layout = "per-resource";
        generate.writeValuesSchema = true;
        generate.valuesFiles.add(Mojos.write(project, "src/main/galera/values.yaml", "replicas: 3\n"));

        generate.execute();

        assertThat(listing(project.resolve("target/galera")))
                .contains("kustomization.yaml", "statefulset-mariadb.yaml", ".galera-gen-files")
                .noneMatch(name -> name.endsWith(".json"));
        assertThat(project.resolve("src/main/galera/values.schema.json"))
                .content()
                .contains("\"replicas\"");
    }

    @Test
    void aBadValuesFileFailsNamingFileAndLineAndWritesNothing() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        generate.valuesFiles.add(
                Mojos.write(project, "src/main/galera/values.yaml", "replicas: 3\nstorage:\n  sise: 1Gi\n"));

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(
                        "src/main/galera/values.yaml:3: storage.sise: is not a known key; did you mean storage.size?");
        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void aMissingValuesFileNamesTheElementAndThePathLookedAt() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        Mojos.write(project, "values.yaml", "replicas: 3\n");
        generate.valuesFiles.add(project.resolve("valuse.yaml").toFile());

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<valuesFiles> valuse.yaml: does not exist (looked for " + project.resolve("valuse.yaml")
                        + "); did you mean values.yaml?");
        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void anEmptyValuesFileIsRefusedAndTheOutputKept() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        generate.valuesFiles.add(Mojos.write(project, "values.yaml", "name: orders\nnamespace: shop\n"));
        generate.execute();
        String before = Files.readString(project.resolve("target/galera/galera.yaml"));
        Files.writeString(project.resolve("values.yaml"), "# cleared by mistake\n");

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("values.yaml: holds no values (it is empty or only comments); alone it would"
                        + " render the defaults, a cluster \"mariadb\" in namespace \"default\", over the output.");
        assertThat(project.resolve("target/galera/galera.yaml")).content().isEqualTo(before);
    }

    @Test
    void inlineValuesAndSettingsAreNamedByTheirPomElementAndProperty() {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        generate.values = "replicas: 3\n      storage:\n        size: 10 GB";
        generate.set = "replica=5";

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("-Dgalera.set: replica: is not a known key; did you mean replicas?");
        generate.set = null;
        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<values>:3: storage.size: \"10 GB\" is not allowed: a Kubernetes quantity, e.g. 10Gi");
    }

    @Test
    void anOutputDirectoryThatIsAFileIsNamedByItsElement() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        generate.outputDirectory = Mojos.write(project, "taken", "not a folder\n");

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("<outputDirectory> " + generate.outputDirectory + ": cannot be written: ");
        assertThat(Files.readString(generate.outputDirectory.toPath())).isEqualTo("not a folder\n");
    }

    @Test
    void anUnknownTemplateOverrideListsTheValidNames() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        Mojos.write(project, "templates/stateful-set.yaml.ftl", "kind: StatefulSet\n");
        generate.templatesDirectory = project.resolve("templates").toFile();

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<templatesDirectory> " + generate.templatesDirectory
                        + ": \"stateful-set.yaml.ftl\" is not a built-in "
                        + "template; the templates that may be replaced are "
                        + String.join(", ", TemplateCatalog.names()));
        assertThat(TemplateCatalog.names()).contains("statefulset.yaml.ftl", "files/init.sh");
    }

    @Test
    void aTemplateOverrideReplacesTheBuiltInOne() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        Mojos.write(project, "templates/files/probe.sh", "#!/bin/sh\n# site probe\nexit 0\n");
        generate.templatesDirectory = project.resolve("templates").toFile();

        generate.execute();

        assertThat(Files.readString(project.resolve("target/galera/galera.yaml")))
                .contains("# site probe");
    }

    @Test
    void anUnknownLayoutIsNamedByItsElement() {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        generate.layout = "flat";

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<layout>: \"flat\" is not allowed: single or per-resource");
    }

    @Test
    void skipLogsOneLineAndDoesNothing() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        generate.skip = true;
        generate.set = "not valid at all";

        generate.execute();

        assertThat(log).containsExactly("info: galera: skipped (galera.skip=true)");
        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void checkPassesOnFreshOutputAndListsDriftedFiles() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        generate.layout = "per-resource";
        generate.execute();
        CheckMojo check = Mojos.configure(new CheckMojo(), project, log);
        check.layout = "per-resource";
        check.execute();
        assertThat(log).last().isEqualTo("info: galera: target/galera is up to date");

        Files.writeString(project.resolve("target/galera/service-mariadb.yaml"), "edited: by hand\n");
        Files.delete(project.resolve("target/galera/kustomization.yaml"));

        assertThatThrownBy(check::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("""
                2 file(s) in target/galera differ from what galera:generate would write:
                  - kustomization.yaml (missing)
                  - service-mariadb.yaml (changed)
                      --- service-mariadb.yaml (as it is)
                      +++ service-mariadb.yaml (as generated)
                      @@ -1,1 +1,""")
                .hasMessageContaining("\n      -edited: by hand\n      +# Generated by galera-gen.")
                .hasMessageEndingWith("""
                Run mvn galera:generate with the same configuration and commit the result.""");
    }

    @Test
    void validateWithoutConfigurationUsesTheBundledSchemasOfTheNewestVersionsAndNamesThem() throws Exception {
        ValidateMojo validate = Mojos.configure(new ValidateMojo(), project, log);

        validate.execute();

        int documents = GaleraGenerator.builder()
                .build()
                .render(GaleraCluster.defaults())
                .manifests()
                .size();
        assertThat(log)
                .containsExactly("info: galera: values and " + documents + " documents of cluster mariadb "
                        + "valid for Kubernetes 1.34, 1.35, 1.36 (schemas bundled with galera-gen)");
        assertThat(listing(project)).isEmpty();
    }

    @Test
    void validateForChosenVersionsNamesThem() throws Exception {
        ValidateMojo validate = Mojos.configure(new ValidateMojo(), project, log);
        validate.kubernetesVersions = new ArrayList<>(List.of("1.28", "1.33"));

        validate.execute();

        assertThat(log)
                .singleElement()
                .asString()
                .endsWith("valid for Kubernetes 1.28, 1.33 (schemas bundled with galera-gen)");
    }

    @Test
    void aVersionWithoutBundledSchemasIsAnErrorNamingTheElementAndTheKnownVersions() {
        ValidateMojo validate = Mojos.configure(new ValidateMojo(), project, log);
        validate.kubernetesVersions = new ArrayList<>(List.of("1.40"));

        assertThatThrownBy(validate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(
                        "<kubernetesVersions>: \"1.40\" is not allowed: a version whose schemas galera-gen carries: 1.28, 1.29,"
                                + " 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36 (or give schema locations that have it)");
    }

    @Test
    void aMissingSchemaFolderIsOneLineNamingTheElement() {
        ValidateMojo validate = Mojos.configure(new ValidateMojo(), project, log);
        Path missing = project.resolve("k8s-schemas");
        validate.schemaLocations = new ArrayList<>(List.of(missing.toString()));

        assertThatThrownBy(validate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<schemaLocations> " + missing + ": no such folder: " + missing);
    }

    @Test
    void validateGivenFilesNamesTheFileOfEachProblem() throws Exception {
        ValidateMojo validate = Mojos.configure(new ValidateMojo(), project, log);
        validate.files.add(Mojos.write(project, "svc.yaml", """
                apiVersion: v1
                kind: Service
                metadata:
                  name: db
                spec:
                  portz:
                  - port: 3306
                """));

        assertThatThrownBy(validate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("<files> " + project.resolve("svc.yaml") + ": Service/db: spec.portz");
    }

    @Test
    void aValuesFileThatIsAFolderNamesTheElement() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        Files.createDirectories(project.resolve("values"));
        generate.valuesFiles.add(project.resolve("values").toFile());

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("<valuesFiles> values: is a folder, not a file");
    }

    @Test
    void aMalformedVersionIsNamedByItsElement() {
        ValidateMojo validate = Mojos.configure(new ValidateMojo(), project, log);
        validate.kubernetesVersions = new ArrayList<>(List.of("latest"));

        assertThatThrownBy(validate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("<kubernetesVersions>: \"latest\" is not allowed: ");
    }

    @Test
    void aBlankSchemaLocationIsNamedByItsElement() {
        ValidateMojo validate = Mojos.configure(new ValidateMojo(), project, log);
        validate.schemaLocations = new ArrayList<>(List.of(" "));

        assertThatThrownBy(validate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(
                        "<schemaLocations>: \" \" is not allowed: a folder, a path or URL template ending in .json, or default");
    }

    @Test
    void aSchemaThatIsNotJsonIsNamedByTheElementThatLedToIt() throws Exception {
        ValidateMojo validate = Mojos.configure(new ValidateMojo(), project, log);
        Path schema = Mojos.write(project, "schemas/statefulset-apps-v1.json", "not json")
                .toPath();
        validate.schemaLocations =
                new ArrayList<>(List.of(project.resolve("schemas") + "/{{ .ResourceKind }}{{ .KindSuffix }}.json"));

        assertThatThrownBy(validate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<schemaLocations> " + schema + ": is not valid JSON: ");
    }

    @Test
    void anUnwritableSchemaCacheIsNamedByItsElement() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"type\": \"object\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            ValidateMojo validate = Mojos.configure(new ValidateMojo(), project, log);
            validate.schemaCache = Mojos.write(project, "cache", "a file, not a folder\n");
            validate.schemaLocations = new ArrayList<>(
                    List.of("http://127.0.0.1:" + server.getAddress().getPort() + "/{{ .ResourceKind }}.json"));

            assertThatThrownBy(validate::execute)
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("<schemaCache> " + validate.schemaCache + "/")
                    .hasMessageContaining(": cannot write the schema cache: ");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aValuesSchemaThatWouldLandInTheOutputIsNamedByItsElement() throws Exception {
        GenerateMojo generate = Mojos.configure(new GenerateMojo(), project, log);
        generate.valuesFiles.add(Mojos.write(project, "target/galera/values.yaml", "replicas: 3\n"));
        generate.writeValuesSchema = true;

        assertThatThrownBy(generate::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("<writeValuesSchema>: \"" + project.resolve("target/galera/values.schema.json")
                        + "\" is not allowed: a place outside the output folder");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
