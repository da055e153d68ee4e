package io.galeragen.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.TestSchemas;
import io.galeragen.core.model.GaleraCluster;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    @Test
    void sameInputGivesSameBytesAcrossGeneratorsAndMapOrders() {
        GaleraCluster first = GaleraCluster.builder()
                .labels(Map.of("a", "1", "b", "2", "c", "3"))
                .annotations(Map.of("x/y", "1", "z", "2"))
                .build();
        Map<String, String> reversedLabels = new LinkedHashMap<>();
        reversedLabels.put("c", "3");
        reversedLabels.put("b", "2");
        reversedLabels.put("a", "1");
        GaleraCluster second = GaleraCluster.builder()
                .labels(reversedLabels)
                .annotations(Map.of("z", "2", "x/y", "1"))
                .build();

        String once = TestSchemas.validatingGenerator().render(first).combinedYaml();
        String again = GaleraGenerator.builder().build().render(second).combinedYaml();

        assertThat(again).isEqualTo(once);
    }

    @Test
    void outputHasLfLineEndsAndNoTimestamps() {
        String yaml = GaleraGenerator.builder()
                .build()
                .render(GaleraCluster.defaults())
                .combinedYaml();

        assertThat(yaml)
                .doesNotContain("\r")
                .endsWith("\n")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")
                .doesNotContain("creationTimestamp");
    }
}
