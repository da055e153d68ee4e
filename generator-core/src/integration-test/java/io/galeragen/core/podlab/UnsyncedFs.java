package io.galeragen.core.podlab;

import io.galeragen.core.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One mounted unsynced-fs (src/integration-test/lab/unsynced-fs): a FUSE layer over a backing directory that
 * loses, on {@link #cut()}, what a power cut would lose. Built once per JVM with make, into target/.
 */
final class UnsyncedFs implements AutoCloseable {

    static final Path SOURCES = moduleDir().resolve("src/integration-test/lab/unsynced-fs");
    private static final Path BUILD = moduleDir().resolve("target/unsynced-fs");
    private static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);
    private static Path binary;

    private final Path mountpoint;
    private final Path stdout;
    private final Process process;

    private UnsyncedFs(Path mountpoint, Path stdout, Process process) {
        this.mountpoint = mountpoint;
        this.stdout = stdout;
        this.process = process;
    }

    /** Skips the test outside CI, fails it in CI, when this machine cannot run the layer. */
    static void requirePrerequisites() {
        ExternalTool.requireRoot("mounting a FUSE filesystem with allow_other");
        ExternalTool.requireFiles(
                List.of("/dev/fuse", "/usr/include/fuse3/fuse.h", "/usr/bin/make", "/usr/bin/cc"),
                "fuse3 libfuse3-dev make gcc");
    }

    /** make -C SOURCES O=target/unsynced-fs: compiles only when a source changed. */
    static synchronized Path build() {
        if (binary == null) {
            run(Duration.ofMinutes(2), "make", "-s", "-C", SOURCES.toString(), "O=" + BUILD);
            binary = BUILD.resolve("unsynced-fs");
        }
        return binary;
    }

    static UnsyncedFs mount(Path backing, Path mountpoint, Duration expire, Duration commit, Path log) {
        try {
            Files.createDirectories(backing);
            Files.createDirectories(mountpoint);
            Path out = log.resolveSibling(log.getFileName() + ".out");
            List<String> command = List.of(
                    build().toString(),
                    backing.toString(),
                    mountpoint.toString(),
                    "--expire-seconds",
                    seconds(expire),
                    "--commit-seconds",
                    seconds(commit),
                    "--log",
                    log.toString());
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(
                            log.resolveSibling(log.getFileName() + ".err").toFile()))
                    .start();
            UnsyncedFs layer = new UnsyncedFs(mountpoint, out, process);
            layer.awaitMounted();
            return layer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UnsyncedFs mount(Path backing, Path mountpoint, Path log) {
        return mount(backing, mountpoint, Duration.ofSeconds(30), Duration.ofSeconds(5), log);
    }

    Path mountpoint() {
        return mountpoint;
    }

    long pid() {
        return process.pid();
    }

    /** Power cut: BACKING goes back to what was durable. Returns the layer's one-line summary. */
    String cut() {
        run(Duration.ofSeconds(10), "kill", "-USR1", Long.toString(process.pid()));
        return awaitExit();
    }

    /** Clean unmount: everything written is durable. Returns the layer's one-line summary. */
    String stop() {
        process.destroy();
        return awaitExit();
    }

    /** Peak resident memory of the layer process, in KiB. */
    long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("no VmHWM for " + process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            awaitExit();
        }
        if (isMounted(mountpoint)) {
            run(Duration.ofSeconds(10), "umount", "-l", mountpoint.toString());
        }
    }

    private String awaitExit() {
        try {
            if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("unsynced-fs on " + mountpoint + " did not exit in " + EXIT_TIMEOUT);
            }
            String summary = Files.readString(stdout).strip();
            if (process.exitValue() != 0) {
                throw new IllegalStateException("unsynced-fs exited " + process.exitValue() + ": " + summary);
            }
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitMounted() {
        Instant deadline = Instant.now().plus(MOUNT_TIMEOUT);
        while (!isMounted(mountpoint)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new IllegalStateException("unsynced-fs did not mount " + mountpoint + " (exit "
                        + (process.isAlive() ? "none" : process.exitValue()) + "); see the .err file beside its log");
            }
            pause(Duration.ofMillis(50));
        }
    }

    static boolean isMounted(Path mountpoint) {
        try {
            String target = " " + mountpoint.toAbsolutePath() + " ";
            return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().anyMatch(line -> line.contains(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String seconds(Duration duration) {
        return Double.toString(duration.toMillis() / 1000.0);
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command to its end (bounded), failing with its output if it fails. */
    static String run(Duration timeout, String... command) {
        try {
            Path output = Files.createTempFile("unsynced-fs-command", ".out");
            try {
                Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                        .redirectErrorStream(true)
                        .redirectOutput(output.toFile())
                        .start();
                process.getOutputStream().close();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(
                            String.join(" ", command) + " exited " + process.exitValue() + ": " + text);
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
