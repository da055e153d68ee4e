package io.galeragen.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * c. kill -9 of every node under writes on all three: every pod recovers its position, starts as
 * a joiner, and pc.recovery reforms the primary component with the cluster's history (same state
 * uuid, IST), not the silently diverged restart the lab saw without the recovered positions.
 */
class FullCrashRecoveryScenarioIT {

    @Test
    void wholeClusterReformsByItselfWithItsHistory() {
        try (GaleraLab lab = new GaleraLab("c-full-crash")) {
            lab.startFreshCluster();
            String stateUuid = lab.wsrepStatus(lab.node(0)).get("wsrep_cluster_state_uuid");
            List<AckedWriter> writers = lab.nodes().stream().map(AckedWriter::start).toList();
            GaleraLab.await("writes on every node", Duration.ofSeconds(30),
                    () -> writers.stream().allMatch(w -> w.acknowledgedSoFar() >= 200));

            lab.killAllPods();
            Set<Long> acknowledged = new HashSet<>();
            writers.forEach(w -> acknowledged.addAll(w.stop()));
            for (LabNode node : lab.nodes()) {
                assertThat(GaleraLab.read(node.grastate())).contains("seqno:   -1");
                assertThat(node.gvwstate()).exists();
            }

            lab.startAllPods();
            lab.awaitClusterOfAll(Duration.ofSeconds(120));

            for (LabNode node : lab.nodes()) {
                // start.sh notices the reformed component on its next one-second probe.
                GaleraLab.await(node.podName() + " start.sh saw the reform", Duration.ofSeconds(10),
                        () -> GaleraLab.read(node.podLog()).contains("pc.recovery: primary component reformed"));
                assertThat(GaleraLab.read(node.podLog()))
                        .contains("recovered position " + stateUuid + ":")
                        .contains("decision: pc-recovery: gvwstate.dat present");
                assertThat(lab.wsrepStatus(node)).as("history kept on %s", node.podName())
                        .containsEntry("wsrep_cluster_state_uuid", stateUuid);
            }
            ClusterData.read(lab).assertNoAcknowledgedRowLost("c-full-crash", acknowledged);
        }
    }
}
