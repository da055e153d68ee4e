package io.galeragen.core.output;

import java.util.Comparator;
import java.util.List;

/**
 * The order in which documents are written and applied: what others depend on first (Helm's install order),
 * then by name. The order never depends on the order templates happen to be listed in.
 */
public final class InstallOrder {

    private static final List<String> KINDS = List.of(
            "Namespace",
            "NetworkPolicy",
            "ResourceQuota",
            "LimitRange",
            "PriorityClass",
            "PodDisruptionBudget",
            "ServiceAccount",
            "Secret",
            "ConfigMap",
            "StorageClass",
            "PersistentVolume",
            "PersistentVolumeClaim",
            "ClusterRole",
            "ClusterRoleBinding",
            "Role",
            "RoleBinding",
            "Service",
            "DaemonSet",
            "Pod",
            "ReplicaSet",
            "Deployment",
            "HorizontalPodAutoscaler",
            "StatefulSet",
            "Job",
            "CronJob",
            "Ingress",
            "ServiceMonitor",
            "PodMonitor",
            "PrometheusRule");

    /** Known kinds by rank, unknown kinds after them by kind name; then by name. */
    public static final Comparator<Manifest> COMPARATOR = Comparator.comparingInt(
                    (Manifest manifest) -> rank(manifest.kind()))
            .thenComparing(Manifest::kind)
            .thenComparing(Manifest::name);

    private InstallOrder() {}

    static int rank(String kind) {
        int rank = KINDS.indexOf(kind);
        return rank < 0 ? KINDS.size() : rank;
    }
}
