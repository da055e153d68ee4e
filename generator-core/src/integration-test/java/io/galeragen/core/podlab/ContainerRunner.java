package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The kubelet's handling of one container of a pod: start it (a new root filesystem layer each time), run its
 * probes with their declared delays, periods and thresholds, restart it with the crash back-off when it exits
 * (restartPolicy Always; an init container until it succeeds), kill it when its startup or liveness probe gives up,
 * and stop it as a deletion does (SIGTERM to PID 1, the grace period, SIGKILL).
 */
final class ContainerRunner {

    private final PodWorker pod;
    private final Container container;
    private final boolean init;
    private final List<ScheduledFuture<?>> probeTasks = new ArrayList<>();
    private volatile RunningContainer current;
    private volatile boolean started;
    private volatile boolean ready;
    private volatile boolean stopped;
    private volatile Integer lastExitCode;
    private volatile Instant finishedAt;
    private volatile int restarts;
    private Thread supervisor;

    ContainerRunner(PodWorker pod, Container container, boolean init) {
        this.pod = pod;
        this.container = container;
        this.init = init;
    }

    String name() {
        return container.getName();
    }

    Container container() {
        return container;
    }

    RunningContainer current() {
        return current;
    }

    boolean ready() {
        return ready;
    }

    /** An init container: runs (again, after the back-off) until it exits 0. False when the pod stopped first. */
    boolean runToCompletion() {
        while (!stopped) {
            if (!awaitBackoff()) {
                return false;
            }
            if (!startOnce()) {
                continue;
            }
            int exit = current.waitFor();
            exited(exit);
            if (exit == 0) {
                return true;
            }
        }
        return false;
    }

    /** A main container: kept running until the pod stops. */
    void supervise() {
        supervisor = new Thread(
                () -> {
                    while (!stopped) {
                        if (!awaitBackoff()) {
                            return;
                        }
                        if (!startOnce()) {
                            continue;
                        }
                        startProbes(current);
                        int exit = current.waitFor();
                        stopProbes();
                        exited(exit);
                    }
                },
                "container-" + pod.pod().name() + "-" + container.getName());
        supervisor.setDaemon(true);
        supervisor.start();
    }

    private boolean awaitBackoff() {
        if (finishedAt == null) {
            return true;
        }
        String key = pod.pod().uid() + "/" + container.getName();
        Duration wait = pod.lab().backoff().remaining(key, finishedAt, Instant.now());
        Instant until = Instant.now().plus(wait);
        while (!stopped && Instant.now().isBefore(until)) {
            Shell.sleep(Duration.ofMillis(Math.min(
                    200, Math.max(1, Duration.between(Instant.now(), until).toMillis()))));
        }
        if (stopped) {
            return false;
        }
        pod.lab().backoff().restarted(key, finishedAt, Instant.now());
        restarts++;
        return true;
    }

    /** One start; false (and a back-off) when the container's configuration cannot be made. */
    private synchronized boolean startOnce() {
        if (stopped) {
            return false;
        }
        Path specDir = pod.dir().resolve("containers").resolve(container.getName());
        Path log = pod.dir().resolve("logs").resolve(container.getName() + ".log");
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    "----- " + Instant.now() + " container " + container.getName() + " starts -----\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Image image = pod.lab().images().resolve(container.getImage());
            Map<String, String> env =
                    EnvResolver.resolve(pod.pod(), container, pod.lab().cluster());
            ContainerSpec spec = ContainerSpec.of(pod.pod(), container, image, env, pod.volumePaths(), pod.sandbox());
            spec.writeTo(specDir, ContainerCgroups.create(pod.lab().id(), pod.pod(), container));
            current = RunningContainer.start(
                    container.getName(),
                    specDir,
                    pod.sandbox(),
                    pod.lab().runContainerScript(),
                    pod.lab().containerExecScript(),
                    log);
            started = probe(Kind.STARTUP) == null;
            ready = false;
            report();
            return true;
        } catch (EnvResolver.ConfigError e) {
            appendLog(log, "CreateContainerConfigError: " + e.getMessage());
            finishedAt = Instant.now();
            lastExitCode = null;
            report();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void exited(int exit) {
        lastExitCode = exit;
        finishedAt = Instant.now();
        ready = false;
        started = false;
        report();
    }

    // ---- probes ---------------------------------------------------------------------------------

    private enum Kind {
        STARTUP,
        READINESS,
        LIVENESS
    }

    private Probe probe(Kind kind) {
        return switch (kind) {
            case STARTUP -> container.getStartupProbe();
            case READINESS -> container.getReadinessProbe();
            case LIVENESS -> container.getLivenessProbe();
        };
    }

    private void startProbes(RunningContainer running) {
        if (probe(Kind.STARTUP) != null) {
            schedule(Kind.STARTUP, running);
        } else {
            startedNow(running);
        }
    }

    /** The startup probe passed (or there is none): readiness and liveness probes begin. */
    private void startedNow(RunningContainer running) {
        started = true;
        if (probe(Kind.READINESS) == null) {
            ready = true;
        } else {
            schedule(Kind.READINESS, running);
        }
        if (probe(Kind.LIVENESS) != null) {
            schedule(Kind.LIVENESS, running);
        }
        report();
    }

    private synchronized void schedule(Kind kind, RunningContainer running) {
        Probe probe = probe(kind);
        ProbeState state = new ProbeState();
        ScheduledFuture<?> task = pod.lab()
                .scheduler()
                .scheduleWithFixedDelay(
                        () -> tick(kind, probe, running, state),
                        Probes.initialDelay(probe).toMillis(),
                        Probes.period(probe).toMillis(),
                        TimeUnit.MILLISECONDS);
        probeTasks.add(task);
    }

    private static final class ProbeState {
        int successes;
        int failures;
        boolean done;
    }

    private void tick(Kind kind, Probe probe, RunningContainer running, ProbeState state) {
        if (state.done || running != current || !running.alive() || stopped) {
            return;
        }
        Probes.Outcome outcome;
        try {
            outcome = Probes.run(probe, container, running, pod.pod().ip(), pod.lab());
        } catch (RuntimeException e) {
            outcome = new Probes.Outcome(false, e.getMessage());
        }
        if (running != current || stopped) {
            return;
        }
        if (outcome.success()) {
            state.failures = 0;
            state.successes++;
        } else {
            state.successes = 0;
            state.failures++;
        }
        switch (kind) {
            case STARTUP -> {
                if (state.successes >= Probes.successThreshold(probe)) {
                    state.done = true;
                    startedNow(running);
                } else if (state.failures >= Probes.failureThreshold(probe)) {
                    state.done = true;
                    killForProbe(
                            running, "Startup probe failed: " + outcome.output().strip());
                }
            }
            case READINESS -> {
                boolean before = ready;
                if (state.successes >= Probes.successThreshold(probe)) {
                    ready = true;
                } else if (state.failures >= Probes.failureThreshold(probe)) {
                    ready = false;
                }
                if (before != ready) {
                    appendLog(
                            running,
                            "readiness probe: "
                                    + (ready
                                            ? "ready"
                                            : "not ready: " + outcome.output().strip()));
                    report();
                }
            }
            case LIVENESS -> {
                if (state.failures >= Probes.failureThreshold(probe)) {
                    state.done = true;
                    killForProbe(
                            running,
                            "Liveness probe failed: " + outcome.output().strip());
                }
            }
        }
    }

    private void killForProbe(RunningContainer running, String why) {
        appendLog(running, why + "; killing the container");
        Thread killer = new Thread(() -> terminate(running, pod.gracePeriod()), "probe-kill-" + container.getName());
        killer.setDaemon(true);
        killer.start();
    }

    private synchronized void stopProbes() {
        probeTasks.forEach(task -> task.cancel(false));
        probeTasks.clear();
    }

    // ---- stopping -------------------------------------------------------------------------------

    /** No more starts; the running container gets SIGTERM, then SIGKILL after the grace period. */
    void stop(Duration grace) {
        synchronized (this) {
            stopped = true;
        }
        stopProbes();
        RunningContainer running = current;
        if (running != null && running.alive()) {
            terminate(running, grace);
        }
        if (supervisor != null) {
            try {
                supervisor.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** SIGKILL now, no more starts (node loss). */
    void kill() {
        RunningContainer running = killWithoutWaiting();
        if (running != null) {
            running.waitFor(Duration.ofSeconds(30));
        }
    }

    /**
     * SIGKILL now, no more starts, without waiting: a frozen container (power cut) dies only once thawed. Returns the
     * container signalled, if any.
     */
    RunningContainer killWithoutWaiting() {
        synchronized (this) {
            stopped = true;
        }
        stopProbes();
        RunningContainer running = current;
        if (running != null) {
            running.signal("KILL");
        }
        return running;
    }

    /** kill -9 of PID 1 (a crash): the kubelet restarts the container. */
    void crash() {
        RunningContainer running = current;
        if (running == null || !running.alive()) {
            throw new IllegalStateException(pod.pod().name() + "/" + container.getName() + " is not running");
        }
        running.signal("KILL");
        running.waitFor(Duration.ofSeconds(30));
    }

    private static void terminate(RunningContainer running, Duration grace) {
        running.signal("TERM");
        if (!running.waitFor(grace)) {
            running.signal("KILL");
            running.waitFor(Duration.ofSeconds(30));
        }
    }

    private void report() {
        RunningContainer running = current;
        boolean alive = running != null && running.alive();
        pod.pod()
                .container(new Pod.ContainerStatus(
                        container.getName(),
                        alive,
                        alive ? running.pid1() : -1,
                        restarts,
                        started,
                        ready && alive,
                        lastExitCode));
        if (init) {
            pod.lab().cluster().changed();
        } else {
            pod.containersChanged();
        }
    }

    private void appendLog(RunningContainer running, String line) {
        appendLog(
                running.specDir().getParent().getParent().resolve("logs").resolve(container.getName() + ".log"), line);
    }

    private static void appendLog(Path log, String line) {
        try {
            Files.writeString(
                    log,
                    "[podlab kubelet " + Instant.now() + "] " + line + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the pod's directory is gone: nothing to log into
        }
    }
}
