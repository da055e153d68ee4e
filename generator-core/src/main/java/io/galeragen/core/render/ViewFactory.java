package io.galeragen.core.render;

import io.galeragen.core.model.CephRbd;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.NetworkPolicySpec;
import io.galeragen.core.model.Placement;
import io.galeragen.core.model.Topology;
import java.util.ArrayList;
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
    static final String ARBITRATOR_APP_NAME = "mariadb-galera-arbitrator";
    /**
     * Galera's replication port on every address family: its default, tcp://0.0.0.0, leaves an IPv6-only pod
     * unreachable, while [::] also accepts IPv4 peers (Linux dual-stack sockets, even with IPv6 disabled by sysctl).
     */
    static final String GCOMM_LISTEN_ADDRESS = "tcp://[::]:4567";
    /** Where the replication certificate is mounted (tls.crt, tls.key, ca.crt). */
    static final String TLS_DIR = "/etc/galera-tls";

    private ViewFactory() {}

    static ClusterView viewOf(GaleraCluster cluster) {
        Names names = Names.of(cluster.name());
        Map<String, String> selector = selector(APP_NAME, cluster);
        Map<String, String> labels = labels(cluster, selector, "database");

        String serviceDomain = cluster.namespace() + ".svc." + cluster.clusterDomain();
        List<String> peers = IntStream.range(0, cluster.replicas())
                .mapToObj(ordinal ->
                        names.statefulSet() + "-" + ordinal + "." + names.peerService() + "." + serviceDomain)
                .toList();
        String clusterAddress = "gcomm://" + String.join(",", peers);
        ArbitratorView arbitrator = cluster.arbitratorEnabled() ? arbitrator(cluster, clusterAddress) : null;
        PodEnv env = PodEnv.of(cluster, clusterAddress, peers);
        return new ClusterView(
                cluster,
                names,
                labels,
                selector,
                cluster.sortedAnnotations(),
                cluster.wsrepEnabled(),
                clusterAddress,
                providerOptions(cluster),
                List.of(),
                "",
                scheduling(cluster.topology()),
                storageClass(cluster),
                monitoring(cluster, labels, selector),
                networkPolicy(cluster, selector, arbitrator),
                arbitrator,
                env,
                MemberPodView.of(cluster, env));
    }

    /** The immutable labels a workload's selector matches. */
    private static Map<String, String> selector(String appName, GaleraCluster cluster) {
        return new TreeMap<>(Map.of("app.kubernetes.io/name", appName, "app.kubernetes.io/instance", cluster.name()));
    }

    /** The user's labels first, so the standard ones (which selectors depend on) always win. */
    private static Map<String, String> labels(GaleraCluster cluster, Map<String, String> selector, String component) {
        Map<String, String> labels = new TreeMap<>(cluster.labels());
        labels.putAll(selector);
        labels.put("app.kubernetes.io/component", component);
        labels.put("app.kubernetes.io/managed-by", MANAGED_BY);
        return labels;
    }

    private static SchedulingView scheduling(Topology topology) {
        String antiAffinity = topology.antiAffinity() == Placement.NONE
                ? null
                : topology.antiAffinity().value();
        String whenUnsatisfiable = switch (topology.zoneSpread()) {
            case REQUIRED -> "DoNotSchedule";
            case PREFERRED -> "ScheduleAnyway";
            case NONE -> null;
        };
        // minDomains makes a required spread count declared zones that have no schedulable node yet, so pods wait
        // rather than double up in the zones that exist. Kubernetes allows it only with DoNotSchedule.
        Integer minDomains =
                topology.zoneSpread() == Placement.REQUIRED && topology.zones().size() > 1
                        ? topology.zones().size()
                        : null;
        return new SchedulingView(
                antiAffinity,
                topology.zones(),
                whenUnsatisfiable,
                minDomains,
                topology.sortedNodeSelector(),
                topology.parsedTolerations(),
                topology.priorityClassName());
    }

    private static StorageClassView storageClass(GaleraCluster cluster) {
        if (!cluster.storageClass().create()) {
            return null;
        }
        CephRbd rbd = cluster.storageClass().cephRbd();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("clusterID", rbd.clusterID());
        parameters.put("pool", rbd.pool());
        if (rbd.dataPool() != null) {
            parameters.put("dataPool", rbd.dataPool());
        }
        parameters.put("imageFeatures", rbd.imageFeatures());
        parameters.put("csi.storage.k8s.io/fstype", rbd.fsType());
        parameters.put(
                "csi.storage.k8s.io/provisioner-secret-name",
                rbd.provisionerSecret().name());
        parameters.put(
                "csi.storage.k8s.io/provisioner-secret-namespace",
                rbd.provisionerSecret().namespace());
        parameters.put(
                "csi.storage.k8s.io/controller-expand-secret-name",
                rbd.controllerExpandSecret().name());
        parameters.put(
                "csi.storage.k8s.io/controller-expand-secret-namespace",
                rbd.controllerExpandSecret().namespace());
        parameters.put(
                "csi.storage.k8s.io/node-stage-secret-name",
                rbd.nodeStageSecret().name());
        parameters.put(
                "csi.storage.k8s.io/node-stage-secret-namespace",
                rbd.nodeStageSecret().namespace());
        return new StorageClassView(
                cluster.storage().storageClassName(),
                rbd.provisioner(),
                parameters,
                cluster.storageClass().reclaimPolicy(),
                cluster.storageClass().allowVolumeExpansion(),
                cluster.storageClass().volumeBindingMode());
    }

    private static MonitoringView monitoring(
            GaleraCluster cluster, Map<String, String> labels, Map<String, String> selector) {
        Map<String, String> metricsLabels = new TreeMap<>(labels);
        metricsLabels.put("app.kubernetes.io/component", "metrics");
        Map<String, String> metricsSelector = new TreeMap<>(selector);
        metricsSelector.put("app.kubernetes.io/component", "metrics");
        Map<String, String> objectLabels = new TreeMap<>(cluster.monitoring().labels());
        objectLabels.putAll(labels);
        return new MonitoringView(
                cluster.name() + "-metrics",
                metricsLabels,
                metricsSelector,
                objectLabels,
                cluster.name(),
                cluster.name() + "-galera",
                "galera-" + cluster.namespace() + "-" + cluster.name(),
                AlertRule.galeraAlerts(cluster));
    }

    private static NetworkPolicyView networkPolicy(
            GaleraCluster cluster, Map<String, String> selector, ArbitratorView arbitrator) {
        NetworkPolicySpec spec = cluster.networkPolicy();
        List<Map<String, String>> peers = new ArrayList<>();
        peers.add(selector);
        if (arbitrator != null) {
            peers.add(arbitrator.selector());
        }
        return new NetworkPolicyView(
                cluster.name(),
                spec.sortedClientPodLabels(),
                spec.sortedClientNamespaceLabels(),
                peers,
                cluster.exporter().enabled() ? spec.monitoringNamespace() : null);
    }

    private static ArbitratorView arbitrator(GaleraCluster cluster, String clusterAddress) {
        Map<String, String> selector = selector(ARBITRATOR_APP_NAME, cluster);
        Map<String, String> labels = labels(cluster, selector, "arbitrator");
        // Part of the cluster, unless the user's labels already say what the whole belongs to.
        labels.putIfAbsent("app.kubernetes.io/part-of", cluster.name());
        List<String> args = new ArrayList<>();
        args.add("--address=" + clusterAddress);
        args.add("--group=" + cluster.name());
        args.add("--name=" + cluster.name() + "-arbitrator");
        StringJoiner options = new StringJoiner(";");
        options.add("gmcast.listen_addr=" + GCOMM_LISTEN_ADDRESS);
        // Like the members: a restarted arbitrator joins the members' component, it never restores an old view.
        options.add("pc.recovery=FALSE");
        tlsOptions(cluster).forEach((key, value) -> options.add(key + "=" + value));
        // The arbitrator must detect failures and agree on views with the same timeouts as the members: with
        // different evs settings the survivors of a failure can form separate non-primary components.
        cluster.galera().sortedProviderOptions().forEach((key, value) -> {
            if (!key.startsWith("gcache.") && !key.startsWith("ist.")) {
                options.add(key + "=" + value);
            }
        });
        args.add("--options=" + options);
        return new ArbitratorView(
                cluster.name() + "-arbitrator", labels, selector, args, CheckovWaivers.arbitrator(cluster));
    }

    private static Map<String, String> tlsOptions(GaleraCluster cluster) {
        Map<String, String> options = new LinkedHashMap<>();
        if (cluster.tls().enabled()) {
            options.put("socket.ssl_cert", TLS_DIR + "/tls.crt");
            options.put("socket.ssl_key", TLS_DIR + "/tls.key");
            options.put("socket.ssl_ca", TLS_DIR + "/ca.crt");
        }
        return options;
    }

    private static String providerOptions(GaleraCluster cluster) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("gcache.size", cluster.effectiveGcacheSize());
        // Off: after an outage the members' own plan (init.sh, recovery-plan.sh) decides who bootstraps, from every
        // member's position. A restored view would wait for its members forever, ignoring SIGTERM (docs/recovery.md).
        options.put("pc.recovery", "FALSE");
        options.put("gmcast.listen_addr", GCOMM_LISTEN_ADDRESS);
        options.putAll(tlsOptions(cluster));
        options.putAll(cluster.galera().sortedProviderOptions());
        StringJoiner joined = new StringJoiner(";");
        options.forEach((key, value) -> joined.add(key + "=" + value));
        return joined.toString();
    }
}
