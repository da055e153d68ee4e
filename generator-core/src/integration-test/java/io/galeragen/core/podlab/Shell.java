package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the host's commands (ip, iptables, nsenter, mount …) for the lab, always bounded in time. */
public final class Shell {

    /** What a finished command left. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    private Shell() {}

    /** Runs a command; its output (stdout and stderr) is returned, a non-zero exit is an IllegalStateException. */
    public static String run(String... command) {
        Result result = tryRun(List.of(command), Map.of(), null, DEFAULT_TIMEOUT);
        if (!result.ok()) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exitCode() + "): "
                    + result.output().strip());
        }
        return result.output();
    }

    /** Runs a command, whatever its exit status. */
    public static Result tryRun(String... command) {
        return tryRun(List.of(command), Map.of(), null, DEFAULT_TIMEOUT);
    }

    /**
     * Runs a command with extra environment and optional stdin; past the timeout it is killed and reported as exit
     * code 124, as timeout(1) does.
     */
    public static Result tryRun(List<String> command, Map<String, String> env, String stdin, Duration timeout) {
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            StreamCollector output = StreamCollector.start(process.getInputStream());
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor();
                return new Result(124, output.text() + "\n(killed after " + timeout + ")");
            }
            return new Result(process.exitValue(), output.text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** Starts a long-running command with its output appended to a log file. */
    public static Process start(List<String> command, Path log) {
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(
                            ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
