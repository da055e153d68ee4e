package io.galeragen.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.yaml.Yaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputFilesTest {

    private final List<Manifest> manifests = List.of(
            Manifest.deferred("ConfigMap", "db-config", "configmap.yaml.ftl", "kind: ConfigMap\n", yaml -> null),
            Manifest.deferred("StatefulSet", "db", "statefulset.yaml.ftl", "kind: StatefulSet\n", yaml -> null));

    @Test
    void singleLayoutIsOneMultiDocumentFile() {
        assertThat(OutputFiles.of(manifests, Layout.SINGLE))
                .containsOnlyKeys("galera.yaml")
                .containsEntry("galera.yaml", CombinedYaml.of(manifests));
    }

    @Test
    void perResourceLayoutHasStableNamesAndAKustomizationInInstallOrder() {
        var files = OutputFiles.of(manifests, Layout.PER_RESOURCE);

        assertThat(files).containsOnlyKeys("configmap-db-config.yaml", "statefulset-db.yaml", "kustomization.yaml");
        assertThat(files.get("statefulset-db.yaml"))
                .isEqualTo(CombinedYaml.HEADER + "# Source: statefulset.yaml.ftl\nkind: StatefulSet\n");
        var kustomization = Yaml.readTree(files.get("kustomization.yaml"), "kustomization.yaml");
        assertThat(kustomization.get("kind").textValue()).isEqualTo("Kustomization");
        assertThat(kustomization.get("resources"))
                .extracting(node -> node.textValue())
                .containsExactly("configmap-db-config.yaml", "statefulset-db.yaml");
    }

    @Test
    void layoutsAreSpelledAsInThePom() {
        assertThat(Layout.fromValue("per-resource")).contains(Layout.PER_RESOURCE);
        assertThat(Layout.fromValue("PER_RESOURCE")).isEmpty();
    }
}
