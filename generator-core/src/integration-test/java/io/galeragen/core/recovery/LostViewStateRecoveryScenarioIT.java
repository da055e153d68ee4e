package io.galeragen.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * d. and e. galera-1 is killed first and falls behind; then galera-0 and galera-2 are killed under
 * writes and galera-0 loses its gvwstate.dat. Nothing proves which pod may bootstrap, so every pod
 * ends up waiting for a person. A bootstrap of the pod that is behind is refused, by the helper and
 * by init.sh; the helper's own plan picks the highest seqno and recovers every acknowledged row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LostViewStateRecoveryScenarioIT {

    private GaleraLab lab;
    private final Set<Long> acknowledged = new HashSet<>();

    @BeforeAll
    void crashEveryNodeAndLoseOneViewState() throws IOException {
        lab = new GaleraLab("d-e-lost-view-state");
        lab.startFreshCluster();
        AckedWriter writer = AckedWriter.start(lab.node(0));
        GaleraLab.await("writes before the first crash", Duration.ofSeconds(30), () -> writer.acknowledgedSoFar() >= 200);
        lab.pod(1).kill();
        int atFirstCrash = writer.acknowledgedSoFar();
        GaleraLab.await("writes that galera-1 misses", Duration.ofSeconds(30),
                () -> writer.acknowledgedSoFar() >= atFirstCrash + 300);
        lab.killAllPods();
        acknowledged.addAll(writer.stop());
        Files.delete(lab.node(0).gvwstate());

        lab.startAllPods();
    }

    @AfterAll
    void tearDown() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void everyPodWaitsForAPersonAndSaysWhatToRun() {
        GaleraLab.await("every pod waiting for a person (pc.recovery attempts given up)", Duration.ofSeconds(150),
                () -> lab.nodes().stream().allMatch(lab::waitsForAPerson));
        for (LabNode node : lab.nodes()) {
            assertThat(lab.wsrepStatus(node)).as("no server answers on %s", node.podName()).isEmpty();
        }
        String log = GaleraLab.read(lab.node(0).podLog());
        String seqno = lab.recoveryState(lab.node(0)).get("seqno");
        assertThat(log)
                .contains("----- WAITING FOR A READY PEER OR A PERSON -----")
                .containsPattern("this pod: uuid=[0-9a-f-]{36} seqno=" + seqno + " safe_to_bootstrap=0 gvwstate=0")
                .contains("kubectl -n default exec galera-0 -c init -- touch /tmp/confirm-new-cluster")
                .contains("galera-recover -n default galera");
        assertThat(GaleraLab.read(lab.node(2).podLog()))
                .contains("decision: pc-recovery: gvwstate.dat present")
                .contains("pc.recovery reached no primary component");
    }

    @Test
    @Order(2)
    void bootstrapOfThePodThatIsBehindIsRefused() {
        GaleraLab.HelperRun refused = lab.galeraRecover("-n", "default", "--apply", "--bootstrap", "galera-1", "galera");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.planLine()).isEqualTo("PLAN refuse");
        assertThat(refused.output()).contains("galera-1 is behind: seqno");

        // A person forces it by hand on the pod itself: init.sh knows the positions the helper
        // published and refuses too, consuming the marker.
        lab.touchMarker(lab.node(1), "confirm-force-bootstrap", "");
        GaleraLab.await("galera-1 consumed the marker", Duration.ofSeconds(30),
                () -> !Files.exists(lab.node(1).markerDir().resolve("confirm-force-bootstrap")));
        GaleraLab.sleep(Duration.ofSeconds(1));
        assertThat(GaleraLab.read(lab.node(1).podLog()))
                .contains("REFUSED bootstrap: peers known to be ahead of this pod");
        assertThat(lab.waitsForAPerson(lab.node(1))).isTrue();
        assertThat(lab.nodes()).allSatisfy(node -> assertThat(lab.wsrepStatus(node)).isEmpty());
    }

    @Test
    @Order(3)
    void helperPlanBootstrapsTheHighestSeqnoAndNoAcknowledgedRowIsLost() {
        LabNode highest = lab.nodes().stream()
                .max(Comparator.comparingLong((LabNode n) -> Long.parseLong(lab.recoveryState(n).get("seqno")))
                        .thenComparing(n -> -n.ordinal()))
                .orElseThrow();
        assertThat(highest.ordinal()).isNotEqualTo(1);

        GaleraLab.HelperRun plan = lab.galeraRecover("-n", "default", "galera");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.planLine()).isEqualTo("PLAN bootstrap " + highest.podName() + " confirm-new-cluster");

        GaleraLab.HelperRun applied = lab.galeraRecover("-n", "default", "--apply", "--timeout", "120", "galera");
        assertThat(applied.exitCode()).as(applied.output()).isZero();
        assertThat(applied.output()).contains("ready: " + highest.podName() + " is Primary");

        lab.awaitClusterOfAll(Duration.ofSeconds(120));
        assertThat(GaleraLab.read(highest.podLog()))
                .contains("decision: bootstrap: person confirmed with /tmp/confirm-new-cluster");
        assertThat(GaleraLab.read(lab.node(1).errorLog())).contains("rsync IST completed on joiner");
        ClusterData.read(lab).assertNoAcknowledgedRowLost("d-e-lost-view-state", acknowledged);
    }
}
