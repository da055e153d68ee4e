package io.galeragen.core.render;

import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;
import java.util.List;
import java.util.Map;

/**
 * Everything a template needs, computed in Java: templates only lay these values out.
 *
 * @param cluster         the model, for plain fields (images, storage, ...)
 * @param names           object names
 * @param labels          labels on every object: the app.kubernetes.io set plus the user's
 * @param selectorLabels  the immutable subset that selects the cluster's pods
 * @param annotations     the user's annotations, sorted
 * @param wsrep           whether Galera replication is on (two or more members)
 * @param clusterAddress  wsrep_cluster_address, every member's stable DNS name
 * @param providerOptions wsrep_provider_options, rendered
 * @param configFiles     files of the ConfigMap, in a stable order (empty while galera.cnf itself renders)
 * @param configHash      hash of the ConfigMap's files; a pod-template annotation, so a change rolls the pods
 * @param scheduling      anti-affinity, zone spread, node selection, tolerations, priority of the members
 * @param storageClass    the generated StorageClass, or {@code null}
 * @param monitoring      metrics Service, ServiceMonitor and PrometheusRule
 * @param networkPolicy   the members' NetworkPolicy
 * @param arbitrator      the garbd Deployment, or {@code null}
 * @param env             the environment of the init and mariadb containers
 * @param memberPod       credentials, sidecar resources, startup bound and checkov waivers of the members' pod
 */
public record ClusterView(
        GaleraCluster cluster,
        Names names,
        Map<String, String> labels,
        Map<String, String> selectorLabels,
        Map<String, String> annotations,
        boolean wsrep,
        String clusterAddress,
        String providerOptions,
        List<ConfigFile> configFiles,
        String configHash,
        SchedulingView scheduling,
        StorageClassView storageClass,
        MonitoringView monitoring,
        NetworkPolicyView networkPolicy,
        ArbitratorView arbitrator,
        PodEnv env,
        MemberPodView memberPod) {

    ClusterView withConfigFiles(List<ConfigFile> files, String hash) {
        return new ClusterView(
                cluster,
                names,
                labels,
                selectorLabels,
                annotations,
                wsrep,
                clusterAddress,
                providerOptions,
                List.copyOf(files),
                hash,
                scheduling,
                storageClass,
                monitoring,
                networkPolicy,
                arbitrator,
                env,
                memberPod);
    }

    /** max_connections, which the memory budget counts on. */
    public int maxConnections() {
        return Defaults.MAX_CONNECTIONS;
    }

    /** innodb_flush_log_at_trx_commit of a Galera member (galera.cnf renders it only when wsrep is on). */
    public int flushLogAtTrxCommit() {
        return Defaults.FLUSH_LOG_AT_TRX_COMMIT;
    }
}
