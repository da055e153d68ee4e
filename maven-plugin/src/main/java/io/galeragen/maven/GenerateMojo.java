package io.galeragen.maven;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Generated;
import io.galeragen.core.GenerationRequest;
import io.galeragen.core.UpToDate;
import io.galeragen.core.output.Notes;
import io.galeragen.core.output.OutputWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the cluster described by the values into Kubernetes manifests in {@code outputDirectory}. Everything is
 * resolved, rendered and checked before a file is touched; only files whose bytes change are written, and files
 * generated earlier and no longer generated are removed. A run whose inputs and files are unchanged since the last
 * one is skipped (see {@code force}).
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractOutputMojo {

    /**
     * Generates even when the last run's inputs and outputs are unchanged. Without it, a run whose values, settings,
     * template overrides and galera-gen version match the state recorded under {@code stateDirectory}, and whose
     * output files are as it wrote them, writes nothing and says so.
     */
    @Parameter(property = "galera.force", defaultValue = "false")
    boolean force;

    /** Where the up-to-date check keeps its state (one file per output folder); a build folder, not Git. */
    @Parameter(property = "galera.stateDirectory", defaultValue = "${project.build.directory}/galera-gen")
    File stateDirectory;

    @Override
    void run() {
        GaleraGenerator generator = generator();
        GenerationRequest request = request().withStateFile(stateFile());
        Optional<UpToDate> upToDate = force ? Optional.empty() : generator.upToDate(request);
        if (upToDate.isPresent()) {
            upToDate.get().warnings().forEach(warning -> getLog().warn("galera: " + warning));
            getLog().info("galera: " + upToDate.get().documents() + " documents for cluster "
                    + upToDate.get().clusterName() + " in " + display(outputDirectory)
                    + " are up to date (inputs and files unchanged; -Dgalera.force=true generates anyway); the Secrets"
                    + " to create are in "
                    + display(outputDirectory.toPath().resolve(Notes.FILE_NAME).toFile()));
            return;
        }
        Generated generated = generator.generate(request);
        generated.rendering().warnings().forEach(warning -> getLog().warn("galera: " + warning));
        OutputWriter.Report files = generated.files();
        getLog().info("galera: " + generated.rendering().manifests().size() + " documents for cluster "
                + generated.cluster().name() + " in " + display(outputDirectory) + " ("
                + files.written().size()
                + " written, " + files.unchanged().size() + " unchanged, "
                + files.removed().size() + " removed), valid"
                + " for " + generator.validation());
        String notes = display(outputDirectory.toPath().resolve(Notes.FILE_NAME).toFile());
        getLog().info("galera: next steps, also in " + notes + ":");
        Notes.secretsSection(generated.rendering().secrets())
                .lines()
                .forEach(line -> getLog().info(line.isEmpty() ? "" : "  " + line));
    }

    /** One state file per output folder, so executions writing different folders keep their own. */
    private Path stateFile() {
        String folder = outputDirectory.toPath().toAbsolutePath().normalize().toString();
        String id = UUID.nameUUIDFromBytes(folder.getBytes(StandardCharsets.UTF_8))
                .toString()
                .substring(0, 8);
        return stateDirectory.toPath().resolve("generate-" + outputDirectory.getName() + "-" + id + ".state");
    }
}
