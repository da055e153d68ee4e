package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.Container;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The kubelet's worker for one pod: creates its sandbox (new address) and volumes, runs the init containers one after
 * the other until each succeeds, then starts every main container; reports readiness; terminates the pod as a
 * deletion does; or loses it with its node and brings it back in a new sandbox when the node returns.
 */
final class PodWorker {

    private final Pod pod;
    private final LabContext lab;
    private final Path dir;
    private final List<ContainerRunner> main = new ArrayList<>();
    private final PodVolumes volumes;
    private volatile ContainerRunner currentInit;
    private volatile PodSandbox sandbox;
    private volatile Map<String, Path> volumePaths = Map.of();
    private volatile boolean stopping;
    /** False while the node is lost: a dead kubelet reports nothing. */
    private volatile boolean reporting = true;

    private Thread thread;

    PodWorker(Pod pod, LabContext lab) {
        this.pod = pod;
        this.lab = lab;
        this.dir = lab.podsDir().resolve(pod.name() + "-" + pod.uid().substring(0, 8));
        this.volumes = new PodVolumes(pod, PodVolumes.dirOf(dir), lab);
    }

    Pod pod() {
        return pod;
    }

    LabContext lab() {
        return lab;
    }

    Path dir() {
        return dir;
    }

    PodSandbox sandbox() {
        return sandbox;
    }

    Map<String, Path> volumePaths() {
        return volumePaths;
    }

    Duration gracePeriod() {
        return Duration.ofSeconds(Optional.ofNullable(pod.spec().getTerminationGracePeriodSeconds())
                .orElse(30L));
    }

    /** Starts the pod (again, after its node came back: a new sandbox, the same volumes). */
    synchronized void start() {
        stopping = false;
        main.clear();
        thread = new Thread(this::run, "pod-" + pod.name());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            Files.createDirectories(dir.resolve("logs"));
            event("sandbox starts");
            sandbox = PodSandbox.create(
                    lab,
                    pod,
                    lab.sandboxes().incrementAndGet(),
                    dir.resolve("sandbox"),
                    PodVolumes.alwaysReadOnly(pod));
            pod.ip(sandbox.ip());
            lab.cluster().changed();
            volumePaths = setUpVolumes();
            if (volumePaths == null) {
                return;
            }
            for (Container init : pod.spec().getInitContainers()) {
                ContainerRunner runner = new ContainerRunner(this, init, true);
                currentInit = runner;
                if (!runner.runToCompletion()) {
                    return;
                }
            }
            currentInit = null;
            synchronized (this) {
                if (stopping) {
                    return;
                }
                for (Container container : pod.spec().getContainers()) {
                    ContainerRunner runner = new ContainerRunner(this, container, false);
                    main.add(runner);
                    runner.supervise();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            event("pod failed to start: " + e);
            throw e;
        }
    }

    /** Volumes, retried as the kubelet retries a mount that fails (e.g. a missing ConfigMap). */
    private Map<String, Path> setUpVolumes() {
        while (!stopping) {
            try {
                return volumes.setUp();
            } catch (EnvResolver.ConfigError e) {
                event("MountVolume failed: " + e.getMessage());
                Shell.sleep(Duration.ofSeconds(5));
            }
        }
        return null;
    }

    /** A main container's status changed: the pod's Ready condition follows all of them. */
    void containersChanged() {
        if (!reporting) {
            return;
        }
        boolean allReady;
        synchronized (this) {
            allReady = !main.isEmpty()
                    && main.size() == pod.spec().getContainers().size()
                    && main.stream().allMatch(ContainerRunner::ready);
        }
        if (allReady != pod.ready()) {
            event("Ready=" + allReady);
        }
        pod.ready(allReady);
        lab.cluster().changed();
    }

    List<ContainerRunner> runners() {
        List<ContainerRunner> runners = new ArrayList<>();
        ContainerRunner init = currentInit;
        if (init != null) {
            runners.add(init);
        }
        synchronized (this) {
            runners.addAll(main);
        }
        return runners;
    }

    Optional<ContainerRunner> runner(String container) {
        return runners().stream().filter(r -> r.name().equals(container)).findFirst();
    }

    /** kubectl delete pod: SIGTERM to every container at once, SIGKILL after the grace period, then the pod is gone. */
    void terminate(Duration grace) {
        pod.terminating(true);
        pod.ready(false);
        lab.cluster().changed();
        event("terminating (grace " + grace.toSeconds() + " s)");
        stopAll(runner -> runner.stop(grace));
        tearDown();
        lab.cluster().remove(pod);
    }

    /** Force deletion (grace 0 in the API): the record goes at once, the processes are killed. */
    void forceDelete() {
        pod.terminating(true);
        pod.ready(false);
        stopAll(ContainerRunner::kill);
        tearDown();
        lab.cluster().remove(pod);
    }

    /**
     * The node is lost: every process of the pod is killed, its address goes with the sandbox. The pod stays in the
     * API; after the node-monitor grace period the node controller marks it not ready.
     */
    void loseNode() {
        event("node lost");
        reporting = false;
        stopAll(ContainerRunner::kill);
        PodSandbox lost = sandbox;
        if (lost != null) {
            lost.destroy(lab.network());
        }
        volumes.detachClaims();
        lab.scheduler()
                .schedule(
                        () -> {
                            if (stopping && !pod.gone()) {
                                pod.nodeUnreachable(true);
                                lab.cluster().changed();
                            }
                        },
                        lab.nodeMonitorGracePeriod().toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /**
     * Power lost while the pod's processes are frozen (ContainerCgroups.freeze): each is killed where it stands, no
     * container restarts, then they are thawed so that they die. {@link #loseNode()} follows.
     */
    void killFrozen() {
        reporting = false;
        runners().forEach(ContainerRunner::killWithoutWaiting);
        ContainerCgroups.processes(ContainerCgroups.podFreezer(lab.id(), pod))
                .forEach(pid -> Shell.tryRun("kill", "-KILL", Long.toString(pid)));
        ContainerCgroups.freeze(lab.id(), pod, false);
    }

    /** The lab ends: every container is killed and none restarts; LabCleanup removes the rest. */
    void shutdown() {
        reporting = false;
        stopAll(ContainerRunner::kill);
    }

    /** The node is back: the kubelet starts the pod again in a new sandbox; its emptyDirs are still on the disk. */
    void nodeBack() {
        event("node back");
        reporting = true;
        pod.nodeUnreachable(false);
        pod.ready(false);
        pod.ip(null);
        lab.cluster().changed();
        start();
    }

    private void stopAll(java.util.function.Consumer<ContainerRunner> stop) {
        synchronized (this) {
            stopping = true;
        }
        List<Thread> stoppers = new ArrayList<>();
        for (ContainerRunner runner : runners()) {
            Thread stopper = new Thread(() -> stop.accept(runner), "stop-" + pod.name() + "-" + runner.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pod.containers()
                .values()
                .forEach(status -> pod.container(new Pod.ContainerStatus(
                        status.name(), false, -1, status.restarts(), false, false, status.lastExitCode())));
    }

    private void destroySandbox() {
        PodSandbox current = sandbox;
        if (current != null) {
            current.destroy(lab.network());
        }
        pod.ip(null);
        lab.cluster().changed();
    }

    private void tearDown() {
        destroySandbox();
        volumes.tearDown();
        ContainerCgroups.remove(
                ContainerCgroups.labPath(ContainerCgroups.MEMORY, lab.id()).resolve(pod.uid()));
        ContainerCgroups.remove(ContainerCgroups.podFreezer(lab.id(), pod));
        event("gone");
    }

    void event(String message) {
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("events.log"),
                    Instant.now() + " " + pod.name() + ": " + message + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the lab is being torn down
        }
    }
}
