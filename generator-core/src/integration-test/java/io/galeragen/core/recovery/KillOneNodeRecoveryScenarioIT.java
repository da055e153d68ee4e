package io.galeragen.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * a. kill -9 of one node under writes: its container restarts, init.sh recovers the position
 * (grastate.dat says -1) and the node rejoins by IST, not a full SST.
 */
class KillOneNodeRecoveryScenarioIT {

    @Test
    void crashedNodeRejoinsByIstWithoutLosingAcknowledgedRows() {
        try (GaleraLab lab = new GaleraLab("a-kill-one")) {
            lab.startFreshCluster();
            LabNode victim = lab.node(2);
            AckedWriter writer = AckedWriter.start(lab.node(0));
            GaleraLab.await("writes before the crash", Duration.ofSeconds(30), () -> writer.acknowledgedSoFar() >= 300);
            long errorLogBefore = GaleraLab.read(victim.errorLog()).length();

            lab.pod(2).crashMainContainer();
            int acknowledgedAtCrash = writer.acknowledgedSoFar();
            GaleraLab.await("writes while galera-2 is down", Duration.ofSeconds(30),
                    () -> writer.acknowledgedSoFar() >= acknowledgedAtCrash + 300);
            lab.awaitClusterOfAll(Duration.ofSeconds(90));
            GaleraLab.sleep(Duration.ofSeconds(1));
            Set<Long> acknowledged = writer.stop();

            String restartLog = GaleraLab.read(victim.errorLog()).substring((int) errorLogBefore);
            assertThat(restartLog).as("galera-2's mariadbd log after the restart")
                    .contains("Receiving IST: ")
                    .contains("rsync IST completed on joiner")
                    .doesNotContain("rsync SST completed on joiner");
            assertThat(GaleraLab.read(victim.podLog()))
                    .contains("no fresh decision from the init container (container restart): deciding again")
                    .contains("recovered position")
                    .contains("decision: join: a ready peer exists")
                    .contains("--wsrep-start-position=");
            ClusterData.read(lab).assertNoAcknowledgedRowLost("a-kill-one", acknowledged);
        }
    }
}
