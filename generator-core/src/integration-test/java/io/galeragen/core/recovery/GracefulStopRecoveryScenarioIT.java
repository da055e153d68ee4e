package io.galeragen.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** b. Clean shutdown of every pod, in order: the last one out (safe_to_bootstrap: 1) bootstraps by itself. */
class GracefulStopRecoveryScenarioIT {

    @Test
    void lastPodToLeaveBootstrapsAutomatically() {
        try (GaleraLab lab = new GaleraLab("b-graceful-stop")) {
            lab.startFreshCluster();
            AckedWriter writer = AckedWriter.start(lab.node(0));
            GaleraLab.await("writes before the shutdown", Duration.ofSeconds(30), () -> writer.acknowledgedSoFar() >= 500);
            Set<Long> acknowledged = writer.stop();

            for (int ordinal = 0; ordinal < lab.replicas(); ordinal++) {
                lab.pod(ordinal).stopGracefully(Duration.ofSeconds(60));
            }
            assertThat(GaleraLab.read(lab.node(2).grastate())).contains("safe_to_bootstrap: 1");
            assertThat(GaleraLab.read(lab.node(0).grastate())).contains("safe_to_bootstrap: 0");
            assertThat(GaleraLab.read(lab.node(1).grastate())).contains("safe_to_bootstrap: 0");

            lab.startAllPods();
            lab.awaitClusterOfAll(Duration.ofSeconds(120));

            assertThat(GaleraLab.read(lab.node(2).podLog())).contains(
                    "decision: bootstrap: grastate.dat says safe_to_bootstrap: 1 (this pod left the cluster last)");
            for (int ordinal : new int[] {0, 1}) {
                String log = GaleraLab.read(lab.node(ordinal).podLog());
                assertThat(log).contains("decision: join: a ready peer exists");
                assertThat(GaleraLab.read(lab.node(ordinal).errorLog())).contains("rsync IST completed on joiner");
            }
            ClusterData.read(lab).assertNoAcknowledgedRowLost("b-graceful-stop", acknowledged);
        }
    }
}
