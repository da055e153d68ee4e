package io.galeragen.core;

import java.util.List;

/**
 * The outcome of a generate that {@link GaleraGenerator#upToDate} found unchanged.
 *
 * @param clusterName the cluster's name
 * @param documents   how many documents it rendered
 * @param warnings    the warnings it printed, to print again
 */
public record UpToDate(String clusterName, int documents, List<String> warnings) {
    public UpToDate {
        warnings = List.copyOf(warnings);
    }
}
