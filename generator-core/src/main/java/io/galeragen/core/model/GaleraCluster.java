package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A MariaDB Galera cluster on Kubernetes: everything galera-gen renders is derived from this.
 * Immutable; build one with {@link #builder()}, which validates every field before it returns.
 */
public record GaleraCluster(
        @JsonPropertyDescription(
                "DNS-1123 label (at most 40 characters); names the StatefulSet, its Services and " + "ConfigMap.")
        String name,

        @JsonPropertyDescription("The namespace everything is rendered into.")
        String namespace,

        @JsonPropertyDescription("Whether a Namespace document is rendered.")
        boolean createNamespace,

        @JsonPropertyDescription(
                "Galera members (1 to 31); 1 runs a standalone MariaDB without wsrep. Use an odd " + "number.")
        int replicas,

        @JsonPropertyDescription("The Kubernetes cluster DNS domain, used in peer addresses.")
        String clusterDomain,

        @JsonPropertyDescription("Container images, each pinned to a tag or digest.")
        Images images,

        @JsonPropertyDescription("Each member's data volume (one PVC per pod).")
        Storage storage,

        @JsonPropertyDescription("Compute resources of the MariaDB container and its init container; null leaves a "
                + "value unset. The memory limit (else request) sizes the buffer pool and gcache (see 'Memory "
                + "budget').")
        Resources resources,

        @JsonPropertyDescription("Galera replication settings rendered into galera.cnf.")
        GaleraSettings galera,

        @JsonPropertyDescription("The Prometheus mysqld-exporter sidecar.")
        Exporter exporter,

        @JsonPropertyDescription("The Secret key holding the MariaDB root password.")
        SecretRef rootPassword,

        @JsonPropertyDescription("What init.sh may decide alone after an outage: manual (always wait for a "
                + "person), safe (heal only where Galera proves it safe) or force-pod0 (pod 0 force-bootstraps; can "
                + "lose writes).")
        RecoveryPolicy recoveryPolicy,

        @JsonPropertyDescription("Extra labels on every rendered object.")
        Map<String, String> labels,

        @JsonPropertyDescription("Extra annotations on every rendered object.")
        Map<String, String> annotations,

        @JsonPropertyDescription("An optional ceph-csi RBD StorageClass generated for the data volumes, named "
                + "storage.storageClassName.")
        StorageClassSpec storageClass,

        @JsonPropertyDescription(
                "Where the members run: spread over nodes and zones so one lost node or zone " + "never takes quorum.")
        Topology topology,

        @JsonPropertyDescription("The PodDisruptionBudget that keeps node drains from taking quorum.")
        DisruptionBudget podDisruptionBudget,

        @JsonPropertyDescription("Prometheus Operator objects for the exporter's metrics.")
        Monitoring monitoring,

        @JsonPropertyDescription("A NetworkPolicy for the members: Galera ports (4444, 4567, 4568) only between "
                + "members and the arbitrator, SQL from every client or from selected ones, metrics from monitoring.")
        NetworkPolicySpec networkPolicy,

        @JsonPropertyDescription("The identity the pods run as.")
        Security security,

        @JsonPropertyDescription(
                "TLS for replication traffic, from a kubernetes.io/tls Secret with tls.crt, " + "tls.key and ca.crt.")
        Tls tls,

        @JsonPropertyDescription("Accounts created when the first member initialises an empty datadir.")
        InitialUsers initialUsers,

        @JsonPropertyDescription(
                "An optional garbd arbitrator: votes, keeps no data; breaks ties for an " + "even-sized cluster.")
        Arbitrator arbitrator) {

    public GaleraCluster {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
    }

    /** Labels in a stable order, for rendering. */
    public Map<String, String> sortedLabels() {
        return new TreeMap<>(labels);
    }

    /** Annotations in a stable order, for rendering. */
    public Map<String, String> sortedAnnotations() {
        return new TreeMap<>(annotations);
    }

    /** Galera replication is on for two or more members; one member runs as a plain MariaDB. */
    public boolean wsrepEnabled() {
        return replicas > 1;
    }

    /** wsrep_slave_threads as rendered: {@code galera.applierThreads}, or derived from the CPU request. */
    public int effectiveApplierThreads() {
        return galera.applierThreads() > 0 ? galera.applierThreads() : Defaults.applierThreadsFor(resources);
    }

    /** gcache.size as rendered: {@code galera.gcacheSize}, or derived from storage and memory. */
    public String effectiveGcacheSize() {
        return galera.gcacheSize() != null
                ? galera.gcacheSize()
                : memoryBudget().gcacheSize();
    }

    /** How the memory limit is shared between buffer pool, gcache and connections ({@link MemoryBudget}). */
    public MemoryBudget memoryBudget() {
        return MemoryBudget.of(storage, resources, wsrepEnabled(), galera.gcacheSize());
    }

    /** Votes in the primary component when every member is up: the members plus the arbitrator, if any. */
    public int votes() {
        return replicas + (arbitratorEnabled() ? 1 : 0);
    }

    /** The arbitrator runs only where Galera does. */
    public boolean arbitratorEnabled() {
        return arbitrator != null && arbitrator.enabled() && wsrepEnabled();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The cluster every default describes ({@link Defaults}). */
    public static GaleraCluster defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Starts from {@link Defaults}; {@link #build()} validates and throws a GaleraGenException naming each bad field. */
    public static final class Builder {
        private String name = Defaults.NAME;
        private String namespace = Defaults.NAMESPACE;
        private boolean createNamespace;
        private int replicas = Defaults.REPLICAS;
        private String clusterDomain = Defaults.CLUSTER_DOMAIN;
        private Images images = new Images(Defaults.MARIADB_IMAGE, Defaults.EXPORTER_IMAGE, Defaults.PULL_POLICY);
        private Storage storage = Defaults.STORAGE;
        private Resources resources = Defaults.RESOURCES;
        private GaleraSettings galera;
        private Exporter exporter;
        private SecretRef rootPassword;
        private RecoveryPolicy recoveryPolicy = Defaults.RECOVERY_POLICY;
        private Map<String, String> labels = Defaults.LABELS;
        private Map<String, String> annotations = Defaults.ANNOTATIONS;
        private StorageClassSpec storageClass = Defaults.STORAGE_CLASS;
        private Topology topology = Defaults.TOPOLOGY;
        private DisruptionBudget podDisruptionBudget = Defaults.POD_DISRUPTION_BUDGET;
        private Monitoring monitoring = Defaults.MONITORING;
        private NetworkPolicySpec networkPolicy = Defaults.NETWORK_POLICY;
        private Security security = Defaults.SECURITY;
        private Tls tls;
        private InitialUsers initialUsers;
        private Arbitrator arbitrator = Defaults.ARBITRATOR;

        private Builder() {}

        private Builder(GaleraCluster cluster) {
            name = cluster.name;
            namespace = cluster.namespace;
            createNamespace = cluster.createNamespace;
            replicas = cluster.replicas;
            clusterDomain = cluster.clusterDomain;
            images = cluster.images;
            storage = cluster.storage;
            resources = cluster.resources;
            galera = cluster.galera;
            exporter = cluster.exporter;
            rootPassword = cluster.rootPassword;
            recoveryPolicy = cluster.recoveryPolicy;
            labels = cluster.labels;
            annotations = cluster.annotations;
            storageClass = cluster.storageClass;
            topology = cluster.topology;
            podDisruptionBudget = cluster.podDisruptionBudget;
            monitoring = cluster.monitoring;
            networkPolicy = cluster.networkPolicy;
            security = cluster.security;
            tls = cluster.tls;
            initialUsers = cluster.initialUsers;
            arbitrator = cluster.arbitrator;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder namespace(String value) {
            namespace = value;
            return this;
        }

        public Builder createNamespace(boolean value) {
            createNamespace = value;
            return this;
        }

        public Builder replicas(int value) {
            replicas = value;
            return this;
        }

        public Builder clusterDomain(String value) {
            clusterDomain = value;
            return this;
        }

        public Builder images(Images value) {
            images = value;
            return this;
        }

        public Builder storage(Storage value) {
            storage = value;
            return this;
        }

        public Builder resources(Resources value) {
            resources = value;
            return this;
        }

        public Builder galera(GaleraSettings value) {
            galera = value;
            return this;
        }

        public Builder exporter(Exporter value) {
            exporter = value;
            return this;
        }

        public Builder rootPassword(SecretRef value) {
            rootPassword = value;
            return this;
        }

        public Builder recoveryPolicy(RecoveryPolicy value) {
            recoveryPolicy = value;
            return this;
        }

        public Builder labels(Map<String, String> value) {
            labels = value;
            return this;
        }

        public Builder annotations(Map<String, String> value) {
            annotations = value;
            return this;
        }

        public Builder storageClass(StorageClassSpec value) {
            storageClass = value;
            return this;
        }

        public Builder topology(Topology value) {
            topology = value;
            return this;
        }

        public Builder podDisruptionBudget(DisruptionBudget value) {
            podDisruptionBudget = value;
            return this;
        }

        public Builder monitoring(Monitoring value) {
            monitoring = value;
            return this;
        }

        public Builder networkPolicy(NetworkPolicySpec value) {
            networkPolicy = value;
            return this;
        }

        public Builder security(Security value) {
            security = value;
            return this;
        }

        public Builder tls(Tls value) {
            tls = value;
            return this;
        }

        public Builder initialUsers(InitialUsers value) {
            initialUsers = value;
            return this;
        }

        public Builder arbitrator(Arbitrator value) {
            arbitrator = value;
            return this;
        }

        public GaleraCluster build() {
            // Secret-backed defaults follow the name, so they are filled in at build time.
            String secret = Defaults.secretName(name);
            GaleraCluster cluster = new GaleraCluster(
                    name,
                    namespace,
                    createNamespace,
                    replicas,
                    clusterDomain,
                    images,
                    storage,
                    resources,
                    galera != null
                            ? galera
                            : new GaleraSettings(
                                    Defaults.SST_METHOD,
                                    SecretRef.of(secret, Defaults.SST_PASSWORD_KEY),
                                    Defaults.SST_USER,
                                    Defaults.APPLIER_THREADS,
                                    Defaults.GCACHE_SIZE,
                                    Map.of(),
                                    List.of()),
                    exporter != null
                            ? exporter
                            : new Exporter(
                                    true, Defaults.EXPORTER_PORT, SecretRef.of(secret, Defaults.EXPORTER_MY_CNF_KEY)),
                    rootPassword != null ? rootPassword : SecretRef.of(secret, Defaults.ROOT_PASSWORD_KEY),
                    recoveryPolicy,
                    labels,
                    annotations,
                    storageClass,
                    topology,
                    podDisruptionBudget,
                    monitoring,
                    networkPolicy,
                    security,
                    tls != null ? tls : new Tls(false, Defaults.tlsSecretName(name)),
                    initialUsers != null
                            ? initialUsers
                            : new InitialUsers(
                                    Defaults.ROOT_HOST, null, null, SecretRef.of(secret, Defaults.APP_PASSWORD_KEY)),
                    arbitrator);
            ModelValidator.requireValid(cluster);
            return cluster;
        }
    }
}
