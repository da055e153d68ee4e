package io.galeragen.maven;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.GaleraCluster;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks without writing: the values (strictly, against the model), and every document that would be generated
 * (against the Kubernetes JSON schemas of {@code kubernetesVersions}, bundled or from {@code schemaLocations}, and
 * read into its Kubernetes type where no strict schema covers it). With {@code files}, checks those manifest files
 * instead. The output names the versions and where their schemas came from.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractGaleraMojo {

    /** Manifest files (multi-document YAML) to check instead of what would be generated. */
    @Parameter(property = "galera.files")
    List<File> files = new ArrayList<>();

    @Override
    void run() {
        GaleraGenerator generator = generator();
        if (!files.isEmpty()) {
            List<Problem> problems =
                    generator.validateFiles(files.stream().map(File::toPath).toList());
            if (!problems.isEmpty()) {
                throw new GaleraGenException(problems);
            }
            getLog().info("galera: " + files.size() + " file(s) valid for " + generator.validation());
            return;
        }
        GaleraCluster cluster = GaleraGenerator.cluster(valuesSources());
        int documents = generator.render(cluster).manifests().size();
        getLog().info("galera: values and " + documents + " documents of cluster " + cluster.name() + " valid for "
                + generator.validation());
    }
}
