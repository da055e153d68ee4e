package io.galeragen.core.podlab;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The kubelet's restart back-off for a container that exited (CrashLoopBackOff), as its flowcontrol.Backoff does it:
 * the first restart is immediate; each following one waits since the container finished for the current back-off,
 * which starts at 10 s and doubles up to 5 minutes; an entry older than twice the maximum (10 minutes since the last
 * restart) starts over. Keyed by pod uid and container, so a new pod starts fresh.
 */
final class CrashBackoff {

    static final Duration INITIAL = Duration.ofSeconds(10);
    static final Duration MAX = Duration.ofMinutes(5);

    private record Entry(Duration backoff, Instant lastUpdate) {}

    private final Map<String, Entry> entries = new HashMap<>();

    /** How long the container that finished at {@code finishedAt} must still wait before it may start again. */
    synchronized Duration remaining(String key, Instant finishedAt, Instant now) {
        Entry entry = entries.get(key);
        if (entry == null || expired(finishedAt, entry.lastUpdate())) {
            return Duration.ZERO;
        }
        Duration elapsed = Duration.between(finishedAt, now);
        return elapsed.compareTo(entry.backoff()) >= 0
                ? Duration.ZERO
                : entry.backoff().minus(elapsed);
    }

    /** The container starts again now: the next wait doubles (Backoff.Next). */
    synchronized void restarted(String key, Instant finishedAt, Instant now) {
        Entry entry = entries.get(key);
        Duration backoff = entry == null || expired(finishedAt, entry.lastUpdate())
                ? INITIAL
                : min(entry.backoff().multipliedBy(2), MAX);
        entries.put(key, new Entry(backoff, now));
    }

    private static boolean expired(Instant eventTime, Instant lastUpdate) {
        return Duration.between(lastUpdate, eventTime).compareTo(MAX.multipliedBy(2)) > 0;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
