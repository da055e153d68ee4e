package io.galeragen.core;

import io.galeragen.core.output.Manifest;
import io.galeragen.core.output.RequiredSecrets;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one render produced.
 *
 * @param manifests    the documents in install order
 * @param combinedYaml all documents as one multi-document YAML text
 * @param warnings     things that render but deserve a second look (e.g. a cluster that loses quorum with one zone)
 * @param tools        files to keep beside the manifests, by file name: the {@code galera-recover} helper a person
 *                     runs with kubectl when the cluster waits for a decision
 * @param secrets      the Secrets the manifests refer to, which must exist before the pods can start
 */
public record Rendering(
        List<Manifest> manifests,
        String combinedYaml,
        List<String> warnings,
        SortedMap<String, String> tools,
        RequiredSecrets secrets) {

    public Rendering {
        manifests = List.copyOf(manifests);
        warnings = List.copyOf(warnings);
        tools = Collections.unmodifiableSortedMap(new TreeMap<>(tools));
    }
}
