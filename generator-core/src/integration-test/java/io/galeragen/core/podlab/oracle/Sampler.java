package io.galeragen.core.podlab.oracle;

import io.galeragen.core.podlab.PodLab;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Polls every member every two seconds while a scenario runs (kubectl exec, SQL over the socket) and keeps what it
 * saw: when a Primary component first accepted writes, when every member was first Synced in one, and any moment at
 * which two Primary components accepted writes (two members both Primary and ready, each outside the other's
 * component, or on different cluster histories).
 */
public final class Sampler implements AutoCloseable {

    /**
     * Each round is a kubectl exec per member: at one a second the rounds took a third of the processes a lab starts
     * and slowed the recoveries they time when two labs share the two cores (measured with process accounting).
     */
    private static final Duration PERIOD = Duration.ofSeconds(2);

    /** One round: every member's status at about the same moment. */
    public record Round(Instant at, Map<String, Members.Status> members) {}

    private final PodLab lab;
    private final Members members;
    private final List<Round> rounds = new CopyOnWriteArrayList<>();
    private final List<String> splitBrains = new CopyOnWriteArrayList<>();
    private final ExecutorService queries = Executors.newFixedThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "sampler-query");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread thread;
    private volatile boolean running = true;

    public Sampler(PodLab lab, Members members) {
        this.lab = lab;
        this.members = members;
        this.thread = new Thread(this::loop, "sampler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        while (running) {
            Instant started = Instant.now();
            try {
                sample();
            } catch (RuntimeException e) {
                // a pod vanished under the query: the next round sees the new state
            }
            long rest = PERIOD.minus(Duration.between(started, Instant.now())).toMillis();
            if (rest > 0) {
                try {
                    Thread.sleep(rest);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void sample() {
        Instant at = Instant.now();
        TreeSet<String> names = new TreeSet<>();
        lab.members().forEach(pod -> names.add(pod.name()));
        Map<String, Future<Members.Status>> pending = new LinkedHashMap<>();
        for (String name : names) {
            pending.put(name, queries.submit(() -> members.status(name)));
        }
        Map<String, Members.Status> statuses = new LinkedHashMap<>();
        for (Map.Entry<String, Future<Members.Status>> entry : pending.entrySet()) {
            try {
                statuses.put(entry.getKey(), entry.getValue().get());
            } catch (Exception e) {
                statuses.put(entry.getKey(), new Members.Status(Map.of()));
            }
        }
        Round round = new Round(at, statuses);
        rounds.add(round);
        checkSplitBrain(round);
    }

    private void checkSplitBrain(Round round) {
        List<Map.Entry<String, Members.Status>> writable = round.members().entrySet().stream()
                .filter(e -> e.getValue().acceptsWrites())
                .toList();
        for (int i = 0; i < writable.size(); i++) {
            for (int j = i + 1; j < writable.size(); j++) {
                var a = writable.get(i);
                var b = writable.get(j);
                String ipA = lab.findPod(a.getKey()).map(p -> p.ip()).orElse("?");
                String ipB = lab.findPod(b.getKey()).map(p -> p.ip()).orElse("?");
                boolean apart = !contains(a.getValue(), ipB) && !contains(b.getValue(), ipA);
                boolean histories =
                        !a.getValue().stateUuid().equals(b.getValue().stateUuid());
                // One history and one installed view is one component, whatever the addresses say: a pod re-created
                // between the query and the address lookup has no IP yet, and a joiner lists no address before its
                // server listens.
                boolean oneView =
                        !histories && a.getValue().confId().equals(b.getValue().confId());
                if ((apart && !oneView) || histories) {
                    splitBrains.add(
                            round.at() + ": " + a.getKey() + " " + a.getValue().values() + " and " + b.getKey() + " "
                                    + b.getValue().values());
                }
            }
        }
    }

    private static boolean contains(Members.Status status, String ip) {
        // host:port, or [host]:port for an IPv6 address
        return status.incomingAddresses().stream()
                .anyMatch(address -> address.startsWith(ip + ":") || address.startsWith("[" + ip + "]:"));
    }

    /** Every moment two Primary components accepted writes. */
    public List<String> splitBrains() {
        return List.copyOf(splitBrains);
    }

    /** The first round at or after t0 in which some member accepted writes. */
    public Optional<Instant> firstPrimary(Instant t0) {
        return rounds.stream()
                .filter(r -> !r.at().isBefore(t0))
                .filter(r -> r.members().values().stream()
                        .anyMatch(s -> s.acceptsWrites() || (s.standalone() && s.answers())))
                .map(Round::at)
                .findFirst();
    }

    /** The first round at or after t0 in which all the given members were Synced in one component of that size. */
    public Optional<Instant> firstAllSynced(Instant t0, List<String> names, int clusterSize) {
        return rounds.stream()
                .filter(r -> !r.at().isBefore(t0))
                .filter(r -> names.stream().allMatch(n -> {
                    Members.Status s = r.members().get(n);
                    return s != null && (s.standalone() ? s.answers() : s.synced() && s.clusterSize() == clusterSize);
                }))
                .map(Round::at)
                .findFirst();
    }

    public List<Round> rounds() {
        return new ArrayList<>(rounds);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        queries.shutdownNow();
    }
}
