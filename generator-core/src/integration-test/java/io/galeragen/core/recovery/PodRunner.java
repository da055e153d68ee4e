package io.galeragen.core.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Plays the kubelet for one pod: runs the init container's command (init.sh), then the main
 * container's command (start.sh), and restarts the main container when it exits, as
 * restartPolicy: Always does. A new pod gets a new emptyDir (CONF_DIR) and a new /tmp (markers).
 */
final class PodRunner {

    /** Kubernetes restarts a crashed container after a back-off of 10 s and more; shorter here. */
    private static final Duration RESTART_BACKOFF = Duration.ofSeconds(3);

    private final LabNode node;
    private final Path configMapDir;
    private final Map<String, String> env;
    /** Starting a container and killing the pod exclude each other: no container may start unseen by kill(). */
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private volatile Process container;
    private Thread kubelet;

    PodRunner(LabNode node, Path configMapDir, Map<String, String> env) {
        this.node = node;
        this.configMapDir = configMapDir;
        this.env = env;
    }

    LabNode node() {
        return node;
    }

    /** Schedules a new pod on the existing volume. */
    void start() {
        GaleraLab.run("rm", "-rf", node.confDir().toString(), node.markerDir().toString());
        GaleraLab.run("install", "-d", "-o", "mysql", node.confDir().toString(), node.markerDir().toString());
        running = true;
        kubelet = new Thread(this::runContainers, "kubelet-" + node.podName());
        kubelet.setDaemon(true);
        kubelet.start();
    }

    private void runContainers() {
        try {
            while (running && runContainer("init.sh") != 0) {
                Thread.sleep(RESTART_BACKOFF.toMillis());
            }
            while (running) {
                runContainer("start.sh");
                if (running) {
                    Thread.sleep(RESTART_BACKOFF.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int runContainer(String script) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("/bin/bash", configMapDir.resolve(script).toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.podLog().toFile()));
        builder.environment().putAll(env);
        builder.environment().put("GALERA_CONTAINER", script.equals("init.sh") ? "init" : "mariadb");
        Process started;
        synchronized (lifecycle) {
            if (!running) {
                return -1;
            }
            try {
                started = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            container = started;
        }
        return started.waitFor();
    }

    Optional<ProcessHandle> mariadbd() {
        Process current = container;
        if (current == null) {
            return Optional.empty();
        }
        return Stream.concat(Stream.of(current.toHandle()), current.descendants())
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/mariadbd")).orElse(false))
                .findFirst();
    }

    /** kill -9 of mariadbd only: the container restarts, the pod (and its emptyDir) stays. */
    void crashMainContainer() {
        ProcessHandle server = mariadbd().orElseThrow(() -> new IllegalStateException(node.podName() + ": no mariadbd"));
        server.destroyForcibly();
        awaitExit(server, Duration.ofSeconds(10));
    }

    /** The node is lost: kill -9 every process of the pod, no restart. */
    void kill() {
        Process current;
        synchronized (lifecycle) {
            running = false;
            current = container;
        }
        if (current != null) {
            // Wait for every process, not just the container's: a killed mariadbd holds its ports
            // until it has exited, and the next scenario needs them.
            List<ProcessHandle> processes = Stream.concat(current.descendants(), Stream.of(current.toHandle())).toList();
            processes.forEach(ProcessHandle::destroyForcibly);
            processes.forEach(process -> awaitExit(process, Duration.ofSeconds(10)));
        }
        joinKubelet();
        killStrays();
    }

    /**
     * Any process still working on this pod's files: a mariadbd whose parent script died before it could stop it is
     * no descendant of the container any more, yet holds the pod's ports.
     */
    private void killStrays() {
        String podDir = node.dir().toString() + "/";
        List<ProcessHandle> strays = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(podDir)).orElse(false))
                .toList();
        strays.forEach(ProcessHandle::destroyForcibly);
        strays.forEach(process -> awaitExit(process, Duration.ofSeconds(10)));
    }

    /** SIGTERM to mariadbd (a clean shutdown), then the pod is gone. */
    void stopGracefully(Duration timeout) {
        synchronized (lifecycle) {
            running = false;
        }
        mariadbd().ifPresent(server -> {
            server.destroy();
            if (!awaitExit(server, timeout)) {
                throw new IllegalStateException(node.podName() + ": mariadbd ignored SIGTERM for " + timeout);
            }
        });
        kill();
    }

    private void joinKubelet() {
        if (kubelet != null) {
            try {
                kubelet.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
