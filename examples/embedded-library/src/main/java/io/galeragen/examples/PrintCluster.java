package io.galeragen.examples;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Rendering;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.values.ValuesSource;
import java.util.List;

/**
 * Renders a Galera cluster with the library API and prints the manifests, ready for {@code kubectl apply -f -}.
 * Two ways to describe the cluster: the typed builder, or Helm-style values (here a {@code --set} string, e.g.
 * from the program's arguments).
 */
public final class PrintCluster {

    private PrintCluster() {}

    /** The cluster this example renders: three members with bigger disks, in its own namespace. */
    static GaleraCluster cluster(String... settings) {
        if (settings.length > 0) {
            return GaleraGenerator.cluster(List.of(ValuesSource.settings(String.join(",", settings), "arguments")));
        }
        GaleraCluster defaults = GaleraCluster.defaults();
        return GaleraCluster.builder()
                .name("inventory-db")
                .namespace("inventory")
                .replicas(3)
                .storage(defaults.storage().withSize("30Gi"))
                .build();
    }

    static Rendering render(GaleraCluster cluster) {
        return GaleraGenerator.builder().build().render(cluster);
    }

    /** @param args optional settings such as {@code replicas=5 storage.size=50Gi} instead of the built-in cluster */
    public static void main(String[] args) {
        Rendering rendering = render(cluster(args));
        rendering.warnings().forEach(warning -> System.err.println("warning: " + warning));
        System.out.print(rendering.combinedYaml());
    }
}
