package io.galeragen.maven;

import io.galeragen.core.GenerationRequest;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import io.galeragen.core.output.Layout;
import io.galeragen.core.values.ValuesSchema;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that write or compare an output folder: its place, layout and extras, mapped to one core request. */
abstract class AbstractOutputMojo extends AbstractGaleraMojo {

    /** The folder the manifests are written into (generate) or compared with (check). */
    @Parameter(property = "galera.outputDirectory", defaultValue = "${project.build.directory}/galera")
    File outputDirectory;

    /** {@code single}: one multi-document galera.yaml; {@code per-resource}: one file per resource and a kustomization.yaml. */
    @Parameter(property = "galera.layout", defaultValue = "single")
    String layout;

    /**
     * Also write values.schema.json, the values files' JSON Schema for editors, beside the first values file (where
     * Helm keeps it; the project folder when there is none). Never into the output folder: {@code kubectl apply -f}
     * would read it as a manifest.
     */
    @Parameter(property = "galera.writeValuesSchema", defaultValue = "false")
    boolean writeValuesSchema;

    GenerationRequest request() {
        Layout chosen = Layout.fromValue(layout)
                .orElseThrow(() ->
                        new GaleraGenException(Problem.badValue(Input.LAYOUT, "", layout, "single or per-resource")));
        return new GenerationRequest(
                valuesSources(), outputDirectory.toPath(), chosen, writeValuesSchema ? valuesSchemaFile() : null, null);
    }

    private Path valuesSchemaFile() {
        File besideValues = valuesFiles.isEmpty()
                ? basedir
                : valuesFiles.get(0).getAbsoluteFile().getParentFile();
        return besideValues.toPath().resolve(ValuesSchema.FILE_NAME);
    }
}
