package io.galeragen.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The rendered readiness probe on real Galera: a member is ready only while it is in the primary component, so a
 * member cut off from the others (a split brain's minority) takes no traffic, while the startup probe still sees a
 * server that answers.
 */
class ReadinessProbeScenarioIT {

    @Test
    void aMemberOutsideThePrimaryComponentIsNotReady() {
        try (GaleraLab lab = new GaleraLab("probe")) {
            lab.startFreshCluster();
            for (LabNode node : lab.nodes()) {
                assertProbePasses(lab, node, "ready");
                assertProbePasses(lab, node, "started");
            }

            lab.pod(1).kill();
            lab.pod(2).kill();
            LabNode survivor = lab.node(0);
            GaleraLab.await("galera-0 alone, outside the primary component", Duration.ofSeconds(30),
                    () -> "non-Primary".equals(lab.wsrepStatus(survivor).get("wsrep_cluster_status")));

            GaleraLab.ProbeRun ready = lab.probe(survivor, "ready");
            assertThat(ready.exitCode()).isEqualTo(1);
            assertThat(ready.output()).contains("not ready: wsrep_ready=OFF wsrep_cluster_status=non-Primary");
            assertProbePasses(lab, survivor, "started");
        }
    }

    private static void assertProbePasses(GaleraLab lab, LabNode node, String mode) {
        GaleraLab.ProbeRun run = lab.probe(node, mode);
        assertThat(run.exitCode()).as("%s probe of %s: %s", mode, node.podName(), run.output()).isZero();
    }
}
