package io.galeragen.maven;

import io.galeragen.core.output.DriftCheck;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when the manifests in {@code outputDirectory} differ from what {@code generate} would write
 * (for output committed to a GitOps repository), listing each changed, missing or extra file. Writes nothing.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractOutputMojo {

    @Override
    void run() throws MojoFailureException {
        List<DriftCheck.Drift> drift = generator().check(request());
        String folder = display(outputDirectory);
        if (!drift.isEmpty()) {
            throw new MojoFailureException(drift.size() + " file(s) in " + folder
                    + " differ from what galera:generate would write:\n"
                    + drift.stream().map(CheckMojo::describe).collect(Collectors.joining("\n"))
                    + "\nRun mvn galera:generate with the same configuration and commit the result.");
        }
        getLog().info("galera: " + folder + " is up to date");
    }

    /** {@code - galera.yaml (changed)} and, for a changed file, its diff indented below it. */
    private static String describe(DriftCheck.Drift file) {
        return "  - " + file
                + (file.diff().isEmpty()
                        ? ""
                        : "\n"
                                + file.diff()
                                        .lines()
                                        .map(line -> "      " + line)
                                        .collect(Collectors.joining("\n")));
    }
}
