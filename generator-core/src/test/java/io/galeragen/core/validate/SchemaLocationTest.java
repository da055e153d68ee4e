package io.galeragen.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galeragen.core.error.GaleraGenException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaLocationTest {

    private static final KubernetesVersion V1_30 = KubernetesVersion.parse("1.30");

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "apps/v1, StatefulSet, statefulset-apps-v1.json",
        "apps/v1, Deployment, deployment-apps-v1.json",
        "v1, Service, service-v1.json",
        "v1, ConfigMap, configmap-v1.json",
        "policy/v1, PodDisruptionBudget, poddisruptionbudget-policy-v1.json",
        "networking.k8s.io/v1, NetworkPolicy, networkpolicy-networking-v1.json",
        "storage.k8s.io/v1, StorageClass, storageclass-storage-v1.json",
        "scheduling.k8s.io/v1, PriorityClass, priorityclass-scheduling-v1.json",
        "monitoring.coreos.com/v1, ServiceMonitor, servicemonitor-monitoring-v1.json",
        "autoscaling/v2, HorizontalPodAutoscaler, horizontalpodautoscaler-autoscaling-v2.json"
    })
    void folderUsesKubeconformsLayout(String apiVersion, String kind, String file) {
        SchemaLocation folder = SchemaLocation.parse("/schemas/");

        assertThat(folder.address(V1_30, apiVersion, kind)).isEqualTo("/schemas/v1.30.0-standalone-strict/" + file);
    }

    @Test
    void defaultIsTheYannhRepository() {
        SchemaLocation location = SchemaLocation.parse("default");

        assertThat(location.address(V1_30, "apps/v1", "StatefulSet"))
                .isEqualTo(
                        "https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.30.0-standalone-strict/"
                                + "statefulset-apps-v1.json");
        assertThat(location).hasToString("default");
    }

    @Test
    void templateCanUseEveryKubeconformVariable() {
        SchemaLocation location =
                SchemaLocation.parse("/crds/{{.Group}}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}{{ .KindSuffix }}"
                        + "-{{ .NormalizedKubernetesVersion }}{{ .StrictSuffix }}.json");

        assertThat(location.address(KubernetesVersion.parse("1.33"), "monitoring.coreos.com/v1", "ServiceMonitor"))
                .isEqualTo("/crds/monitoring.coreos.com/servicemonitor_v1-monitoring-v1-v1.33.0-strict.json");
        assertThat(location.address(KubernetesVersion.parse("1.33"), "v1", "Service"))
                .isEqualTo("/crds//service_v1-v1-v1.33.0-strict.json");
    }

    @Test
    void pathWithAPlaceholderIsATemplateWhereverItEnds() {
        SchemaLocation location = SchemaLocation.parse("/schemas/{{ .ResourceKind }}{{ .KindSuffix }}");

        assertThat(location.template()).isEqualTo("/schemas/{{ .ResourceKind }}{{ .KindSuffix }}");
        assertThat(location.address(V1_30, "apps/v1", "StatefulSet")).isEqualTo("/schemas/statefulset-apps-v1");
    }

    @Test
    void urlWithoutTemplateGetsTheFolderLayout() {
        SchemaLocation location = SchemaLocation.parse("http://127.0.0.1:8080/k8s", Path.of("/tmp/cache"));

        assertThat(location.address(V1_30, "v1", "Namespace"))
                .isEqualTo("http://127.0.0.1:8080/k8s/v1.30.0-standalone-strict/namespace-v1.json");
        assertThat(location.cacheDir()).contains(Path.of("/tmp/cache"));
        assertThat(SchemaLocation.parse("/schemas").cacheDir()).isEmpty();
    }

    @Test
    void unknownTemplateVariableIsRejectedWhenParsed() {
        assertThatThrownBy(() -> SchemaLocation.parse("/schemas/{{ .Kind }}.json"))
                .isInstanceOf(GaleraGenException.class)
                .hasMessage("schema location /schemas/{{ .Kind }}.json: \".Kind\" is not allowed: template variables"
                        + " are NormalizedKubernetesVersion, StrictSuffix, ResourceKind, KindSuffix,"
                        + " ResourceAPIVersion, Group");
    }

    @Test
    void otherTemplateSyntaxIsRejectedWhenParsed() {
        assertThatThrownBy(() -> SchemaLocation.parse("/schemas/{{ if .Group }}x{{ end }}.json"))
                .isInstanceOf(GaleraGenException.class)
                .hasMessageContaining("only {{ .Variable }} placeholders are supported");
    }

    @Test
    void blankLocationIsRejected() {
        assertThatThrownBy(() -> SchemaLocation.parse("  ", null))
                .isInstanceOf(GaleraGenException.class)
                .hasMessageContaining("schema location: \"  \" is not allowed");
    }

    @Test
    void equalLocationsAreEqual() {
        assertThat(SchemaLocation.parse("/schemas"))
                .isEqualTo(SchemaLocation.parse("/schemas/"))
                .hasSameHashCodeAs(SchemaLocation.parse("/schemas/"))
                .isNotEqualTo(SchemaLocation.parse("/schemas", Path.of("/cache")));
    }
}
