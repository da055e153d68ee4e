package io.galeragen.core.podlab.oracle;

import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Decides whether a scenario ended well: within a bound every member is Synced in one Primary component of the
 * expected size (members, plus the arbitrator), every acknowledged row is on every member, the members' checksums
 * and cluster state uuid agree, and the sampler never saw two Primary components accept writes.
 */
public final class Oracle {

    /** The acknowledged rows and what every member holds of them. */
    public record Data(int acknowledged, int presentOnEveryMember, Map<String, Integer> rowsPerMember) {}

    private static final String CAUSAL = "SET SESSION wsrep_sync_wait = 1; ";
    /** How long every member must have been waiting for a person before the oracle stops waiting for a self-heal. */
    private static final Duration STUCK = Duration.ofSeconds(60);
    /**
     * Between two looks at the members while waiting for convergence: each look is a kubectl exec per member, and on
     * two cores a tighter loop takes CPU from the recovery it watches.
     */
    private static final Duration POLL = Duration.ofSeconds(2);

    private final PodLab lab;
    private final Members members;

    public Oracle(PodLab lab, Members members) {
        this.lab = lab;
        this.members = members;
    }

    public Members members() {
        return members;
    }

    /** The members the StatefulSet should have now. */
    public List<String> expectedMembers() {
        return IntStream.range(0, lab.replicas())
                .mapToObj(i -> lab.statefulSetName() + "-" + i)
                .toList();
    }

    /** Members plus the arbitrator's vote. */
    public int expectedClusterSize() {
        return lab.replicas() + (lab.model().arbitrator().enabled() ? 1 : 0);
    }

    /**
     * Waits until every member is Synced in one Primary component of the expected size. Fails (NOT_HEALED) at the
     * bound, or earlier once every member has waited for a person for a minute without change (nothing in the pods
     * will change that by itself).
     */
    public void awaitConverged(Duration bound) {
        List<String> names = expectedMembers();
        int size = expectedClusterSize();
        Instant deadline = Instant.now().plus(bound);
        Instant allWaitingSince = null;
        while (true) {
            Map<String, Members.Status> statuses = new LinkedHashMap<>();
            names.forEach(name -> statuses.put(name, members.status(name)));
            if (converged(statuses, size)) {
                return;
            }
            // A member that accepts writes is not waiting: ask the recovery states only when none does.
            boolean allWaiting = statuses.values().stream().noneMatch(Members.Status::acceptsWrites)
                    && names.stream()
                            .allMatch(
                                    name -> "waiting".equals(recoveryState(name).get("status")));
            allWaitingSince = allWaiting ? (allWaitingSince == null ? Instant.now() : allWaitingSince) : null;
            boolean stuck = allWaitingSince != null
                    && Duration.between(allWaitingSince, Instant.now()).compareTo(STUCK) >= 0;
            if (Instant.now().isAfter(deadline) || stuck) {
                throw new OracleFailure(
                        OracleFailure.Kind.NOT_HEALED,
                        (stuck
                                        ? "every member has waited for a person for " + STUCK.toSeconds() + " s"
                                        : "not healed within " + bound.toSeconds() + " s")
                                + ":\n"
                                + describe(names, statuses));
            }
            Shell.sleep(POLL);
        }
    }

    private static boolean converged(Map<String, Members.Status> statuses, int size) {
        if (statuses.values().stream().allMatch(s -> s.standalone() && s.answers())) {
            return true;
        }
        return statuses.values().stream().allMatch(s -> s.synced() && s.clusterSize() == size)
                && statuses.values().stream()
                                .map(Members.Status::stateUuid)
                                .distinct()
                                .count()
                        == 1;
    }

    private String describe(List<String> names, Map<String, Members.Status> statuses) {
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            Map<String, String> state = recoveryState(name);
            text.append("  ")
                    .append(name)
                    .append(": ")
                    .append(statuses.get(name).answers() ? statuses.get(name).values() : "no server answers")
                    .append("; init.sh: ")
                    .append(state.getOrDefault("decision", "(no state)"))
                    .append('\n');
        }
        return text.toString();
    }

    /** What init.sh recorded about the pod (its galera-recovery.state), from whichever container runs. */
    public Map<String, String> recoveryState(String pod) {
        // The mariadb container first: it runs most of the time (the init container only at the pod's start).
        for (String container : List.of(members.container(), "init")) {
            Shell.Result result = lab.exec(
                    pod,
                    container,
                    List.of("sh", "-c", "cat \"${CONF_DIR:-/etc/mysql/conf.d}/galera-recovery.state\""),
                    Map.of(),
                    Duration.ofSeconds(10));
            if (result.ok()) {
                return result.output()
                        .lines()
                        .filter(line -> line.contains("="))
                        .collect(Collectors.toMap(
                                l -> l.substring(0, l.indexOf('=')),
                                l -> l.substring(l.indexOf('=') + 1),
                                (a, b) -> b,
                                LinkedHashMap::new));
            }
        }
        return Map.of();
    }

    /**
     * Every acknowledged row must be on every member, and the members must agree (rows, checksum, state uuid). Reads
     * wait for the member to have applied everything before them (wsrep_sync_wait).
     */
    public Data checkData(Set<String> acknowledged) {
        List<String> names = expectedMembers();
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        Map<String, String> checksums = new LinkedHashMap<>();
        Map<String, String> uuids = new LinkedHashMap<>();
        for (String name : names) {
            String table = members.sql(name, CAUSAL + "SELECT CONCAT(writer, ' ', seq) FROM lab.acked");
            String checksum = members.sql(name, CAUSAL + "CHECKSUM TABLE lab.acked");
            if (table == null || checksum == null) {
                throw new OracleFailure(OracleFailure.Kind.NOT_HEALED, name + " does not answer the oracle's queries");
            }
            rows.put(name, new HashSet<>(table.lines().toList()));
            checksums.put(name, checksum.strip().split("\t")[1]);
            uuids.put(name, members.status(name).stateUuid());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach((name, set) -> counts.put(name, set.size()));
        Set<String> onEvery = new HashSet<>(acknowledged);
        rows.values().forEach(onEvery::retainAll);
        Data data = new Data(acknowledged.size(), onEvery.size(), counts);
        List<String> lost = new ArrayList<>();
        rows.forEach((name, set) -> {
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(set);
            if (!missing.isEmpty()) {
                lost.add(name + " lacks " + missing.size() + " acknowledged rows, e.g. "
                        + missing.stream().sorted().limit(5).toList());
            }
        });
        if (!lost.isEmpty()) {
            throw new DataFailure(OracleFailure.Kind.ROWS_LOST, String.join("; ", lost), data);
        }
        Set<Set<String>> distinctRows = new HashSet<>(rows.values());
        if (distinctRows.size() > 1
                || checksums.values().stream().distinct().count() > 1
                || uuids.values().stream().distinct().count() > 1) {
            throw new DataFailure(
                    OracleFailure.Kind.DIVERGED,
                    "members disagree: rows " + counts + ", checksums " + checksums + ", state uuids " + uuids,
                    data);
        }
        return data;
    }

    /** A data check that failed, with what it counted. */
    public static final class DataFailure extends OracleFailure {
        private final transient Data data;

        DataFailure(Kind kind, String message, Data data) {
            super(kind, message);
            this.data = data;
        }

        public Data data() {
            return data;
        }
    }
}
