package io.galeragen.core;

import io.galeragen.core.output.Layout;
import io.galeragen.core.values.ValuesSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to generate and where: Helm-style values layers (applied in order over the model's defaults, the last
 * one winning), the output folder and its layout. Used by {@link GaleraGenerator#generate} and
 * {@link GaleraGenerator#check}.
 *
 * @param values            values layers, lowest first: files, then inline values, then {@code --set} settings
 * @param outputDirectory   the folder the files are written into (created when missing)
 * @param layout            one multi-document file, or one file per resource plus a kustomization.yaml
 * @param writeValuesSchema whether {@code values.schema.json} is written next to the manifests, for editors
 * @param stateFile         where generate records what it read and wrote, for {@link GaleraGenerator#upToDate};
 *                          null for none. Keep it out of the output folder (a build folder, not Git).
 */
public record GenerationRequest(List<ValuesSource> values, Path outputDirectory, Layout layout,
                                boolean writeValuesSchema, Path stateFile) {

    public GenerationRequest {
        values = List.copyOf(values);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(layout, "layout");
    }

    /** Values layers into one multi-document file in {@code outputDirectory}, without the schema. */
    public static GenerationRequest of(List<ValuesSource> values, Path outputDirectory) {
        return new GenerationRequest(values, outputDirectory, Layout.SINGLE, false, null);
    }

    public GenerationRequest withLayout(Layout newLayout) {
        return new GenerationRequest(values, outputDirectory, newLayout, writeValuesSchema, stateFile);
    }

    public GenerationRequest withValuesSchema(boolean write) {
        return new GenerationRequest(values, outputDirectory, layout, write, stateFile);
    }

    public GenerationRequest withStateFile(Path file) {
        return new GenerationRequest(values, outputDirectory, layout, writeValuesSchema, file);
    }
}
