package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import io.galeragen.core.podlab.oracle.Members;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Issue 10 j, issue 11 must show 1: after a full outage (every member's node lost at once under writes) two nodes
 * come back at once and the third only 7 minutes later (a slow reboot; an RBD volume stuck on Multi-Attach). While
 * it is silent nobody bootstraps and both waiting pods name it; once it is back the cluster heals by itself.
 * {@code -Dpodlab.lateReturns=N} runs it N times (evidence; CI runs it once).
 *
 * <p>Mostly waiting by design, so it runs beside the other lab classes, in a lab of its own ({@link Labs#SECOND_ID}):
 * failsafe enables JUnit's parallel execution, and every class not marked concurrent runs on one thread, one after
 * another, as before.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
class LateMemberIT {

    static final Duration SELF_HEAL_BOUND = Duration.ofMinutes(8);
    static final Duration LATE = Duration.ofMinutes(7);
    static final int LATE_RETURNS = Integer.getInteger("podlab.lateReturns", 1);

    private static final String LATE_MEMBER = "shop-db-2";
    private static final List<String> BACK_FIRST = List.of("shop-db-0", "shop-db-1");

    private PodLab lab;

    @BeforeAll
    void startLab() {
        lab = Labs.startHealthy(Labs.config(Labs.SECOND_ID, Labs.basicExample()), SELF_HEAL_BOUND);
    }

    @AfterAll
    void closeLab() {
        Labs.close(lab);
    }

    @Test
    void j_oneMemberBackSevenMinutesAfterTheOthers() {
        for (int i = 1; i <= LATE_RETURNS; i++) {
            String label = LATE_RETURNS > 1 ? " (run " + i + " of " + LATE_RETURNS + ")" : "";
            UnderWrites.healsUnderWrites(
                    lab,
                    SELF_HEAL_BOUND,
                    "j. full outage, " + LATE_MEMBER + " back 7 minutes after the others" + label,
                    "j" + i,
                    Duration.ofMinutes(25),
                    this::lateReturn);
        }
    }

    /** Every node lost; two back at once; the third after {@link #LATE}, during which nobody may become Primary. */
    private void lateReturn(ScenarioRun run) {
        lab.faults().loseAllNodes();
        Map<String, Integer> logBefore = new HashMap<>();
        BACK_FIRST.forEach(pod -> logBefore.put(pod, lab.log(pod, "init").length()));
        BACK_FIRST.forEach(lab.faults()::nodeBack);
        Instant back = Instant.now();
        Members members = run.oracle().members();
        while (Duration.between(back, Instant.now()).compareTo(LATE) < 0) {
            assertThat(BACK_FIRST)
                    .as("nobody becomes Primary while " + LATE_MEMBER + " is silent")
                    .noneMatch(pod -> members.status(pod).primary());
            Shell.sleep(Duration.ofSeconds(10));
        }
        for (String pod : BACK_FIRST) {
            assertThat(run.oracle().recoveryState(pod).getOrDefault("decision", ""))
                    .as(pod + "'s decision after 7 minutes")
                    .contains("waiting for " + LATE_MEMBER + " (no answer)");
            assertThat(lab.log(pod, "init").substring(logBefore.get(pod)))
                    .as(pod + "'s init container log since its node came back names the member it waits for")
                    .contains("waiting for " + LATE_MEMBER + " (no answer)");
        }
        lab.faults().nodeBack(LATE_MEMBER);
        run.faultNow();
        run.note(LATE_MEMBER + " back " + Duration.between(back, Instant.now()).toSeconds()
                + " s after the others; meanwhile nobody Primary and both named it; times from its return");
    }
}
