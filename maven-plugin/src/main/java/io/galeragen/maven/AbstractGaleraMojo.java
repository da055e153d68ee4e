package io.galeragen.maven;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.values.ValuesFiles;
import io.galeragen.core.values.ValuesSource;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the values layers, templates and schema locations, mapped to the core. Core problems become a build failure whose message names the POM element or the file and line;
 * a user's mistake never shows a stack trace.
 */
abstract class AbstractGaleraMojo extends AbstractMojo {

    /** Skips the goal (one log line). */
    @Parameter(property = "galera.skip", defaultValue = "false")
    boolean skip;

    /** Values files (YAML), applied in order over the defaults: the rightmost wins. */
    @Parameter(property = "galera.valuesFiles")
    List<File> valuesFiles = new ArrayList<>();

    /**
     * Inline values as YAML, applied after the values files, e.g.
     * {@code <values>replicas: 5</values>}; indentation is taken relative to the first line.
     */
    @Parameter(property = "galera.values")
    String values;

    /**
     * Helm {@code --set} settings, applied last: {@code -Dgalera.set=replicas=5,storage.size=20Gi}. Lists by index
     * ({@code storage.accessModes[0]=ReadWriteOnce}) or whole as a comma list; {@code \,} for a literal comma.
     */
    @Parameter(property = "galera.set")
    String set;

    /** A folder whose files replace the built-in templates of the same name. */
    @Parameter(property = "galera.templatesDirectory")
    File templatesDirectory;

    /**
     * Where Kubernetes JSON schemas are found, as kubeconform's {@code -schema-location}: a folder in kubeconform's
     * layout or a path/URL template, tried in order, then the schemas bundled with galera-gen (the kinds it renders,
     * Kubernetes 1.28 to 1.36). Needed only for other versions or kinds.
     */
    @Parameter(property = "galera.schemaLocations")
    List<String> schemaLocations = new ArrayList<>();

    /**
     * Kubernetes versions the documents are validated against, e.g. {@code 1.35}. None: the three newest versions
     * whose schemas galera-gen carries (1.34, 1.35, 1.36). Without {@code schemaLocations}, a version whose schemas
     * are not bundled is an error.
     */
    @Parameter(property = "galera.kubernetesVersions")
    List<String> kubernetesVersions = new ArrayList<>();

    /** Where schemas fetched from a URL are cached. None: the library's, {@code ~/.cache/galera-gen/schemas}. */
    @Parameter(property = "galera.schemaCache")
    File schemaCache;

    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    File basedir;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("galera: skipped (galera.skip=true)");
            return;
        }
        try {
            run();
        } catch (GaleraGenException e) {
            throw new MojoFailureException(PomElements.describe(e.problems()));
        } catch (RuntimeException e) {
            // Not the user's mistake: keep the stack trace for the bug report.
            throw new MojoExecutionException("galera-gen failed unexpectedly: " + e, e);
        }
    }

    abstract void run() throws MojoFailureException;

    GaleraGenerator generator() {
        GaleraGenerator.Builder builder = GaleraGenerator.builder()
                .templateOverrides(templatesDirectory == null ? null : templatesDirectory.toPath())
                .schemaLocations(schemaLocations);
        if (schemaCache != null) {
            builder.schemaCache(schemaCache.toPath());
        }
        if (!kubernetesVersions.isEmpty()) {
            builder.kubernetesVersions(kubernetesVersions);
        }
        return builder.build();
    }

    /** Files, then {@code <values>}, then {@code -Dgalera.set}: the order in which they win. */
    List<ValuesSource> valuesSources() {
        List<ValuesSource> sources = new ArrayList<>();
        List<Problem> missing = new ArrayList<>();
        for (File file : valuesFiles) {
            if (!file.exists()) {
                missing.add(new Problem(Input.VALUES_FILE, display(file), ValuesFiles.missing(file.toPath())));
            }
            sources.add(ValuesSource.file(file.toPath(), display(file)));
        }
        if (!missing.isEmpty()) {
            throw new GaleraGenException(missing);
        }
        if (values != null && !values.isBlank()) {
            sources.add(ValuesSource.yaml(InlineYaml.dedent(values), PomElements.VALUES));
        }
        if (set != null && !set.isBlank()) {
            sources.add(ValuesSource.settings(set, PomElements.SET));
        }
        return sources;
    }

    /** A path as the user would write it: relative to the project when inside it. */
    String display(File file) {
        Path path = file.toPath().toAbsolutePath().normalize();
        Path base = basedir.toPath().toAbsolutePath().normalize();
        return path.startsWith(base) ? base.relativize(path).toString().replace('\\', '/') : path.toString();
    }
}
