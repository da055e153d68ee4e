package io.galeragen.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.Service;
import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Rendering;
import io.galeragen.core.Renderings;
import io.galeragen.core.TestSchemas;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.GaleraCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template override replaces a built-in template, and everything it renders is checked like the built-ins. */
class TemplateOverrideTest {

    @TempDir
    Path overrides;

    @Test
    void anOverrideReplacesTheBuiltInTemplateOfTheSameName() throws IOException {
        String builtIn = Files.readString(builtInTemplate("service.yaml.ftl"));
        Files.writeString(overrides.resolve("service.yaml.ftl"), builtIn.replace("type: ClusterIP", "type: NodePort"));

        Rendering rendering = generatorWithOverrides().render(GaleraCluster.defaults());

        assertThat(Renderings.resource(rendering, Service.class, "mariadb")
                        .getSpec()
                        .getType())
                .isEqualTo("NodePort");
    }

    @Test
    void anUnknownFieldIsRejectedWithTheDocumentAndPath() throws IOException {
        overrideStatefulSet(
                "        command: [\"/bin/bash\", \"/etc/galera/start.sh\"]\n",
                "        command: [\"/bin/bash\", \"/etc/galera/start.sh\"]\n        imagePullPolicyy: Always\n");

        assertThat(rejection().problems())
                .contains(new Problem(
                        Input.RENDERED,
                        "StatefulSet/mariadb: spec.template.spec.containers[0].imagePullPolicyy",
                        "unknown field: Container has no such field (misspelt or misplaced?)"));
    }

    @Test
    void aWrongTypeIsRejectedWithTheDocumentAndPath() throws IOException {
        overrideStatefulSet("  replicas: ${cluster.replicas?c}", "  replicas: three");

        assertThat(rejection().problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo("StatefulSet/mariadb: spec.replicas");
            assertThat(problem.message()).contains("\"three\"").contains("integer");
        });
    }

    @Test
    void aMissingRequiredFieldIsRejectedByTheSchema() throws IOException {
        overrideStatefulSet("      - name: init\n", "      - \n");

        assertThat(rejection().problems())
                .extracting(Problem::where)
                .contains(
                        "StatefulSet/mariadb (k8s v1.28.0): spec.template.spec.initContainers[1]",
                        "StatefulSet/mariadb (k8s v1.33.0): spec.template.spec.initContainers[1]");
        assertThat(rejection().problems())
                .allSatisfy(problem -> assertThat(problem.message()).isEqualTo("required property 'name' not found"));
    }

    private void overrideStatefulSet(String find, String replacement) throws IOException {
        String builtIn = Files.readString(builtInTemplate("statefulset.yaml.ftl"));
        assertThat(builtIn).contains(find);
        Files.writeString(overrides.resolve("statefulset.yaml.ftl"), builtIn.replace(find, replacement));
    }

    private GaleraGenException rejection() {
        return catchThrowableOfType(
                GaleraGenException.class, () -> generatorWithOverrides().render(GaleraCluster.defaults()));
    }

    private GaleraGenerator generatorWithOverrides() {
        return GaleraGenerator.builder()
                .templateOverrides(overrides)
                .kubernetesVersions(TestSchemas.VERSIONS)
                .build();
    }

    private static Path builtInTemplate(String name) {
        return Path.of("../templates/src/main/resources/io/galeragen/templates", name);
    }
}
