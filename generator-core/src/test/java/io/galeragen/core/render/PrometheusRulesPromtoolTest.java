package io.galeragen.core.render;

import static io.galeragen.core.Renderings.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.galeragen.core.Examples;
import io.galeragen.core.ExternalTool;
import io.galeragen.core.TestSchemas;
import io.galeragen.core.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules as Prometheus reads them: the rule groups of the rendered PrometheusRule (examples/ceph-rbd-3-zones)
 * are written to a rules file, checked by {@code promtool check rules} and unit-tested by {@code promtool test rules}
 * against src/test/resources/promtool/galera-alerts.test.yaml (input series and the alerts they must raise).
 */
class PrometheusRulesPromtoolTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeRules() throws IOException {
        ExternalTool.require("promtool", "prometheus");
        PrometheusRule rule =
                resource(TestSchemas.validatingGenerator().render(Examples.cephRbd3Zones()), PrometheusRule.class);
        ObjectNode rules = Yaml.mapper().createObjectNode();
        rules.set("groups", Yaml.mapper().valueToTree(rule.getSpec()).get("groups"));
        Files.writeString(dir.resolve("rules.yaml"), Yaml.write(rules));
        try (InputStream test =
                PrometheusRulesPromtoolTest.class.getResourceAsStream("/promtool/galera-alerts.test.yaml")) {
            Files.write(dir.resolve("galera-alerts.test.yaml"), test.readAllBytes());
        }
    }

    @Test
    void promtoolAcceptsTheRules() {
        ExternalTool.Result result = ExternalTool.run(dir, List.of("promtool", "check", "rules", "rules.yaml"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 4 rules found");
    }

    @Test
    void theAlertsFireOnTheSeriesTheyAreFor() {
        ExternalTool.Result result =
                ExternalTool.run(dir, List.of("promtool", "test", "rules", "galera-alerts.test.yaml"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }
}
