package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.podlab.Pod;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.oracle.Oracle;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import io.galeragen.core.podlab.oracle.Writers;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The basic example's three members in the pod lab, one cluster for the whole class (a fresh start is the costliest
 * step on two cores): each scenario starts from a cluster the oracle has just seen healthy, breaks it, and asserts
 * its own oracle. Scenario letters follow issue 10.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeMembersIT {

    /** Healing by itself, after a fault, within this bound; a person is called after it. */
    static final Duration SELF_HEAL_BOUND = Duration.ofMinutes(5);

    private PodLab lab;
    private Instant labStarted;

    @BeforeAll
    void startLab() {
        Labs.assumeLabCanRun();
        lab = Labs.start(Labs.basicExample());
        labStarted = Instant.now();
    }

    @AfterAll
    void closeLab() {
        Labs.close(lab);
    }

    @Test
    @Order(1)
    void a_freshStartOfThreeMembers() {
        try (ScenarioRun run = ScenarioRun.begin(lab, "a. fresh start, 3 members")) {
            run.faultNowAt(labStarted);
            run.expectHealed(SELF_HEAL_BOUND);
            try (Writers writers = Writers.throughService(lab, "a3", 2_000, Duration.ofMinutes(2))) {
                writers.awaitAcknowledged(200, Duration.ofMinutes(2));
                Oracle.Data data = run.finish(writers.stop());
                assertThat(data.presentOnEveryMember())
                        .isEqualTo(data.acknowledged())
                        .isGreaterThanOrEqualTo(200);
            }
        }
    }

    /**
     * Issue 10, must show 1: the pods ran the rendered files byte for byte. Read from the kernel: PID 1 of each mariadb
     * and exporter container has exactly the manifest's argv and environment (fieldRefs and Secret keys resolved, plus
     * what the image and the runtime add), mariadbd below start.sh inherited it (less what the image's entrypoint
     * rewrites), and every ConfigMap and
     * Secret file the containers see equals the rendered data (Secret modes as defaultMode and fsGroup give them).
     */
    @Test
    @Order(2)
    void thePodsRanTheRenderedFilesByteForByte() {
        assertThat(new RenderedPodProof(lab).everyMemberRanTheRenderedFiles())
                .contains(
                        "/etc/galera/init.sh",
                        "/etc/galera/start.sh",
                        "/etc/galera/galera.cnf",
                        "/etc/galera/recovery-plan.sh",
                        "/etc/galera/member-state.sh");
    }

    @Test
    @Order(3)
    void b_deleteOnePodUnderWritesRejoinsByIst() {
        try (ScenarioRun run = ScenarioRun.begin(lab, "b. delete one pod under writes")) {
            run.expectHealed(SELF_HEAL_BOUND);
            try (Writers writers = Writers.throughService(lab, "b", 100_000, Duration.ofMinutes(4))) {
                writers.awaitAcknowledged(200, Duration.ofMinutes(1));
                String before = lab.pod("shop-db-1").uid();
                run.faultNow();
                lab.faults().deletePod("shop-db-1");
                PodLab.await(
                        "shop-db-1 re-created",
                        Duration.ofMinutes(3),
                        () -> lab.findPod("shop-db-1")
                                .map(p -> !p.uid().equals(before))
                                .orElse(false));
                run.expectHealed(SELF_HEAL_BOUND);
                int acknowledged = writers.acknowledgedSoFar();
                writers.awaitAcknowledged(acknowledged + 100, Duration.ofMinutes(1));
                Set<String> rows = writers.stop();
                run.finish(rows);
            }
            assertThat(lab.log("shop-db-1", "mariadb")).contains("IST received");
        }
    }

    @Test
    @Order(4)
    void c_killEveryPodAtOnceUnderWrites() {
        faultUnderWrites("c. kill -9 every pod at once under writes", "c", Duration.ofMinutes(6), run -> {
            run.faultNow();
            lab.faults().crashAllMembers();
        });
    }

    @Test
    @Order(5)
    void d_scaleToZeroThenBackToThree() {
        fullStop("d. scale to 0 (all terminated at once), then to 3", "d", () -> {});
    }

    /** The pods the class's scenarios ran. */
    Set<String> podNames() {
        return Set.copyOf(lab.members().stream().map(Pod::name).toList());
    }

    /**
     * Issue 10 k, issue 11 must show 1: pod 0's volume replaced by an empty one during a full outage. The members with
     * data decide; pod 0 joins them by SST; nobody bootstraps the empty volume (before issue 11 it did, and the others
     * were overwritten by SST: every row lost).
     */
    @Test
    @Order(6)
    void k_podZerosVolumeReplacedByAnEmptyOneDuringAFullOutage() {
        fullStop(
                "k. pod 0's PVC replaced by an empty one during a full outage",
                "k",
                () -> lab.faults().replaceVolume("data-shop-db-0"));
        assertThat(lab.log("shop-db-0", "init")).doesNotContain("decision: bootstrap");
    }

    /**
     * Issue 10 f, issue 11 must show 1: every pod killed while a joiner is in the middle of its SST. The joiner's
     * volume holds nothing durable; the others decide without waiting for data it never had, and it joins by SST.
     */
    @Test
    @Order(7)
    void f_killEveryPodWhileAJoinerIsInTheMiddleOfAnSst() {
        faultUnderWrites("f. kill every pod while a joiner is in an SST", "f", Duration.ofMinutes(12), run -> {
            // shop-db-2 loses its volume: its new pod joins by a full state transfer.
            lab.controllersPaused(true);
            lab.faults().deletePodAndWait("shop-db-2");
            lab.faults().replaceVolume("data-shop-db-2");
            lab.controllersPaused(false);
            PodLab.await(
                    "shop-db-2 in the middle of its SST",
                    Duration.ofMinutes(4),
                    () -> Files.exists(lab.claimDisk("data-shop-db-2").resolve("sst_in_progress")));
            run.note("killed while shop-db-2 received its SST (sst_in_progress present)");
            run.faultNow();
            lab.faults().crashAllMembers();
        });
    }

    /** From a healthy cluster taking writes through the client Service: the fault, healing, 100 more writes. */
    private void faultUnderWrites(String name, String writer, Duration writing, Consumer<ScenarioRun> fault) {
        try (ScenarioRun run = ScenarioRun.begin(lab, name)) {
            run.expectHealed(SELF_HEAL_BOUND);
            try (Writers writers = Writers.throughService(lab, writer, 100_000, writing)) {
                writers.awaitAcknowledged(300, Duration.ofMinutes(1));
                fault.accept(run);
                run.expectHealed(SELF_HEAL_BOUND);
                int acknowledged = writers.acknowledgedSoFar();
                writers.awaitAcknowledged(acknowledged + 100, Duration.ofMinutes(2));
                run.finish(writers.stop());
            }
        }
    }

    /** 300 rows written, every pod terminated at once (scale to 0), {@code whileStopped}, then scaled back to 3. */
    private void fullStop(String name, String writer, Runnable whileStopped) {
        try (ScenarioRun run = ScenarioRun.begin(lab, name)) {
            run.expectHealed(SELF_HEAL_BOUND);
            Set<String> rows;
            try (Writers writers = Writers.throughService(lab, writer, 100_000, Duration.ofMinutes(2))) {
                writers.awaitAcknowledged(300, Duration.ofMinutes(1));
                rows = writers.stop();
            }
            lab.scale(0);
            PodLab.await(
                    "every pod gone", Duration.ofMinutes(3), () -> lab.members().isEmpty());
            whileStopped.run();
            run.faultNow();
            lab.scale(3);
            run.expectHealed(SELF_HEAL_BOUND);
            run.finish(rows);
        }
    }
}
