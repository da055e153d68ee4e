package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.podlab.Pod;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import io.galeragen.core.podlab.oracle.Members;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import io.galeragen.core.podlab.oracle.Writers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 11 must show 3 and 4: fresh starts of the basic example's three members (Parallel pods, every volume new),
 * each with every pod Ready by itself, and first starts cut short, which never yield a cluster without its SST
 * account. Throughout, a watcher checks that no pod is Ready outside a Primary component. {@code
 * -Dpodlab.freshStarts=N} repeats the plain fresh start N times (issue 11 asks for 20 in a row).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshStartsIT {

    static final Duration FRESH_START_BOUND = Duration.ofMinutes(10);
    static final int FRESH_STARTS = Integer.getInteger("podlab.freshStarts", 1);
    static final List<String> MEMBERS = List.of("shop-db-0", "shop-db-1", "shop-db-2");

    private PodLab lab;

    @BeforeAll
    void startLab() {
        lab = Labs.startHealthy(Labs.config(Labs.basicExample()), FRESH_START_BOUND);
    }

    @AfterAll
    void closeLab() {
        Labs.close(lab);
    }

    @Test
    @Order(1)
    void consecutiveFreshStartsBecomeReadyByThemselves() {
        for (int start = 1; start <= FRESH_STARTS; start++) {
            try (ScenarioRun run = ScenarioRun.begin(
                            lab, "fresh start " + start + " of " + FRESH_STARTS + " (3 members, Parallel)");
                    ReadinessWatcher watcher =
                            new ReadinessWatcher(lab, run.oracle().members())) {
                emptyEveryVolume();
                run.faultNow();
                lab.scale(3);
                run.expectHealed(FRESH_START_BOUND);
                writeAndCheck(run, "fresh" + start);
                assertThat(watcher.violations())
                        .as("Ready outside a Primary component")
                        .isEmpty();
            }
        }
    }

    /** The bootstrapping member's first start is cut short while the entrypoint initialises its volume. */
    @Test
    @Order(2)
    void aFirstStartKilledDuringInitialisationNeverYieldsAClusterWithoutItsSstAccount() {
        cutShort(
                "first start cut short: the container killed during initialisation",
                () -> lab.faults().crashContainer("shop-db-0", "mariadb"));
    }

    /** As an OOM kill would: the entrypoint's temporary server dies, the script goes on and fails. */
    @Test
    @Order(3)
    void aFirstStartWhoseTemporaryServerIsKilledNeverYieldsAClusterWithoutItsSstAccount() {
        cutShort("first start cut short: the temporary server killed (as by the OOM killer)", () -> {
            Shell.Result killed = lab.exec(
                    "shop-db-0",
                    "mariadb",
                    List.of(
                            "bash",
                            "-c",
                            "for p in /proc/[0-9]*; do if tr '\\0' ' ' <$p/cmdline 2>/dev/null | grep -q -- '--wsrep_on=OFF';"
                                    + " then kill -9 ${p#/proc/} && echo killed ${p#/proc/}; fi; done"),
                    Map.of(),
                    Duration.ofSeconds(30));
            assertThat(killed.output()).as("the temporary server was running").contains("killed");
        });
    }

    private void cutShort(String name, Runnable cut) {
        try (ScenarioRun run = ScenarioRun.begin(lab, name);
                ReadinessWatcher watcher =
                        new ReadinessWatcher(lab, run.oracle().members())) {
            emptyEveryVolume();
            run.faultNow();
            lab.scale(3);
            PodLab.await(
                    "shop-db-0's entrypoint initialising its volume with the temporary server",
                    Duration.ofMinutes(6),
                    () -> lab.log("shop-db-0", "mariadb").contains("Temporary server started"));
            cut.run();
            run.note("cut while the entrypoint's temporary server ran");
            run.expectHealed(FRESH_START_BOUND);
            for (String pod : MEMBERS) {
                assertThat(run.oracle().members().sql(pod, "SELECT COUNT(*) FROM mysql.user WHERE User = 'sst'"))
                        .as("the SST account on " + pod)
                        .isEqualToIgnoringWhitespace("1");
            }
            assertThat(lab.log("shop-db-0", "mariadb")).contains("never became durable");
            writeAndCheck(run, "cut" + name.length());
            assertThat(watcher.violations())
                    .as("Ready outside a Primary component")
                    .isEmpty();
        }
    }

    private void writeAndCheck(ScenarioRun run, String writer) {
        try (Writers writers = Writers.throughService(lab, writer, 300, Duration.ofMinutes(3))) {
            writers.awaitAcknowledged(100, Duration.ofMinutes(2));
            run.finish(writers.stop());
        }
    }

    /** Scale to 0, every claim on a new empty volume: the next scale up is a fresh start. */
    private void emptyEveryVolume() {
        lab.scale(0);
        PodLab.await(
                "every pod gone", Duration.ofMinutes(4), () -> lab.members().isEmpty());
        MEMBERS.forEach(pod -> lab.faults().replaceVolume("data-" + pod));
    }

    /** Samples every second: a pod that is Ready must be in a Primary component, ready for writes. */
    static final class ReadinessWatcher implements AutoCloseable {
        private final List<String> violations = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean running = true;

        ReadinessWatcher(PodLab lab, Members members) {
            thread = new Thread(
                    () -> {
                        while (running) {
                            try {
                                sample(lab, members);
                                Shell.sleep(Duration.ofSeconds(1));
                            } catch (RuntimeException e) {
                                // A pod gone between listing and asking, or close() interrupting a query: no evidence.
                            }
                        }
                    },
                    "readiness-watcher");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample(PodLab lab, Members members) {
            for (Pod pod : lab.members()) {
                if (!pod.ready()) {
                    continue;
                }
                Members.Status status = members.status(pod.name());
                if (pod.ready() && !status.acceptsWrites()) {
                    violations.add(java.time.Instant.now() + " " + pod.name() + " Ready with " + status.values());
                }
            }
        }

        List<String> violations() {
            return List.copyOf(violations);
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
