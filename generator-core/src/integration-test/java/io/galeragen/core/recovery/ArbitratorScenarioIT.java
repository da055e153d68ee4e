package io.galeragen.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.ExternalTool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two members and the rendered garbd arbitrator: garbd's vote is the third of three, so losing one member leaves
 * the other in a primary component that keeps taking writes (two members alone would both stop at 1 of 2 votes).
 */
class ArbitratorScenarioIT {

    static final String TWO_MEMBERS_AND_ARBITRATOR = """
            name: galera
            replicas: 2
            arbitrator:
              enabled: true
            galera:
              sstMethod: rsync
            %s""".formatted(ShippedFiles.Lab.QUICKER_FAILURE_DETECTION);

    @Test
    void theArbitratorsVoteKeepsTheSurvivingMemberPrimary() {
        ExternalTool.requireFiles(List.of("/usr/bin/garbd"), "galera-arbitrator-4");
        try (GaleraLab lab = new GaleraLab("arbitrator", TWO_MEMBERS_AND_ARBITRATOR)) {
            lab.startFreshCluster();
            lab.startArbitrator();
            lab.awaitClusterSize(3, Duration.ofSeconds(60));

            AckedWriter writer = AckedWriter.start(lab.node(0));
            GaleraLab.await("100 acknowledged rows", Duration.ofSeconds(30), () -> writer.acknowledgedSoFar() >= 100);
            lab.pod(1).kill();
            GaleraLab.await("galera-0 primary with the arbitrator after losing galera-1", Duration.ofSeconds(30),
                    () -> lab.isSyncedMember(lab.node(0), 2));
            long beforeLoss = writer.acknowledgedSoFar();
            GaleraLab.await("100 more acknowledged rows without galera-1", Duration.ofSeconds(30),
                    () -> writer.acknowledgedSoFar() >= beforeLoss + 100);
            Set<Long> acknowledged = writer.stop();

            Map<String, String> survivor = lab.wsrepStatus(lab.node(0));
            assertThat(survivor).containsEntry("wsrep_cluster_status", "Primary").containsEntry("wsrep_cluster_size", "2");
            Set<Long> rows = Set.copyOf(lab.sql(lab.node(0), "SELECT id FROM lab.acked").lines().map(Long::parseLong)
                    .toList());
            assertThat(rows).containsAll(acknowledged);
        }
    }
}
