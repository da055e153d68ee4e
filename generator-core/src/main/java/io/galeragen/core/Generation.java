package io.galeragen.core;

import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.output.DriftCheck;
import io.galeragen.core.output.Notes;
import io.galeragen.core.output.OutputFiles;
import io.galeragen.core.output.OutputWriter;
import io.galeragen.core.values.Values;
import io.galeragen.core.values.ValuesSchema;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Values to files, for {@link GaleraGenerator}: resolve, render and check everything first, and only then touch
 * the output folder, so a bad input never leaves half an output behind.
 */
final class Generation {

    private final Function<GaleraCluster, Rendering> render;
    private final GenerationState state;

    Generation(Function<GaleraCluster, Rendering> render, GenerationState state) {
        this.render = render;
        this.state = state;
    }

    Generated generate(GenerationRequest request) {
        GaleraCluster cluster = Values.resolve(request.values());
        Rendering rendering = render.apply(cluster);
        SortedMap<String, String> files = files(request, cluster, rendering);
        OutputWriter.Report report = OutputWriter.write(request.outputDirectory(), files);
        if (request.valuesSchemaFile() != null) {
            OutputWriter.writeFile(request.valuesSchemaFile(), ValuesSchema.json());
        }
        Generated generated = new Generated(cluster, rendering, report);
        state.record(request, generated, files);
        return generated;
    }

    List<DriftCheck.Drift> check(GenerationRequest request) {
        GaleraCluster cluster = Values.resolve(request.values());
        return DriftCheck.compare(request.outputDirectory(), files(request, cluster, render.apply(cluster)));
    }

    private static SortedMap<String, String> files(
            GenerationRequest request, GaleraCluster cluster, Rendering rendering) {
        SortedMap<String, String> files = OutputFiles.of(rendering.manifests(), request.layout());
        files.putAll(rendering.tools());
        files.put(Notes.FILE_NAME, Notes.text(cluster, rendering.secrets(), request.layout()));
        return files;
    }
}
