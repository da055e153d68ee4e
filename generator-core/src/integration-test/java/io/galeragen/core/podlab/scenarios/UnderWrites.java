package io.galeragen.core.podlab.scenarios;

import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import io.galeragen.core.podlab.oracle.Writers;
import java.time.Duration;
import java.util.function.Consumer;

/** The shape of most outage scenarios: a fault under writes through the client Service, healing by itself. */
final class UnderWrites {

    private UnderWrites() {}

    /**
     * From a cluster the oracle has seen healthy and 200 acknowledged rows: the fault (times count from its start;
     * the fault may move t0 with {@link ScenarioRun#faultNow()}), healing within the bound, 50 more acknowledged rows,
     * then every acknowledged row on every member.
     *
     * @param writing how long the writer may run at most (the fault and the healing included)
     */
    static void healsUnderWrites(
            PodLab lab, Duration bound, String name, String writer, Duration writing, Consumer<ScenarioRun> fault) {
        try (ScenarioRun run = ScenarioRun.begin(lab, name)) {
            run.expectHealed(bound);
            try (Writers writers = Writers.throughService(lab, writer, 100_000, writing)) {
                writers.awaitAcknowledged(200, Duration.ofMinutes(2));
                run.faultNow();
                fault.accept(run);
                run.expectHealed(bound);
                writers.awaitAcknowledged(writers.acknowledgedSoFar() + 50, Duration.ofMinutes(2));
                run.finish(writers.stop());
            }
        }
    }
}
