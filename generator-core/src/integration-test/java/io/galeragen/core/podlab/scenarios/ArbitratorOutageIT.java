package io.galeragen.core.podlab.scenarios;

import io.galeragen.core.podlab.Pod;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import io.galeragen.core.podlab.oracle.Writers;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 11 must show 1: two members and the arbitrator; every member crashes and the arbitrator is rescheduled (a new
 * pod, a new emptyDir) during the outage. The arbitrator holds no data: the members decide without it, and the new
 * garbd joins their component. {@code -Dpodlab.repeat=N} runs it N times.
 *
 * <p>Runs beside the sequential classes, in the second lab ({@link Labs#SECOND_LAB}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Labs.SECOND_LAB)
class ArbitratorOutageIT {

    private PodLab lab;

    @BeforeAll
    void startLab() {
        Labs.assumeLabCanRun();
        lab = Labs.start(Labs.config(Labs.SECOND_ID, Labs.basicExample("replicas: 2\narbitrator:\n  enabled: true\n")));
        try (ScenarioRun run = ScenarioRun.begin(lab, "fresh start, 2 members + arbitrator (before the outage)")) {
            run.expectHealed(FullOutageRecoveryIT.SELF_HEAL_BOUND);
        }
    }

    @AfterAll
    void closeLab() {
        Labs.close(lab);
    }

    @Test
    void theArbitratorRescheduledDuringAFullOutage() {
        for (int i = 1; i <= FullOutageRecoveryIT.REPEAT; i++) {
            try (ScenarioRun run = ScenarioRun.begin(
                    lab,
                    "2 members + arbitrator: full crash, arbitrator rescheduled" + FullOutageRecoveryIT.runLabel(i))) {
                run.expectHealed(FullOutageRecoveryIT.SELF_HEAL_BOUND);
                try (Writers writers = Writers.throughService(lab, "arb" + i, 100_000, Duration.ofMinutes(12))) {
                    writers.awaitAcknowledged(200, Duration.ofMinutes(2));
                    Pod arbitrator = arbitrator();
                    run.faultNow();
                    lab.faults().crashAllMembers();
                    lab.faults().deletePod(arbitrator.name());
                    PodLab.await(
                            "a new arbitrator pod",
                            Duration.ofMinutes(3),
                            () -> lab.pods().stream()
                                    .anyMatch(p -> isArbitrator(p) && !p.uid().equals(arbitrator.uid())));
                    run.expectHealed(FullOutageRecoveryIT.SELF_HEAL_BOUND);
                    writers.awaitAcknowledged(writers.acknowledgedSoFar() + 50, Duration.ofMinutes(2));
                    run.finish(writers.stop());
                }
            }
        }
    }

    private Pod arbitrator() {
        return lab.pods().stream()
                .filter(ArbitratorOutageIT::isArbitrator)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no arbitrator pod"));
    }

    private static boolean isArbitrator(Pod pod) {
        return pod.owner().startsWith("Deployment/") && !pod.gone();
    }
}
