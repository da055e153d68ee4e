package io.galeragen.core.values;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sentence per values key, for the JSON Schema (editor hovers) and the reference docs: by key path, or by
 * record component for records used in several places. A test checks that every key of the model has one and
 * that the table names no other, so a new or renamed field cannot go undocumented.
 */
final class KeyDescriptions {

    static final Map<String, String> ALL = table(
            "name", "DNS-1123 label (at most 40 characters); names the StatefulSet, its Services and ConfigMap.",
            "namespace", "The namespace everything is rendered into.",
            "createNamespace", "Whether a Namespace document is rendered.",
            "replicas", "Galera members (1 to 31); 1 runs a standalone MariaDB without wsrep. Use an odd number.",
            "clusterDomain", "The Kubernetes cluster DNS domain, used in peer addresses.",
            "images", "Container images, each pinned to a tag or digest.",
            "images.mariadb", "The official mariadb image, with a tag or digest. The default is the newest 10.11 "
                    + "release the official image ships; moving to 11.4 or 11.8 LTS is an upgrade, not a tag change: "
                    + "see 'Moving to MariaDB 11.4 or 11.8' below.",
            "images.exporter", "prom/mysqld-exporter, at least v0.15, with a tag or digest (v0.17.2 is what the "
                    + "tests run).",
            "images.pullPolicy", "Kubernetes imagePullPolicy: Always, IfNotPresent or Never.",
            "storage", "Each member's data volume (one PVC per pod).",
            "storage.size", "A Kubernetes quantity, e.g. 20Gi. Also bounds the startup probe: at least 6 hours, or "
                    + "the time to copy it at 10 MiB/s.",
            "storage.storageClassName", "The StorageClass to claim from; null means the cluster's default class.",
            "storage.accessModes", "PVC access modes, e.g. [ReadWriteOnce].",
            "resources", "Compute resources of the MariaDB container and its init container; null leaves a value "
                    + "unset. The memory limit (else request) sizes the buffer pool and gcache (see 'Memory budget').",
            "galera", "Galera replication settings rendered into galera.cnf.",
            "galera.sstMethod", "How a joiner gets a full copy (wsrep_sst_method): mariabackup does not block the donor, rsync does.",
            "galera.sstCredentials", "The Secret key holding the SST user's password (used by mariabackup).",
            "galera.sstUser", "The SST user's name.",
            "galera.applierThreads", "wsrep_slave_threads: parallel appliers of replicated writesets (1 to 256); 0 "
                    + "derives 2 per requested CPU core (at least 1, at most 32). Trade-off: more appliers keep a busy "
                    + "member from falling behind (flow control), each costs a thread and its buffers; with "
                    + "innodb_flush_log_at_trx_commit=2 one applier kept up in every benchmark run (docs/performance.md).",
            "galera.gcacheSize", "gcache.size: history a member keeps, which decides IST or full SST on rejoin (e.g. "
                    + "512M, 2G); unset derives it from storage and memory (see 'Memory budget' below). Trade-off: a "
                    + "file of this size in the datadir, memory-mapped (its pages count against the pod's memory); "
                    + "larger lets a member stay away longer and still rejoin by IST, and leaves less for the buffer pool.",
            "galera.providerOptions", "Extra wsrep_provider_options, option name to value (gcache.size is set by galera.gcacheSize).",
            "galera.extraCnf", "Extra lines for the [mysqld] section, each key=value or key.",
            "exporter", "The Prometheus mysqld-exporter sidecar.",
            "exporter.enabled", "Whether the sidecar is rendered.",
            "exporter.port", "The metrics port (1024 to 65535).",
            "exporter.credentials", "The Secret key holding a my.cnf with a [client] section for the exporter's account.",
            "rootPassword", "The Secret key holding the MariaDB root password.",
            "recoveryPolicy", "What init.sh may decide alone after an outage: manual (always wait for a person), "
                    + "safe (heal only where Galera proves it safe) or force-pod0 (pod 0 force-bootstraps; can lose writes).",
            "labels", "Extra labels on every rendered object.",
            "annotations", "Extra annotations on every rendered object.",
            "storageClass", "An optional ceph-csi RBD StorageClass generated for the data volumes, named storage.storageClassName.",
            "storageClass.create", "Whether the StorageClass is rendered; storage.storageClassName must then be set.",
            "storageClass.reclaimPolicy", "Retain (deleting a claim never deletes a database's data) or Delete.",
            "storageClass.allowVolumeExpansion", "Whether claims may grow (ceph-csi supports online expansion).",
            "storageClass.volumeBindingMode", "WaitForFirstConsumer (bind after the pod is placed) or Immediate.",
            "storageClass.cephRbd", "The ceph-csi RBD parameters.",
            "storageClass.cephRbd.provisioner", "rbd.csi.ceph.com, or Rook's <operator-namespace>.rbd.csi.ceph.com.",
            "storageClass.cephRbd.clusterID", "The Ceph cluster ID as the driver knows it (ceph-csi: the fsid; Rook: the CephCluster's namespace).",
            "storageClass.cephRbd.pool", "The RBD pool images are created in.",
            "storageClass.cephRbd.dataPool", "An erasure-coded data pool, or null.",
            "storageClass.cephRbd.imageFeatures", "RBD image features, e.g. layering.",
            "storageClass.cephRbd.fsType", "The filesystem: ext4 or xfs.",
            "storageClass.cephRbd.provisionerSecret", "Credentials the provisioner uses to create images.",
            "storageClass.cephRbd.controllerExpandSecret", "Credentials used to grow an image.",
            "storageClass.cephRbd.nodeStageSecret", "Credentials the node plugin uses to map an image.",
            "topology", "Where the members run: spread over nodes and zones so one lost node or zone never takes quorum.",
            "topology.antiAffinity", "At most one member per node: required, preferred or none.",
            "topology.zoneSpread", "Spread over topology.kubernetes.io/zone with maxSkew 1: required, preferred or none.",
            "topology.zones", "The zones members may run in; empty means any zone. Also what the quorum check counts.",
            "topology.nodeCount", "How many nodes can run members, if known (only for a warning); 0 means unknown.",
            "topology.nodeSelector", "Node labels every member's node must carry.",
            "topology.tolerations", "Taints the members tolerate, as key=value:Effect, key:Effect or key.",
            "topology.priorityClassName", "A PriorityClass for the members, or null.",
            "podDisruptionBudget", "The PodDisruptionBudget that keeps node drains from taking quorum.",
            "podDisruptionBudget.enabled", "Whether it is rendered (only for two or more members).",
            "podDisruptionBudget.maxUnavailable", "How many members a drain may take down at once.",
            "monitoring", "Prometheus Operator objects for the exporter's metrics.",
            "monitoring.serviceMonitor", "Whether a ServiceMonitor (and the metrics Service it selects) is rendered.",
            "monitoring.prometheusRule", "Whether a PrometheusRule with the Galera alerts is rendered.",
            "monitoring.scrapeInterval", "How often Prometheus scrapes, e.g. 30s.",
            "monitoring.alertFor", "How long a condition must hold before an alert fires, e.g. 5m.",
            "monitoring.labels", "Extra labels on the ServiceMonitor and PrometheusRule, for Prometheus' selectors.",
            "networkPolicy", "A NetworkPolicy for the members: Galera ports (4444, 4567, 4568) only between members "
                    + "and the arbitrator, SQL from every client or from selected ones, metrics from monitoring.",
            "networkPolicy.enabled", "Whether it is rendered (as Bitnami's chart does by default): without it any pod "
                    + "can join the group and receive a full copy by SST. Inert where the network plugin ignores policies.",
            "networkPolicy.clientPodLabels", "Labels of the pods that may connect to 3306; with both client "
                    + "selectors empty, any client may.",
            "networkPolicy.clientNamespaceLabels", "Labels of the namespaces clients run in; empty with "
                    + "clientPodLabels set means the cluster's own namespace.",
            "networkPolicy.monitoringNamespace", "The namespace Prometheus scrapes from.",
            "security", "The identity the pods run as.",
            "security.runAsUser", "The uid; 999 is the mysql user of the official image.",
            "security.runAsGroup", "The gid; 999 is the mysql group of the official image.",
            "security.fsGroup", "The group that owns the data volume and mounted Secret files.",
            "tls", "TLS for replication traffic, from a kubernetes.io/tls Secret with tls.crt, tls.key and ca.crt.",
            "tls.enabled", "Whether replication traffic is encrypted.",
            "tls.secretName", "The Secret holding the certificate; defaults to <name>-tls.",
            "initialUsers", "Accounts created when the first member initialises an empty datadir.",
            "initialUsers.rootHost", "The host root may connect from, e.g. localhost, % or 10.%.",
            "initialUsers.database", "An application database to create, or null.",
            "initialUsers.user", "An application user with all privileges on initialUsers.database, or null.",
            "initialUsers.password", "The Secret key with the application user's password.",
            "arbitrator", "An optional garbd arbitrator: votes, keeps no data; breaks ties for an even-sized cluster.",
            "arbitrator.enabled", "Whether the arbitrator is rendered.",
            "arbitrator.image", "An image with garbd on its PATH.",
            "arbitrator.resources", "The garbd container's resources.");

    /** Keys of records used in several places, by {@code Record.component}: one description for each use. */
    static final Map<String, String> BY_TYPE = table(
            "SecretRef.name", "Secret name; defaults to <name>-credentials.",
            "SecretRef.key", "Key in the Secret.",
            "Resources.cpuRequest", "CPU request, e.g. 500m.",
            "Resources.memoryRequest", "Memory request, e.g. 1Gi.",
            "Resources.cpuLimit", "CPU limit; usually unset, since CPU limits throttle a database's appliers.",
            "Resources.memoryLimit", "Memory limit, e.g. 2Gi.",
            "CephSecret.name", "The Secret's name, e.g. csi-rbd-secret.",
            "CephSecret.namespace", "The namespace the ceph-csi driver runs in, e.g. ceph-csi (Rook: rook-ceph).");

    private KeyDescriptions() {
    }

    static String of(String path) {
        String description = ALL.containsKey(path) ? ALL.get(path) : BY_TYPE.get(ValueShape.ownerOf(path));
        if (description == null) {
            throw new IllegalStateException("values key " + path + " has no description in KeyDescriptions");
        }
        return description;
    }

    private static Map<String, String> table(String... pairs) {
        Map<String, String> table = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            table.put(pairs[i], pairs[i + 1]);
        }
        return table;
    }
}
