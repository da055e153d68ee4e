package io.galeragen.maven;

import io.galeragen.core.GenerationRequest;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;
import io.galeragen.core.output.Layout;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;

/** The goals that write or compare an output folder: its place, layout and extras, mapped to one core request. */
abstract class AbstractOutputMojo extends AbstractGaleraMojo {

    /** The folder the manifests are written into (generate) or compared with (check). */
    @Parameter(property = "galera.outputDirectory", defaultValue = "${project.build.directory}/galera")
    File outputDirectory;

    /** {@code single}: one multi-document galera.yaml; {@code per-resource}: one file per resource and a kustomization.yaml. */
    @Parameter(property = "galera.layout", defaultValue = "single")
    String layout;

    /** Also write values.schema.json into the output folder, for editors. */
    @Parameter(property = "galera.writeValuesSchema", defaultValue = "false")
    boolean writeValuesSchema;

    GenerationRequest request() {
        Layout chosen = Layout.fromValue(layout).orElseThrow(() -> new GaleraGenException(
                Problem.badValue("<layout>", layout, "single or per-resource")));
        return new GenerationRequest(valuesSources(), outputDirectory.toPath(), chosen, writeValuesSchema, null);
    }
}
