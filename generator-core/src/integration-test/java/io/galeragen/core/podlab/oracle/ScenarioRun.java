package io.galeragen.core.podlab.oracle;

import io.galeragen.core.podlab.Person;
import io.galeragen.core.podlab.PodLab;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One scenario under the oracle: the sampler runs from {@link #begin} to {@link #finish}; the fault's moment is t0;
 * {@link #expectHealed} waits for the cluster to heal by itself and, when it does not, lets a person heal it with
 * galera-recover (the oracle must then hold), remembering the failure; {@link #finish} checks the rows, records the
 * scenario's line and throws what failed first.
 */
public final class ScenarioRun implements AutoCloseable {

    private static final Duration PERSON_BOUND = Duration.ofMinutes(5);

    private final PodLab lab;
    private final String name;
    private final Oracle oracle;
    private final Sampler sampler;
    private final Person person;
    private final List<String> notes = new ArrayList<>();
    private Instant t0 = Instant.now();
    private Instant personAt;
    private OracleFailure failure;
    private boolean finished;

    private ScenarioRun(PodLab lab, String name) {
        this.lab = lab;
        this.name = name;
        Members members = new Members(lab);
        this.oracle = new Oracle(lab, members);
        this.sampler = new Sampler(lab, members);
        this.person = new Person(lab);
    }

    public static ScenarioRun begin(PodLab lab, String name) {
        return new ScenarioRun(lab, name);
    }

    public Oracle oracle() {
        return oracle;
    }

    public Person person() {
        return person;
    }

    /** The fault happens now: times are measured from here. */
    public void faultNow() {
        t0 = Instant.now();
    }

    /** The fault happened at that moment (e.g. the lab's start, for a fresh start). */
    public void faultNowAt(Instant moment) {
        t0 = moment;
    }

    public Instant t0() {
        return t0;
    }

    /** A person acts now (a scenario that needs one by design): the times count from here, and the table says so. */
    public void personActsNow() {
        personAt = Instant.now();
    }

    public void note(String note) {
        notes.add(note);
    }

    /**
     * Waits for the cluster to heal by itself within the bound. When it does not, the failure is kept for
     * {@link #finish}, a person runs galera-recover, and the cluster must then heal within 5 minutes.
     */
    public void expectHealed(Duration bound) {
        try {
            oracle.awaitConverged(bound);
        } catch (OracleFailure notHealed) {
            if (notHealed.kind() != OracleFailure.Kind.NOT_HEALED) {
                throw notHealed;
            }
            failure = notHealed;
            System.out.println("[podlab] " + name + ": "
                    + notHealed.getMessage().lines().findFirst().orElse("") + "; a person runs galera-recover");
            personAt = Instant.now();
            Person.Run run = person.heal();
            notes.add("galera-recover " + String.join(" ", run.args()) + ": " + run.planLine());
            oracle.awaitConverged(PERSON_BOUND);
        }
    }

    /** Checks every acknowledged row on every member, records the scenario's line, and throws what failed first. */
    public Oracle.Data finish(Set<String> acknowledged) {
        finished = true;
        Oracle.Data data = null;
        try {
            data = oracle.checkData(acknowledged);
        } catch (Oracle.DataFailure lost) {
            data = lost.data();
            failure = failure == null ? lost : failure;
        } catch (OracleFailure other) {
            failure = failure == null ? other : failure;
        }
        List<String> splitBrains = sampler.splitBrains();
        if (!splitBrains.isEmpty() && failure == null) {
            failure = new OracleFailure(
                    OracleFailure.Kind.SPLIT_BRAIN, splitBrains.size() + " moments, first: " + splitBrains.get(0));
        }
        record(data);
        sampler.close();
        if (failure != null) {
            throw failure;
        }
        return data;
    }

    private void record(Oracle.Data data) {
        Instant origin = personAt != null ? personAt : t0;
        Duration toPrimary = sampler.firstPrimary(origin)
                .map(at -> Duration.between(origin, at))
                .orElse(null);
        Duration toSynced = sampler.firstAllSynced(origin, oracle.expectedMembers(), oracle.expectedClusterSize())
                .map(at -> Duration.between(origin, at))
                .orElse(null);
        String result;
        if (failure == null) {
            result = "healed, nothing lost";
        } else {
            String defect = KnownDefects.current();
            result = failure.kind().name().toLowerCase().replace('_', ' ')
                    + (defect == null ? "" : " (known defect: " + defect + ")");
        }
        String healedBy = personAt == null
                ? "itself"
                : "a person (galera-recover; times from it, "
                        + Duration.between(t0, personAt).toSeconds() + " s after the fault)";
        ScenarioReport.record(new ScenarioReport.Row(
                name,
                result,
                data == null ? 0 : data.acknowledged(),
                data == null ? 0 : data.presentOnEveryMember(),
                toPrimary,
                toSynced,
                healedBy,
                String.join("; ", notes)));
    }

    @Override
    public void close() {
        if (!finished) {
            sampler.close();
        }
    }
}
