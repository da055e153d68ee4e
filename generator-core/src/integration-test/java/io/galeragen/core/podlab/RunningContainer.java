package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One start of a container: run-container.sh as PID 1 of a new PID and mount namespace inside the pod sandbox's
 * network, UTS and IPC namespaces. The lab knows its PID 1 (as seen from the host), signals it as the runtime does,
 * and runs commands inside it as {@code kubectl exec} does (container-exec.sh: the container's namespaces, root, user,
 * capabilities and environment).
 */
final class RunningContainer {

    private final String name;
    private final Path specDir;
    private final Process process;
    private final long pid1;
    private final Instant started = Instant.now();
    private final Path execScript;

    private RunningContainer(String name, Path specDir, Process process, long pid1, Path execScript) {
        this.name = name;
        this.specDir = specDir;
        this.process = process;
        this.pid1 = pid1;
        this.execScript = execScript;
    }

    static RunningContainer start(
            String name, Path specDir, PodSandbox sandbox, Path runScript, Path execScript, Path log) {
        try {
            Files.deleteIfExists(specDir.resolve("pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process process = Shell.start(
                List.of(
                        "nsenter",
                        "--net=/run/netns/" + sandbox.netns(),
                        "--uts=/proc/" + sandbox.pausePid() + "/ns/uts",
                        "--ipc=/proc/" + sandbox.pausePid() + "/ns/ipc",
                        "--",
                        "unshare",
                        "--mount",
                        "--pid",
                        "--fork",
                        "--kill-child=SIGKILL",
                        "--",
                        "/bin/bash",
                        runScript.toString(),
                        specDir.toString()),
                log);
        long pid1 = awaitChild(process);
        try {
            Files.writeString(specDir.resolve("pid"), pid1 + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RunningContainer(name, specDir, process, pid1, execScript);
    }

    /** unshare --fork's child is the container's PID 1. */
    private static long awaitChild(Process unshare) {
        Path children =
                Path.of("/proc", Long.toString(unshare.pid()), "task", Long.toString(unshare.pid()), "children");
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try {
                String text = Files.readString(children).strip();
                if (!text.isEmpty()) {
                    return Long.parseLong(text.split("\\s+")[0]);
                }
            } catch (IOException exited) {
                return -1;
            }
            if (!unshare.isAlive()) {
                return -1;
            }
            Shell.sleep(Duration.ofMillis(10));
        }
        throw new IllegalStateException("container did not start within 10 s");
    }

    String name() {
        return name;
    }

    long pid1() {
        return pid1;
    }

    Instant started() {
        return started;
    }

    Path specDir() {
        return specDir;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the container to exit; its exit code as the runtime reports it (128+signal when killed). */
    int waitFor() {
        try {
            int code = process.waitFor();
            Files.deleteIfExists(specDir.resolve("pid"));
            return code;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A signal to PID 1, from outside its PID namespace (as the runtime sends it). */
    void signal(String signal) {
        if (pid1 > 0) {
            Shell.tryRun("kill", "-" + signal, Long.toString(pid1));
        }
    }

    /**
     * Runs a command in the container as kubectl exec does; {@code extraEnv} adds variables (the lab's oracle only).
     */
    Shell.Result exec(List<String> command, Map<String, String> extraEnv, String stdin, Duration timeout) {
        List<String> full = new ArrayList<>(List.of("/bin/bash", execScript.toString(), specDir.toString()));
        extraEnv.forEach((key, value) -> full.addAll(List.of("--env", key + "=" + value)));
        full.add("--");
        full.addAll(command);
        return Shell.tryRun(full, Map.of(), stdin, timeout);
    }

    @Override
    public String toString() {
        return name + "(pid " + pid1 + ")";
    }
}
