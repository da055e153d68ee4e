package io.galeragen.core.values;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sentence per values key, for the JSON Schema (editor hovers) and the reference docs. A test checks that
 * this table names exactly the keys of the model, so a new or renamed field cannot go undocumented.
 */
final class KeyDescriptions {

    static final Map<String, String> ALL = table(
            "name", "DNS-1123 label (at most 40 characters); names the StatefulSet, its Services and ConfigMap.",
            "namespace", "The namespace everything is rendered into.",
            "createNamespace", "Whether a Namespace document is rendered.",
            "replicas", "Galera members (1 to 31); 1 runs a standalone MariaDB without wsrep. Use an odd number.",
            "clusterDomain", "The Kubernetes cluster DNS domain, used in peer addresses.",
            "images", "Container images, each pinned to a tag or digest.",
            "images.mariadb", "The official mariadb image (10.11 or 11.x), with a tag or digest.",
            "images.exporter", "prom/mysqld-exporter, at least v0.15, with a tag or digest.",
            "images.pullPolicy", "Kubernetes imagePullPolicy: Always, IfNotPresent or Never.",
            "storage", "Each member's data volume (one PVC per pod).",
            "storage.size", "A Kubernetes quantity, e.g. 20Gi.",
            "storage.storageClassName", "The StorageClass to claim from; null means the cluster's default class.",
            "storage.accessModes", "PVC access modes, e.g. [ReadWriteOnce].",
            "resources", "Compute resources of the MariaDB container; null leaves a value unset.",
            "resources.cpuRequest", "CPU request, e.g. 500m.",
            "resources.memoryRequest", "Memory request, e.g. 1Gi.",
            "resources.cpuLimit", "CPU limit; usually unset, since CPU limits throttle a database's appliers.",
            "resources.memoryLimit", "Memory limit, e.g. 2Gi.",
            "galera", "Galera replication settings rendered into galera.cnf.",
            "galera.sstMethod", "How a joiner gets a full copy (wsrep_sst_method): mariabackup does not block the donor, rsync does.",
            "galera.sstCredentials", "The Secret key holding the SST user's password (used by mariabackup).",
            "galera.sstCredentials.name", "Secret name; defaults to <name>-credentials.",
            "galera.sstCredentials.key", "Key in the Secret.",
            "galera.sstUser", "The SST user's name.",
            "galera.applierThreads", "wsrep_slave_threads: parallel appliers of replicated writesets (1 to 256).",
            "galera.gcacheSize", "gcache.size: history a member keeps, which decides IST or full SST on rejoin (e.g. 512M, 2G).",
            "galera.providerOptions", "Extra wsrep_provider_options, option name to value (gcache.size is set by galera.gcacheSize).",
            "galera.extraCnf", "Extra lines for the [mysqld] section, each key=value or key.",
            "exporter", "The Prometheus mysqld-exporter sidecar.",
            "exporter.enabled", "Whether the sidecar is rendered.",
            "exporter.port", "The metrics port (1024 to 65535).",
            "exporter.credentials", "The Secret key holding a my.cnf with a [client] section for the exporter's account.",
            "exporter.credentials.name", "Secret name; defaults to <name>-credentials.",
            "exporter.credentials.key", "Key in the Secret.",
            "rootPassword", "The Secret key holding the MariaDB root password.",
            "rootPassword.name", "Secret name; defaults to <name>-credentials.",
            "rootPassword.key", "Key in the Secret.",
            "recoveryPolicy", "What init.sh may decide alone after an outage: manual (always wait for a person), "
                    + "safe (heal only where Galera proves it safe) or force-pod0 (pod 0 force-bootstraps; can lose writes).",
            "labels", "Extra labels on every rendered object.",
            "annotations", "Extra annotations on every rendered object.");

    private KeyDescriptions() {
    }

    static String of(String path) {
        String description = ALL.get(path);
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
