package io.galeragen.maven;

import io.galeragen.core.Generated;
import io.galeragen.core.output.OutputWriter;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Renders the cluster described by the values into Kubernetes manifests in {@code outputDirectory}. Everything is
 * resolved, rendered and checked before a file is touched; only files whose bytes change are written, and files
 * generated earlier and no longer generated are removed.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class GenerateMojo extends AbstractOutputMojo {

    @Override
    void run() {
        Generated generated = generator().generate(request());
        generated.rendering().warnings().forEach(warning -> getLog().warn("galera: " + warning));
        OutputWriter.Report files = generated.files();
        getLog().info("galera: " + generated.rendering().manifests().size() + " documents for cluster "
                + generated.cluster().name() + " in " + display(outputDirectory) + " (" + files.written().size()
                + " written, " + files.unchanged().size() + " unchanged, " + files.removed().size() + " removed)");
    }
}
