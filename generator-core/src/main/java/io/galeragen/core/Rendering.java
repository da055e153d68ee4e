package io.galeragen.core;

import io.galeragen.core.output.Manifest;

import java.util.List;

/**
 * What one render produced.
 *
 * @param manifests    the documents in install order
 * @param combinedYaml all documents as one multi-document YAML text
 * @param warnings     things that render but deserve a second look (e.g. a cluster that loses quorum with one zone)
 */
public record Rendering(List<Manifest> manifests, String combinedYaml, List<String> warnings) {

    public Rendering {
        manifests = List.copyOf(manifests);
        warnings = List.copyOf(warnings);
    }
}
