package io.galeragen.core.render;

import io.galeragen.core.model.GaleraCluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** Derives the template view of a cluster: names, labels, peer addresses, provider options. */
final class ViewFactory {

    static final String APP_NAME = "mariadb-galera";
    static final String MANAGED_BY = "galera-gen";

    private ViewFactory() {
    }

    static ClusterView viewOf(GaleraCluster cluster) {
        Names names = Names.of(cluster.name());
        Map<String, String> selector = new TreeMap<>(Map.of(
                "app.kubernetes.io/name", APP_NAME,
                "app.kubernetes.io/instance", cluster.name()));
        // The user's labels first, so the standard ones (which selectors depend on) always win.
        Map<String, String> labels = new TreeMap<>(cluster.labels());
        labels.putAll(selector);
        labels.put("app.kubernetes.io/component", "database");
        labels.put("app.kubernetes.io/managed-by", MANAGED_BY);

        String serviceDomain = cluster.namespace() + ".svc." + cluster.clusterDomain();
        List<String> peers = IntStream.range(0, cluster.replicas())
                .mapToObj(ordinal -> names.statefulSet() + "-" + ordinal + "." + names.peerService() + "." + serviceDomain)
                .toList();
        return new ClusterView(cluster, names, labels, selector, cluster.sortedAnnotations(), cluster.wsrepEnabled(),
                "gcomm://" + String.join(",", peers), peers, names.readyService() + "." + serviceDomain,
                providerOptions(cluster), List.of(), "");
    }

    private static String providerOptions(GaleraCluster cluster) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("gcache.size", cluster.galera().gcacheSize());
        // pc.recovery lets members that all come back reform the primary component by themselves.
        options.put("pc.recovery", "TRUE");
        options.putAll(cluster.galera().sortedProviderOptions());
        StringJoiner joined = new StringJoiner(";");
        options.forEach((key, value) -> joined.add(key + "=" + value));
        return joined.toString();
    }
}
