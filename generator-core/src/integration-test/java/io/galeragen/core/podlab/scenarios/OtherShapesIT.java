package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.oracle.Oracle;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import io.galeragen.core.podlab.oracle.Writers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 10 a, the shapes other than three members (ThreeMembersIT) and two members with the arbitrator
 * (ArbitratorOutageIT): a fresh start of one member (a standalone server, no wsrep) and of five, each from empty
 * volumes to every member Ready by itself, then 200 rows written through the client Service and found on every member.
 *
 * <p>Runs beside the sequential classes, in the second lab ({@link Labs#SECOND_LAB}: one class at a time there).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Labs.SECOND_LAB)
class OtherShapesIT {

    /**
     * A fresh start's bound: five members start at once (Parallel) on two cores, four SSTs one after another (a donor
     * serves one at a time), beside the other lab; three members beside another lab's fresh start (ThreeMembersIT).
     */
    static final Duration FRESH_START_BOUND = Duration.ofMinutes(8);

    @Test
    void a_freshStartOfOneMember() {
        freshStart(1);
    }

    @Test
    void a_freshStartOfFiveMembers() {
        freshStart(5);
    }

    private static void freshStart(int replicas) {
        Labs.assumeLabCanRun();
        Instant started = Instant.now();
        try (PodLab lab = Labs.start(Labs.config(Labs.SECOND_ID, Labs.basicExample("replicas: " + replicas + "\n")))) {
            healsFromFreshVolumesAndTakesWrites(
                    lab, "a. fresh start, " + replicas + " member" + (replicas > 1 ? "s" : ""), started);
            assertThat(lab.members()).hasSize(replicas).allMatch(pod -> pod.ready());
        }
    }

    /**
     * Scenario a on a lab started at {@code started} from empty volumes: every member Synced by itself within the
     * fresh-start bound, then 200 rows written through the client Service and found on every member.
     */
    static void healsFromFreshVolumesAndTakesWrites(PodLab lab, String name, Instant started) {
        try (ScenarioRun run = ScenarioRun.begin(lab, name)) {
            run.faultNowAt(started);
            run.expectHealed(FRESH_START_BOUND);
            try (Writers writers = Writers.throughService(lab, "a" + lab.replicas(), 2_000, Duration.ofMinutes(2))) {
                writers.awaitAcknowledged(200, Duration.ofMinutes(2));
                Oracle.Data data = run.finish(writers.stop());
                assertThat(data.presentOnEveryMember())
                        .isEqualTo(data.acknowledged())
                        .isGreaterThanOrEqualTo(200);
            }
        }
    }
}
