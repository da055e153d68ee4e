package io.galeragen.bench;

import io.galeragen.core.model.GaleraCluster;
import java.util.Map;

/** The clusters the benchmarks render. */
final class Clusters {

    private Clusters() {}

    /** The default cluster with {@code replicas} members. */
    static GaleraCluster of(int replicas) {
        return GaleraCluster.builder()
                .name("orders")
                .namespace("shop")
                .replicas(replicas)
                .build();
    }

    /** The i-th of a batch of distinct clusters: name, namespace, size (1..9, odd) and labels all vary. */
    static GaleraCluster distinct(int i) {
        return GaleraCluster.builder()
                .name("db-" + i)
                .namespace("team-" + (i % 37))
                .replicas(1 + 2 * (i % 5))
                .labels(Map.of("cost-center", "cc-" + (i % 11), "tier", i % 2 == 0 ? "gold" : "silver"))
                .build();
    }
}
