package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.podlab.Faults;
import io.galeragen.core.podlab.Pod;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import io.galeragen.core.podlab.oracle.Writers;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
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

    static final int GALERA_PORT = 4567;

    /** Scenario e's partition. */
    static final Duration PARTITION = Duration.ofSeconds(30);

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
        OtherShapesIT.healsFromFreshVolumesAndTakesWrites(lab, "a. fresh start, 3 members", labStarted);
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
            try (Writers writers = healthyAndWriting(
                    run, () -> Writers.throughService(lab, "b", 100_000, Duration.ofMinutes(4)), 200)) {
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
                moreRowsThenChecked(run, writers, Duration.ofMinutes(1));
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
    @Order(9)
    void d_scaleToZeroThenBackToThree() {
        fullStop("d. scale to 0 (all terminated at once), then to 3", "d", () -> {});
    }

    /**
     * Issue 10 e: shop-db-2 cut off from its peers for 30 s while a writer writes through each pod's own name. The
     * cut-off member acknowledges nothing (it leaves the Primary component), the majority keeps writing, and the
     * member rejoins by itself once the partition heals.
     */
    @Test
    @Order(5)
    void e_oneMemberPartitionedThirtySecondsUnderWritesThroughEveryPod() {
        try (ScenarioRun run = ScenarioRun.begin(lab, "e. shop-db-2 partitioned 30 s, writes through every pod")) {
            try (Writers writers = healthyAndWriting(
                    run, () -> Writers.throughEveryPod(lab, "e", 100_000, Duration.ofMinutes(6)), 300)) {
                Instant cutAt = Instant.now();
                Faults.Partition partition = lab.faults().isolate(List.of("shop-db-2"));
                PodLab.await(
                        "shop-db-2 not Ready while cut off",
                        Duration.ofSeconds(30),
                        () -> !lab.pod("shop-db-2").ready());
                int majorityBefore = writers.acknowledgedSoFar();
                Shell.sleep(PARTITION.minus(Duration.between(cutAt, Instant.now())));
                Instant healedAt = Instant.now();
                partition.heal();
                run.faultNow();
                int duringCut = writers.acknowledgedSoFar() - majorityBefore;
                run.expectHealed(SELF_HEAL_BOUND);
                // An INSERT that had replicated before the cut may still be acknowledged just after it.
                Set<String> minority = writers.acknowledgedBy("e-2", cutAt.plusSeconds(1), healedAt);
                run.note("the cut-off member acknowledged " + minority.size() + " rows while cut off, the majority "
                        + duringCut + " (from shop-db-2 not Ready to the heal); times from the heal");
                moreRowsThenChecked(run, writers, Duration.ofMinutes(1));
                assertThat(minority)
                        .as("rows shop-db-2 acknowledged while cut off")
                        .isEmpty();
                assertThat(duringCut)
                        .as("rows the majority acknowledged while shop-db-2 was cut off")
                        .isPositive();
            }
        }
    }

    /**
     * Latency between pods: every packet shop-db-2 sends to the other pods held 100 ms for 30 s under writes through
     * the client Service (each commit waits for the slowest member's acknowledgement); nothing breaks, nothing lost.
     */
    @Test
    @Order(6)
    void latencyBetweenPodsUnderWrites() {
        try (ScenarioRun run =
                ScenarioRun.begin(lab, "latency: shop-db-2's packets to its peers held 100 ms for 30 s")) {
            try (Writers writers = healthyAndWriting(
                    run, () -> Writers.throughService(lab, "lat", 100_000, Duration.ofMinutes(4)), 200)) {
                String peer = lab.pod("shop-db-0").ip();
                Duration before = lab.tcpHandshake("shop-db-2", peer, GALERA_PORT);
                Faults.Latency latency = lab.faults().latency(List.of("shop-db-2"), Duration.ofMillis(100));
                Duration during;
                int duringLatency;
                try {
                    during = lab.tcpHandshake("shop-db-2", peer, GALERA_PORT);
                    int acknowledged = writers.acknowledgedSoFar();
                    Shell.sleep(Duration.ofSeconds(30));
                    duringLatency = writers.acknowledgedSoFar() - acknowledged;
                } finally {
                    latency.remove();
                }
                run.faultNow();
                run.note("TCP handshake shop-db-2 -> shop-db-0:4567 " + before.toMillis() + " ms before, "
                        + during.toMillis() + " ms with the latency; " + duringLatency
                        + " rows acknowledged in its 30 s; times from its removal");
                run.expectHealed(SELF_HEAL_BOUND);
                moreRowsThenChecked(run, writers, Duration.ofMinutes(1));
                assertThat(during)
                        .as("a TCP handshake from shop-db-2 waits for the latency")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
                assertThat(before).as("a TCP handshake without it").isLessThan(Duration.ofMillis(100));
                assertThat(duringLatency)
                        .as("rows acknowledged during the latency")
                        .isPositive();
            }
        }
    }

    /**
     * Issue 10 g: a values change that changes the config hash (galera.extraCnf) rolls out in the StatefulSet's
     * RollingUpdate order, highest ordinal first, each pod replaced once the one before is Ready; writes continue.
     */
    @Test
    @Order(7)
    void g_rollingChangeReplacesPodsOneAtATimeWhileWritesContinue() {
        try (ScenarioRun run = ScenarioRun.begin(lab, "g. rolling change of the config hash under writes")) {
            String hashBefore;
            try (Writers writers = healthyAndWriting(
                    run, () -> Writers.throughService(lab, "g", 100_000, Duration.ofMinutes(12)), 200)) {
                Map<String, String> uids = new HashMap<>();
                lab.members().forEach(pod -> uids.put(pod.name(), pod.uid()));
                hashBefore = configHash();
                run.faultNow();
                lab.applyValues(Labs.basicExample("galera:\n  extraCnf:\n    - max_connections=300\n"));
                List<String> replaced = new ArrayList<>();
                List<Integer> acknowledgedAtEach = new ArrayList<>();
                PodLab.await("every pod replaced", Duration.ofMinutes(10), () -> {
                    for (Pod pod : lab.members()) {
                        if (!pod.uid().equals(uids.get(pod.name())) && !replaced.contains(pod.name())) {
                            replaced.add(pod.name());
                            acknowledgedAtEach.add(writers.acknowledgedSoFar());
                            assertThat(lab.members())
                                    .as("when %s was replaced, the pods replaced before it were Ready", pod.name())
                                    .filteredOn(p -> replaced.contains(p.name())
                                            && !p.name().equals(pod.name()))
                                    .allMatch(Pod::ready);
                        }
                    }
                    return replaced.size() == 3;
                });
                run.expectHealed(SELF_HEAL_BOUND);
                Duration rollout = Duration.between(run.t0(), Instant.now());
                run.note("rolled out in " + rollout.toSeconds() + " s (every member Synced), the cluster Primary"
                        + " throughout; config hash " + hashBefore + " -> " + configHash() + "; replaced " + replaced
                        + ", rows acknowledged at each replacement " + acknowledgedAtEach);
                moreRowsThenChecked(run, writers, Duration.ofMinutes(1));
                assertThat(replaced).as("RollingUpdate order").containsExactly("shop-db-2", "shop-db-1", "shop-db-0");
                assertThat(acknowledgedAtEach)
                        .as("writes continued through the rollout")
                        .isSorted()
                        .doesNotHaveDuplicates();
            }
            assertThat(configHash()).isNotEqualTo(hashBefore);
            for (Pod pod : lab.members()) {
                assertThat(run.oracle().members().sql(pod.name(), "SELECT @@max_connections"))
                        .as("max_connections on " + pod.name())
                        .isEqualToIgnoringWhitespace("300");
            }
        }
    }

    /** The rendered pod template's config hash annotation. */
    private String configHash() {
        return lab.members().get(0).annotations().entrySet().stream()
                .filter(entry -> entry.getKey().endsWith("config-hash"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no config-hash annotation on " + lab.members().get(0)));
    }

    /** Issue 10 h: scale 3 -> 5 under writes (two joiners by SST), then back to 3 (the two leave cleanly). */
    @Test
    @Order(8)
    void h_scaleThreeToFiveToThreeUnderWrites() {
        try (ScenarioRun run = ScenarioRun.begin(lab, "h. scale 3 -> 5 -> 3 under writes")) {
            try (Writers writers = healthyAndWriting(
                    run, () -> Writers.throughService(lab, "h", 100_000, Duration.ofMinutes(15)), 200)) {
                run.faultNow();
                lab.scale(5);
                run.expectHealed(SELF_HEAL_BOUND);
                int atFive = writers.acknowledgedSoFar();
                Duration toFive = Duration.between(run.t0(), Instant.now());
                lab.scale(3);
                PodLab.await(
                        "shop-db-3 and shop-db-4 gone",
                        Duration.ofMinutes(4),
                        () -> lab.members().size() == 3);
                run.expectHealed(SELF_HEAL_BOUND);
                run.note("5 members Synced " + toFive.toSeconds() + " s after the scale-up, " + atFive
                        + " rows acknowledged then; times to Primary and all Synced are for the way back to 3");
                moreRowsThenChecked(run, writers, Duration.ofMinutes(1));
            }
        }
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
    @Order(10)
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
    @Order(11)
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
            try (Writers writers =
                    healthyAndWriting(run, () -> Writers.throughService(lab, writer, 100_000, writing), 300)) {
                fault.accept(run);
                run.expectHealed(SELF_HEAL_BOUND);
                moreRowsThenChecked(run, writers, Duration.ofMinutes(2));
            }
        }
    }

    /**
     * Once the oracle has seen the cluster healthy (each scenario starts from there): the writers started and
     * {@code rows} of theirs acknowledged.
     */
    private static Writers healthyAndWriting(ScenarioRun run, Supplier<Writers> start, int rows) {
        run.expectHealed(SELF_HEAL_BOUND);
        Writers writers = start.get();
        try {
            writers.awaitAcknowledged(rows, Duration.ofMinutes(1));
        } catch (RuntimeException | Error e) {
            writers.close();
            throw e;
        }
        return writers;
    }

    /** After the cluster healed: 100 more rows acknowledged within the time given, then every row on every member. */
    private static void moreRowsThenChecked(ScenarioRun run, Writers writers, Duration within) {
        writers.awaitAcknowledged(writers.acknowledgedSoFar() + 100, within);
        run.finish(writers.stop());
    }

    /** 300 rows written, every pod terminated at once (scale to 0), {@code whileStopped}, then scaled back to 3. */
    private void fullStop(String name, String writer, Runnable whileStopped) {
        try (ScenarioRun run = ScenarioRun.begin(lab, name)) {
            Set<String> rows;
            try (Writers writers = healthyAndWriting(
                    run, () -> Writers.throughService(lab, writer, 100_000, Duration.ofMinutes(2)), 300)) {
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
