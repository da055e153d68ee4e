package io.galeragen.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** f. Fresh volumes, all pods started together (podManagementPolicy: Parallel): size 3. */
class FreshStartRecoveryScenarioIT {

    @Test
    void onlyPodZeroBootstrapsAndTheOthersJoin() {
        try (GaleraLab lab = new GaleraLab("f-fresh-start")) {
            lab.startFreshCluster();

            for (LabNode node : lab.nodes()) {
                assertThat(lab.wsrepStatus(node)).containsEntry("wsrep_cluster_size", "3")
                        .containsEntry("wsrep_cluster_status", "Primary");
            }
            assertThat(GaleraLab.read(lab.node(0).podLog()))
                    .contains("decision: bootstrap: fresh volume on pod 0 and no peer is up: new cluster");
            for (int ordinal : new int[] {1, 2}) {
                assertThat(GaleraLab.read(lab.node(ordinal).podLog()))
                        .contains("decision: join: a ready peer exists")
                        .doesNotContain("--wsrep-new-cluster");
            }

            AckedWriter writer = AckedWriter.start(lab.node(1));
            GaleraLab.await("100 acknowledged rows", Duration.ofSeconds(30), () -> writer.acknowledgedSoFar() >= 100);
            Set<Long> acknowledged = writer.stop();
            ClusterData.read(lab).assertNoAcknowledgedRowLost("f-fresh-start", acknowledged);
        }
    }
}
