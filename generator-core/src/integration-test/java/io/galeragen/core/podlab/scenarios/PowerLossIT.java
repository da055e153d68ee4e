package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 10 i, issue 11 must show 1 and 5: power loss of every pod at once under writes. Every PVC sits on the
 * unsynced-writes layer (src/integration-test/lab/unsynced-fs), which drops at the cut what a disk would not hold yet:
 * every member loses what it had not fsynced, at the same moment. Also the cut within 30 s after a member finished an
 * SST: what the joiner received must survive. {@code -Dpodlab.powerCuts=N} runs each N times (evidence; CI runs each
 * once).
 *
 * <p>Runs beside the sequential classes, in the second lab ({@link Labs#SECOND_LAB}); its two scenarios share the lab,
 * one after the other ({@code SAME_THREAD}, as in LongOutagesIT).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Labs.SECOND_LAB)
class PowerLossIT {

    static final Duration SELF_HEAL_BOUND = Duration.ofMinutes(8);
    static final int POWER_CUTS = Integer.getInteger("podlab.powerCuts", 1);
    /** When cut n of the SST variant comes, in seconds after the joiner reported Synced: across the 30 s window. */
    private static final List<Integer> SECONDS_AFTER_SST = List.of(2, 15, 28);

    private static final String JOINER = "shop-db-2";

    private PodLab lab;

    @BeforeAll
    void startLab() {
        lab = Labs.startHealthy(
                Labs.config(Labs.SECOND_ID, Labs.basicExample()).withUnsyncedVolumes(true), SELF_HEAL_BOUND);
    }

    @AfterAll
    void closeLab() {
        Labs.close(lab);
    }

    @Test
    @Order(1)
    @Execution(ExecutionMode.SAME_THREAD)
    void i_powerLossOfEveryPodAtOnceUnderWrites() {
        for (int cut = 1; cut <= POWER_CUTS; cut++) {
            powerCutUnderWrites("i. power loss of every pod at once under writes" + label(cut), "i" + cut, run -> {});
        }
    }

    /**
     * A member empties its volume and rejoins by SST; the power goes out within 30 s after it reported Synced. What it
     * received must survive: start.sh syncs the datadir before the member may be Ready, and a volume whose SST never
     * became durable is emptied and joins again.
     */
    @Test
    @Order(2)
    @Execution(ExecutionMode.SAME_THREAD)
    void i_powerLossWithinThirtySecondsAfterAnSst() {
        for (int cut = 1; cut <= POWER_CUTS; cut++) {
            int delay = SECONDS_AFTER_SST.get((cut - 1) % SECONDS_AFTER_SST.size());
            powerCutUnderWrites(
                    "i. power loss of every pod " + delay + " s after a member finished its SST" + label(cut),
                    "isst" + cut,
                    run -> rejoinBySstThenWait(run, Duration.ofSeconds(delay)));
        }
    }

    /** The joiner's pod deleted and its volume replaced by an empty one: the new pod joins by SST. */
    private void rejoinBySstThenWait(ScenarioRun run, Duration afterSynced) {
        lab.controllersPaused(true);
        lab.faults().deletePodAndWait(JOINER);
        lab.faults().replaceVolume("data-" + JOINER);
        lab.controllersPaused(false);
        PodLab.await(
                JOINER + " Synced after its SST",
                Duration.ofMinutes(8),
                () -> run.oracle().members().status(JOINER).synced());
        Instant synced = Instant.now();
        assertThat(lab.log(JOINER, "mariadb"))
                .as("the joiner received a full state transfer")
                .contains("SST");
        Duration rest = afterSynced.minus(Duration.between(synced, Instant.now()));
        if (!rest.isNegative()) {
            Shell.sleep(rest);
        }
        boolean ready = lab.pod(JOINER).ready();
        boolean notDurable = Files.exists(lab.claimDisk("data-" + JOINER).resolve("galera-not-durable.log"));
        run.note("cut " + Duration.between(synced, Instant.now()).toSeconds() + " s after " + JOINER
                + " reported Synced after its SST (Ready: " + ready + "; galera-not-durable.log "
                + (notDurable ? "present" : "gone") + ")");
        run.faultNow();
    }

    /** From a healthy cluster under writes: {@code beforeCut}, every member's power cut, every node back 5 s later. */
    private void powerCutUnderWrites(String name, String writer, Consumer<ScenarioRun> beforeCut) {
        UnderWrites.healsUnderWrites(lab, SELF_HEAL_BOUND, name, writer, Duration.ofMinutes(25), run -> {
            beforeCut.accept(run);
            List<String> layers = lab.faults().powerLossOfEveryMember();
            run.note("at the cut: " + String.join("; ", layers));
            Shell.sleep(Duration.ofSeconds(5));
            lab.faults().allNodesBack();
        });
    }

    private static String label(int cut) {
        return POWER_CUTS > 1 ? " (cut " + cut + " of " + POWER_CUTS + ")" : "";
    }
}
