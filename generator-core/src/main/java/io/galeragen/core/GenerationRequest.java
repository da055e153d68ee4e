package io.galeragen.core;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
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
 * @param valuesSchemaFile  where {@code values.schema.json} (the values files' JSON Schema, for editors) is written,
 *                          e.g. beside the values files as Helm keeps it; null for nowhere. Never in the output
 *                          folder, whose every {@code .json} file {@code kubectl apply -f} would read as a manifest
 * @param stateFile         where generate records what it read and wrote, for {@link GaleraGenerator#upToDate};
 *                          null for none. Keep it out of the output folder (a build folder, not Git).
 */
public record GenerationRequest(
        List<ValuesSource> values, Path outputDirectory, Layout layout, Path valuesSchemaFile, Path stateFile) {

    public GenerationRequest {
        values = List.copyOf(values);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Objects.requireNonNull(layout, "layout");
        if (valuesSchemaFile != null
                && valuesSchemaFile
                        .toAbsolutePath()
                        .normalize()
                        .getParent()
                        .equals(outputDirectory.toAbsolutePath().normalize())) {
            throw new GaleraGenException(Problem.badValue(
                    Input.VALUES_SCHEMA_FILE,
                    "",
                    valuesSchemaFile.toString(),
                    "a place outside the output folder: kubectl apply -f would read a .json file there as a manifest"));
        }
    }

    /** Values layers into one multi-document file in {@code outputDirectory}, without the schema. */
    public static GenerationRequest of(List<ValuesSource> values, Path outputDirectory) {
        return new GenerationRequest(values, outputDirectory, Layout.SINGLE, null, null);
    }

    public GenerationRequest withLayout(Layout newLayout) {
        return new GenerationRequest(values, outputDirectory, newLayout, valuesSchemaFile, stateFile);
    }

    /** Also writes the values files' JSON Schema to {@code file} (only when its bytes change). */
    public GenerationRequest withValuesSchemaFile(Path file) {
        return new GenerationRequest(values, outputDirectory, layout, file, stateFile);
    }

    public GenerationRequest withStateFile(Path file) {
        return new GenerationRequest(values, outputDirectory, layout, valuesSchemaFile, file);
    }
}
