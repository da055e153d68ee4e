package io.galeragen.core;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs a command-line tool the tests need (promtool, shellcheck). Where the tool is missing the test is skipped on a
 * developer's machine but fails in CI ({@code CI=true}), whose .ci/run installs it.
 */
public final class ExternalTool {

    public record Result(int exitCode, String output) {}

    private static final java.util.Set<String> TOLD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ExternalTool() {}

    public static void require(String tool, String debianPackage) {
        boolean present;
        try {
            present = run(Path.of("."), List.of(tool, "--version")).exitCode() == 0;
        } catch (IllegalStateException e) {
            present = false;
        }
        if (!present) {
            missing(tool + " is not installed", debianPackage);
        }
    }

    /** Files a test runs (a server, a library): each must exist. */
    public static void requireFiles(List<String> paths, String debianPackages) {
        List<String> absent =
                paths.stream().filter(path -> !Files.exists(Path.of(path))).toList();
        if (!absent.isEmpty()) {
            missing("missing " + absent, debianPackages);
        }
    }

    /** Tests that mount filesystems or switch users run as root, as CI does. */
    public static void requireRoot(String why) {
        if (!"root".equals(System.getProperty("user.name"))) {
            unavailable(why + " needs root");
        }
    }

    private static void missing(String what, String debianPackages) {
        unavailable(what + " (apt-get install " + debianPackages + ")");
    }

    /**
     * Skips the calling test for want of something optional (a tool, root, the full schemas), saying so in one line
     * of the build's output the first time; fails it in CI ({@code CI=true}), which has everything.
     */
    public static void unavailable(String message) {
        if ("true".equals(System.getenv("CI"))) {
            fail(message + ": CI must run this check");
        }
        if (TOLD.add(message)) {
            System.out.println("[skipped outside CI] " + message);
        }
        Assumptions.abort(message + "; skipped outside CI");
    }

    public static Result run(Path directory, List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in 120 s");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
