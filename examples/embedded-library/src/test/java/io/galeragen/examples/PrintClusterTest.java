package io.galeragen.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintClusterTest {

    @Test
    void printsTheClusterAsMultiDocumentYaml() {
        List<JsonNode> documents = Yaml.readAll(runMain(), "stdout");

        JsonNode statefulSet = documents.stream()
                .filter(doc -> doc.get("kind").textValue().equals("StatefulSet"))
                .findFirst()
                .orElseThrow();
        assertThat(statefulSet.at("/metadata/name").textValue()).isEqualTo("inventory-db");
        assertThat(statefulSet.at("/metadata/namespace").textValue()).isEqualTo("inventory");
        assertThat(statefulSet.at("/spec/replicas").intValue()).isEqualTo(3);
        assertThat(statefulSet
                        .at("/spec/volumeClaimTemplates/0/spec/resources/requests/storage")
                        .textValue())
                .isEqualTo("30Gi");
        assertThat(documents)
                .extracting(doc -> doc.get("kind").textValue())
                .contains("ConfigMap", "Service", "StatefulSet");
    }

    @Test
    void settingsGiveTheSameKindOfCluster() {
        var cluster = PrintCluster.cluster("name=inventory-db", "replicas=5");

        assertThat(cluster.replicas()).isEqualTo(5);
        assertThat(cluster.rootPassword().name()).isEqualTo("inventory-db-credentials");
    }

    @Test
    void aMistakeInTheSettingsIsAClearError() {
        assertThatThrownBy(() -> PrintCluster.cluster("replica=5"))
                .isInstanceOf(GaleraGenException.class)
                .hasMessage("arguments: replica: is not a known key; did you mean replicas?");
    }

    private static String runMain() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            PrintCluster.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
