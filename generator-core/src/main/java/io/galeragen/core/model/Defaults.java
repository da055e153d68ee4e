package io.galeragen.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The one source of defaults. The builder starts from these; values files and the generated values
 * reference are derived from {@link GaleraCluster#defaults()}, so a default is changed here and nowhere else.
 */
public final class Defaults {

    public static final String NAME = "mariadb";
    public static final String NAMESPACE = "default";
    /** Three members: the smallest cluster that keeps quorum when one member is lost. */
    public static final int REPLICAS = 3;
    public static final String CLUSTER_DOMAIN = "cluster.local";

    /** 10.11 LTS, the series the project's real-Galera tests run against. */
    public static final String MARIADB_IMAGE = "docker.io/library/mariadb:10.11.14";
    /** v0.15+ ignores DATA_SOURCE_NAME; credentials come from a my.cnf file. */
    public static final String EXPORTER_IMAGE = "docker.io/prom/mysqld-exporter:v0.17.2";
    public static final String PULL_POLICY = "IfNotPresent";

    public static final Storage STORAGE = new Storage("10Gi", null, List.of("ReadWriteOnce"));
    /** No CPU limit: throttling stalls appliers and flow control. Memory limit equals the request. */
    public static final Resources RESOURCES = new Resources("500m", "1Gi", null, "1Gi");

    public static final String SECRET_NAME_SUFFIX = "-credentials";
    public static final String ROOT_PASSWORD_KEY = "root-password";
    public static final String SST_PASSWORD_KEY = "sst-password";
    public static final String EXPORTER_MY_CNF_KEY = "exporter-my.cnf";
    public static final String SST_USER = "sst";

    /** mariabackup does not block the donor during SST; rsync does. */
    public static final SstMethod SST_METHOD = SstMethod.MARIABACKUP;
    /**
     * {@code galera.applierThreads: 0} means "derive from the CPU request" ({@link #applierThreadsFor}); an unset
     * {@code galera.gcacheSize} means "derive from storage and memory" ({@link #gcacheSizeFor}).
     */
    public static final int APPLIER_THREADS = 0;
    public static final String GCACHE_SIZE = null;
    /** Appliers per requested core. Galera's guidance allows up to 4 per core; 2 leaves room for SQL clients. */
    public static final int APPLIER_THREADS_PER_CORE = 2;
    /** The most appliers derived; more only help when wsrep_cert_deps_distance is higher still. */
    public static final int MAX_DERIVED_APPLIER_THREADS = 32;
    /** Share of the data volume the gcache ring buffer may take: one twentieth. */
    public static final int GCACHE_STORAGE_DIVISOR = 20;
    /** Galera's own default gcache.size, and the least we derive. */
    public static final long MIN_GCACHE_MIB = 128;
    /** The most we derive: a rejoin that needs more history is usually faster by SST. */
    public static final long MAX_GCACHE_MIB = 8192;

    /**
     * {@code innodb_flush_log_at_trx_commit} of a Galera member: 2, write the redo log to the OS at every commit and
     * flush it to disk once a second. Measured with {@code bench/galera-throughput.sh} (docs/performance.md): against
     * 1, the 3-member cluster's write-only TPS rose by 71% and its p95 latency halved; read/write TPS rose by 52%.
     * <p>
     * Durability trade-off: a commit is acknowledged once every member has it in memory (Galera's certification),
     * not once it is on one disk. A crashed mariadbd loses nothing (the OS has the log). A member whose node loses
     * power loses at most its last second; {@code --wsrep-recover} then reports an earlier position and the member
     * takes the missing writesets from a peer's gcache by IST, as after any crash. Only a power loss of every member
     * at once can lose the last second of acknowledged commits. IST, SST and crash recovery work as with 1.
     * Override with {@code galera.extraCnf: ["innodb_flush_log_at_trx_commit=1"]} where that risk is not acceptable.
     * <p>
     * Not used for a standalone server ({@code replicas: 1}): without peers holding copies it keeps MariaDB's
     * default, 1 (every commit on disk).
     */
    public static final int FLUSH_LOG_AT_TRX_COMMIT = 2;

    public static final int EXPORTER_PORT = 9104;
    public static final RecoveryPolicy RECOVERY_POLICY = RecoveryPolicy.SAFE;

    public static final Map<String, String> LABELS = Map.of();
    public static final Map<String, String> ANNOTATIONS = Map.of();

    // ---- Ceph RBD StorageClass (storageClass.*) ----
    /** ceph-csi's RBD driver. Rook installs it as {@code <operator-namespace>.rbd.csi.ceph.com}. */
    public static final String CEPH_RBD_PROVISIONER = "rbd.csi.ceph.com";
    /** Layering is the one feature every kernel RBD client maps; add others only where all nodes support them. */
    public static final String CEPH_IMAGE_FEATURES = "layering";
    public static final String CEPH_FS_TYPE = "ext4";
    /** The Secret the ceph-csi Helm chart and docs use, in the namespace they install into. */
    public static final CephSecret CEPH_SECRET = new CephSecret("csi-rbd-secret", "ceph-csi");
    /** A deleted claim must never delete a database's data: Retain keeps the image until a person removes it. */
    public static final String RECLAIM_POLICY = "Retain";
    /** ceph-csi grows RBD images online; a full database volume is then a one-line change. */
    public static final boolean ALLOW_VOLUME_EXPANSION = true;
    /** Bind after scheduling, so the volume follows the anti-affinity and zone decisions rather than leading them. */
    public static final String VOLUME_BINDING_MODE = "WaitForFirstConsumer";
    public static final CephRbd CEPH_RBD = new CephRbd(CEPH_RBD_PROVISIONER, null, null, null, CEPH_IMAGE_FEATURES,
            CEPH_FS_TYPE, CEPH_SECRET, CEPH_SECRET, CEPH_SECRET);
    /** No class is generated unless asked for: most clusters already have one. */
    public static final StorageClassSpec STORAGE_CLASS = new StorageClassSpec(false, RECLAIM_POLICY,
            ALLOW_VOLUME_EXPANSION, VOLUME_BINDING_MODE, CEPH_RBD);

    // ---- Spreading (topology.*) ----
    /**
     * At most one member per node: two members on one node means one node failure can take quorum. Single-node
     * test clusters set {@code topology.antiAffinity: preferred}.
     */
    public static final Placement ANTI_AFFINITY = Placement.REQUIRED;
    /**
     * Spread over zones when the nodes have zone labels, without leaving pods Pending where they do not (kind,
     * minikube, single-zone clusters). Set {@code required} together with {@code topology.zones} for production.
     */
    public static final Placement ZONE_SPREAD = Placement.PREFERRED;
    public static final Topology TOPOLOGY = new Topology(ANTI_AFFINITY, ZONE_SPREAD, List.of(), 0, Map.of(),
            List.of(), null);

    // ---- PodDisruptionBudget (podDisruptionBudget.*) ----
    /** One member at a time: a drain can never take more than one vote away. */
    public static final DisruptionBudget POD_DISRUPTION_BUDGET = new DisruptionBudget(true, 1);

    // ---- Monitoring (monitoring.*) ----
    /** Off by default: both are CRDs that exist only where the Prometheus Operator is installed. */
    public static final Monitoring MONITORING = new Monitoring(false, false, "30s", "5m", Map.of());

    // ---- Security (security.*, networkPolicy.*, tls.*) ----
    /** uid and gid 999: the {@code mysql} user and group of the official image. */
    public static final Security SECURITY = new Security(999, 999, 999);
    /** Off by default: a policy only works where the network plugin enforces NetworkPolicy. */
    public static final NetworkPolicySpec NETWORK_POLICY = new NetworkPolicySpec(false, Map.of(), Map.of(),
            "monitoring");
    public static final String TLS_SECRET_SUFFIX = "-tls";

    // ---- Initial users (initialUsers.*) ----
    /** Root only from inside the pod; applications use their own user. */
    public static final String ROOT_HOST = "localhost";
    public static final String APP_PASSWORD_KEY = "app-password";

    // ---- Arbitrator (arbitrator.*) ----
    /** garbd keeps no data: a little CPU for the replication stream it receives and discards. */
    public static final Resources ARBITRATOR_RESOURCES = new Resources("50m", "64Mi", null, "256Mi");
    /** Off: an odd number of members needs no arbitrator. The MariaDB image by default (see {@link Arbitrator#image}). */
    public static final Arbitrator ARBITRATOR = new Arbitrator(false, MARIADB_IMAGE, ARBITRATOR_RESOURCES);

    private Defaults() {
    }

    /**
     * {@code wsrep_slave_threads} when {@code galera.applierThreads} is 0: {@value #APPLIER_THREADS_PER_CORE}
     * per requested core, rounded down, at least 1 and at most {@value #MAX_DERIVED_APPLIER_THREADS}. Galera's default
     * is 1; its guidance is up to 4 per core and never more than {@code wsrep_cert_deps_distance} (how many writesets
     * can be applied in parallel on average). Two per core leaves CPU for client queries, and a pod with less than one
     * core gains nothing from parallel appliers. Without a CPU request there is nothing to go by: 1.
     * 500m gives 1, 2 gives 4, 8 gives 16.
     */
    public static int applierThreadsFor(Resources resources) {
        BigDecimal cores = resources == null ? null : Quantities.parse(resources.cpuRequest());
        if (cores == null) {
            return 1;
        }
        long threads = cores.multiply(BigDecimal.valueOf(APPLIER_THREADS_PER_CORE))
                .setScale(0, RoundingMode.FLOOR).longValue();
        return (int) Math.max(1, Math.min(MAX_DERIVED_APPLIER_THREADS, threads));
    }

    /**
     * {@code gcache.size} when {@code galera.gcacheSize} is unset. The gcache is a ring buffer file in the datadir,
     * memory-mapped: it decides how long a member may be away and still rejoin by IST (sending only the missed
     * writesets) instead of a full SST. So it is sized from both: one twentieth of the data volume (it takes disk
     * beside the data), and no more than the memory limit (or request), so the recent history a donor serves stays in
     * the page cache; at least Galera's default {@value #MIN_GCACHE_MIB}M and at most {@value #MAX_GCACHE_MIB}M.
     * 10Gi with 1Gi of memory gives 512M; 100Gi with 8Gi gives 5G.
     */
    public static String gcacheSizeFor(Storage storage, Resources resources) {
        BigDecimal mib = BigDecimal.valueOf(1L << 20);
        BigDecimal storageBytes = storage == null ? null : Quantities.parse(storage.size());
        long size = storageBytes == null ? MIN_GCACHE_MIB
                : storageBytes.divide(mib.multiply(BigDecimal.valueOf(GCACHE_STORAGE_DIVISOR)), 0, RoundingMode.FLOOR)
                        .longValue();
        if (resources != null) {
            BigDecimal memory = Quantities.parse(resources.memoryLimit() != null ? resources.memoryLimit()
                    : resources.memoryRequest());
            if (memory != null) {
                size = Math.min(size, memory.divide(mib, 0, RoundingMode.FLOOR).longValue());
            }
        }
        size = Math.max(MIN_GCACHE_MIB, Math.min(MAX_GCACHE_MIB, size));
        return size % 1024 == 0 ? size / 1024 + "G" : size + "M";
    }

    /** The Secret replication TLS defaults to: {@code <name>-tls}. */
    public static String tlsSecretName(String clusterName) {
        return clusterName + TLS_SECRET_SUFFIX;
    }

    /** The Secret every credential defaults to: {@code <name>-credentials}. */
    public static String secretName(String clusterName) {
        return clusterName + SECRET_NAME_SUFFIX;
    }
}
