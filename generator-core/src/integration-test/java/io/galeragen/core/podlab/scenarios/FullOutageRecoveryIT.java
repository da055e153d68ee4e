package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.podlab.Person;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import io.galeragen.core.podlab.oracle.Members;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import io.galeragen.core.podlab.oracle.Writers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 11's full outages on the basic example's three members, each healing by itself (must show 1, 2, 4) and issue
 * 12 defect 8 (a stopped member records its position). One lab for the class; each scenario starts from a cluster the
 * oracle has seen healthy. The outages that mostly wait (a member back late, cluster DNS down) are in
 * {@link LongOutagesIT}. {@code -Dpodlab.repeat=N} runs each scenario N times (evidence; CI runs each once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullOutageRecoveryIT {

    static final Duration SELF_HEAL_BOUND = Duration.ofMinutes(8);
    static final int REPEAT = Integer.getInteger("podlab.repeat", 1);
    static final int FULL_CRASHES = Integer.getInteger("podlab.fullCrashes", 2);

    private PodLab lab;

    @BeforeAll
    void startLab() {
        lab = Labs.startHealthy(Labs.config(Labs.basicExample()), SELF_HEAL_BOUND);
    }

    @AfterAll
    void closeLab() {
        Labs.close(lab);
    }

    /** Issue 12 defect 8: SIGTERM reaches mariadbd; the pod stops in seconds and grastate.dat has its seqno. */
    @Test
    @Order(1)
    void aDeletedPodStopsPromptlyAndRecordsItsPosition() {
        for (int i = 1; i <= REPEAT; i++) {
            try (ScenarioRun run = ScenarioRun.begin(
                            lab, "delete one pod under writes: prompt stop, position recorded" + runLabel(i));
                    Writers writers = Writers.throughService(lab, "delete" + i, 100_000, Duration.ofMinutes(12))) {
                run.expectHealed(SELF_HEAL_BOUND);
                writers.awaitAcknowledged(200, Duration.ofMinutes(2));
                String before = lab.pod("shop-db-2").uid();
                run.faultNow();
                lab.faults().deletePodAndWait("shop-db-2");
                Duration stop = Duration.between(run.t0(), Instant.now());
                String grastate = grastate("shop-db-2");
                run.note("stopped in " + stop.toSeconds() + " s of a 120 s grace; grastate.dat: "
                        + grastate.lines()
                                .filter(l -> l.startsWith("seqno") || l.startsWith("safe"))
                                .collect(Collectors.joining(", ")));
                assertThat(stop).as("termination of shop-db-2").isLessThan(Duration.ofSeconds(60));
                assertThat(grastate).containsPattern("(?m)^seqno:\\s+[0-9]+$");
                PodLab.await(
                        "shop-db-2 re-created",
                        Duration.ofMinutes(3),
                        () -> lab.findPod("shop-db-2")
                                .map(p -> !p.uid().equals(before))
                                .orElse(false));
                run.expectHealed(SELF_HEAL_BOUND);
                writers.awaitAcknowledged(writers.acknowledgedSoFar() + 50, Duration.ofMinutes(2));
                run.finish(writers.stop());
            }
        }
    }

    /**
     * Must show 1 and 4: kill -9 of every pod, several times in a row on the same pods (container restarts, emptyDirs
     * kept, the kubelet's back-off growing), each after the last healed and took writes: two full crashes in a row with
     * writes between them is crash 2. CI runs 2; {@code -Dpodlab.fullCrashes=5} is issue 11's evidence run.
     */
    @Test
    @Order(4)
    void consecutiveFullCrashesUnderWritesHealByThemselves() {
        for (int i = 1; i <= REPEAT; i++) {
            for (int crash = 1; crash <= FULL_CRASHES; crash++) {
                healsUnderWrites(
                        "kill -9 of every pod under writes, crash " + crash + " of " + FULL_CRASHES + runLabel(i),
                        "crash" + crash,
                        run -> lab.faults().crashAllMembers());
            }
        }
    }

    /** Must show 1: a member whose volume lost gvwstate.dat (every member's node lost at once, then back). */
    @Test
    @Order(2)
    void aMemberWhoseVolumeLostGvwstate() {
        for (int i = 1; i <= REPEAT; i++) {
            healsUnderWrites("every node lost, one volume without gvwstate.dat" + runLabel(i), "gvw" + i, run -> {
                lab.faults().loseAllNodes();
                Path gvwstate = lab.claimDisk("data-shop-db-1").resolve("gvwstate.dat");
                run.note("gvwstate.dat on data-shop-db-1 "
                        + (deleteIfExists(gvwstate) ? "removed" : "absent (pc.recovery off)"));
                lab.faults().allNodesBack();
            });
        }
    }

    /** A fault under writes through the client Service; the cluster must heal by itself with every row. */
    private void healsUnderWrites(String name, String writer, java.util.function.Consumer<ScenarioRun> fault) {
        UnderWrites.healsUnderWrites(lab, SELF_HEAL_BOUND, name, writer, Duration.ofMinutes(20), fault);
    }

    /**
     * Must show 2: a member that never returns. Nobody bootstraps; every reporting pod's log and galera-recover name
     * it and the one command; after that command nothing the reporting members acknowledged is lost. The lab then
     * replaces the lost member as a person would (its node is gone: a new pod on a new volume joins by SST).
     */
    @Test
    @Order(5)
    void aMemberThatNeverReturns() {
        for (int i = 1; i <= REPEAT; i++) {
            String writer = "never" + i;
            try (ScenarioRun run = ScenarioRun.begin(lab, "full outage, shop-db-2 never returns" + runLabel(i))) {
                run.expectHealed(SELF_HEAL_BOUND);
                Set<String> acknowledged;
                try (Writers writers = Writers.throughEveryPod(lab, writer, 100_000, Duration.ofMinutes(15))) {
                    writers.awaitAcknowledged(300, Duration.ofMinutes(2));
                    run.faultNow();
                    lab.faults().loseNode("shop-db-2");
                    lab.faults().crashAllMembers();
                    PodLab.await(
                            "shop-db-0 and shop-db-1 waiting for shop-db-2",
                            Duration.ofMinutes(6),
                            () -> List.of("shop-db-0", "shop-db-1").stream()
                                    .allMatch(pod -> run.oracle()
                                            .recoveryState(pod)
                                            .getOrDefault("decision", "")
                                            .contains("waiting for shop-db-2 (no answer)")));
                    Shell.sleep(Duration.ofSeconds(30));
                    assertThat(List.of("shop-db-0", "shop-db-1"))
                            .as("nobody bootstraps while shop-db-2 is silent")
                            .noneMatch(pod -> run.oracle().members().status(pod).answers());
                    for (String pod : List.of("shop-db-0", "shop-db-1")) {
                        assertThat(lab.log(pod, "mariadb"))
                                .contains("waiting for shop-db-2 (no answer)")
                                .contains("galera-recover -n shop shop-db --apply --bootstrap shop-db-");
                    }
                    Person.Run plan = run.person().galeraRecover();
                    assertThat(plan.exitCode()).isEqualTo(2);
                    assertThat(plan.output())
                            .startsWith("PLAN wait")
                            .contains("missing: shop-db-2")
                            .containsPattern(
                                    "command: galera-recover -n shop shop-db --apply --bootstrap shop-db-[01] --force");
                    String best = plan.output().replaceAll("(?s).*--bootstrap (shop-db-[01]) --force.*", "$1");
                    Instant command = Instant.now();
                    run.personActsNow();
                    Person.Run applied =
                            run.person().galeraRecover("--apply", "--timeout", "300", "--bootstrap", best, "--force");
                    run.note("the person's command: galera-recover --apply --bootstrap " + best + " --force ("
                            + applied.planLine() + ")");
                    assertThat(applied.exitCode()).as(applied.output()).isZero();
                    awaitTwoMembersSynced(run);
                    run.note("2 members Synced "
                            + Duration.between(command, Instant.now()).toSeconds() + " s after the command");
                    acknowledged = writers.stop().stream()
                            .filter(row -> !row.startsWith(writer + "-2 "))
                            .collect(Collectors.toSet());
                }
                for (String pod : List.of("shop-db-0", "shop-db-1")) {
                    String rows = run.oracle()
                            .members()
                            .sql(
                                    pod,
                                    "SET SESSION wsrep_sync_wait = 1; SELECT CONCAT(writer, ' ', seq) FROM lab.acked");
                    Set<String> present = Set.copyOf(rows.lines().toList());
                    assertThat(acknowledged)
                            .as("rows the reporting members acknowledged, on " + pod)
                            .allMatch(present::contains);
                }
                run.note(acknowledged.size() + " rows acknowledged by the reporting members, all on both");
                replaceLostMember("shop-db-2");
                run.expectHealed(SELF_HEAL_BOUND);
                run.finish(Set.of());
            }
        }
    }

    private void awaitTwoMembersSynced(ScenarioRun run) {
        Members members = run.oracle().members();
        PodLab.await(
                "shop-db-0 and shop-db-1 Synced in a component of 2",
                Duration.ofMinutes(8),
                () -> List.of("shop-db-0", "shop-db-1").stream()
                        .map(members::status)
                        .allMatch(s -> s.synced() && s.clusterSize() == 2));
    }

    /**
     * The node is gone for good: the member is replaced on a new volume (scale down removes its pod, the claim gets an
     * empty volume, scale up makes the pod anew); it joins by SST.
     */
    private void replaceLostMember(String pod) {
        lab.scale(2);
        PodLab.await(
                pod + " gone", Duration.ofMinutes(3), () -> lab.findPod(pod).isEmpty());
        lab.faults().replaceVolume("data-" + pod);
        lab.scale(3);
    }

    private String grastate(String pod) {
        try {
            return Files.readString(lab.claimDisk("data-" + pod).resolve("grastate.dat"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean deleteIfExists(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String runLabel(int run) {
        return REPEAT > 1 ? " (run " + run + " of " + REPEAT + ")" : "";
    }
}
