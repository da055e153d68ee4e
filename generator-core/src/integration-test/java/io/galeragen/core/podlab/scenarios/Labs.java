package io.galeragen.core.podlab.scenarios;

import static org.junit.jupiter.api.Assertions.fail;

import io.galeragen.core.podlab.LabConfig;
import io.galeragen.core.podlab.LabEnvironment;
import io.galeragen.core.podlab.LabId;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import io.galeragen.core.values.ValuesSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Starting labs for the scenario tests: the example's values plus the oracle's account, skipped where the lab cannot run. */
final class Labs {

    /** The lab id the tests use; another id (-Dpodlab.id) lets a second lab run beside them. */
    static final String ID = System.getProperty("podlab.id", "podlab");

    /**
     * The lab id of a class that runs beside the others (LongOutagesIT, mostly waiting by design):
     * {@code -Dpodlab.secondId}, else the lab id with a "2".
     */
    static final String SECOND_ID =
            System.getProperty("podlab.secondId", ID.substring(0, Math.min(ID.length(), 7)) + "2");

    /**
     * The JUnit resource lock of the second lab: classes that run beside the sequential ones ({@code
     * @Execution(CONCURRENT)}) hold it, so they use {@link #SECOND_ID} one after another.
     */
    static final String SECOND_LAB = "podlab-second-lab";

    private Labs() {}

    /** Skips (one line saying what is missing) outside CI; fails with CI=true. */
    static void assumeLabCanRun() {
        List<String> missing = LabEnvironment.missing();
        if (missing.isEmpty()) {
            return;
        }
        String message = "pod lab: missing " + String.join(", ", missing);
        if ("true".equals(System.getenv("CI"))) {
            fail(message + " (CI must run the pod lab)");
        }
        Assumptions.abort(message + "; skipped outside CI");
    }

    /** examples/basic/values.yaml, the oracle's account, then the given overlays (YAML text). */
    static List<ValuesSource> basicExample(String... overlays) {
        List<ValuesSource> values = new ArrayList<>();
        Path example = LabEnvironment.projectRoot().resolve("examples/basic/values.yaml");
        values.add(ValuesSource.file(example, "examples/basic/values.yaml"));
        values.add(
                ValuesSource.yaml(resource("podlab/values/oracle-account.yaml"), "podlab/values/oracle-account.yaml"));
        for (int i = 0; i < overlays.length; i++) {
            values.add(ValuesSource.yaml(overlays[i], "scenario overlay " + (i + 1)));
        }
        return values;
    }

    static PodLab start(List<ValuesSource> values) {
        return PodLab.start(LabConfig.of(LabId.of(ID), values));
    }

    static PodLab start(LabConfig config) {
        return PodLab.start(config);
    }

    /**
     * A lab whose fresh start the oracle has seen heal within the bound, for a class whose scenarios each start from a
     * healthy cluster; skipped (or failed in CI) where the lab cannot run.
     */
    static PodLab startHealthy(LabConfig config, Duration bound) {
        assumeLabCanRun();
        PodLab lab = PodLab.start(config);
        try (ScenarioRun run = ScenarioRun.begin(lab, "fresh start (the lab's first)")) {
            run.expectHealed(bound);
        } catch (RuntimeException | Error e) {
            lab.close();
            throw e;
        }
        return lab;
    }

    /** The end of a class's lab (none when it could not start). */
    static void close(PodLab lab) {
        if (lab != null) {
            lab.close();
        }
    }

    static LabConfig config(List<ValuesSource> values) {
        return config(ID, values);
    }

    static LabConfig config(String id, List<ValuesSource> values) {
        return LabConfig.of(LabId.of(id), values);
    }

    static String resource(String name) {
        try (InputStream in = Labs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("not on the test classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
