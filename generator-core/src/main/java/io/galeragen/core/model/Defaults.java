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

    /**
     * 10.11 LTS, the series the project's real-Galera tests run against, at the newest patch release the official
     * image ships (MariaDB/mariadb-docker's 10.11/Dockerfile: 10.11.18). Patch releases carry security fixes: move the
     * pin with each one (Debian's own packages were at 10.11.19 when this was set). The only place the version is named.
     */
    public static final String MARIADB_VERSION = "10.11.18";

    public static final String MARIADB_IMAGE = "docker.io/library/mariadb:" + MARIADB_VERSION;
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
     * {@code galera.gcacheSize} means "derive from storage and memory" ({@link MemoryBudget}).
     */
    public static final int APPLIER_THREADS = 0;

    public static final String GCACHE_SIZE = null;
    /** Appliers per requested core. Galera's guidance allows up to 4 per core; 2 leaves room for SQL clients. */
    public static final int APPLIER_THREADS_PER_CORE = 2;
    /** The most appliers derived; more only help when wsrep_cert_deps_distance is higher still. */
    public static final int MAX_DERIVED_APPLIER_THREADS = 32;
    /** Share of the data volume the gcache ring buffer may take: one twentieth. */
    public static final int GCACHE_STORAGE_DIVISOR = 20;
    /** Share of the memory budget (after fixed and connection memory) the gcache may take: a quarter. */
    public static final int GCACHE_BUDGET_DIVISOR = 4;
    /** A derived gcache is a multiple of this. */
    public static final long GCACHE_GRANULE_MIB = 64;
    /** Galera's own default gcache.size, and the least we derive. */
    public static final long MIN_GCACHE_MIB = 128;
    /** The most we derive: a rejoin that needs more history is usually faster by SST. */
    public static final long MAX_GCACHE_MIB = 8192;

    // ---- Memory budget (MemoryBudget): what a member's memory limit must hold besides the buffer pool and gcache ----
    /**
     * The server's allocations that do not grow with data or connections: mariadbd and the Galera provider (about 40M
     * idle), the Aria page cache (128M, used for internal temporary tables), the redo log buffer (16M), and the
     * processes that run beside it in the container (mariabackup on a donor, the probes' client).
     */
    public static final long FIXED_MEMORY_MIB = 256;
    /** max_connections, rendered into galera.cnf so the budget and the server agree (MariaDB's default). */
    public static final int MAX_CONNECTIONS = 151;
    /**
     * Per connection: sort (2M), join (256K), read (128K) and read_rnd (256K) buffers, thread stack (292K), network
     * and binlog cache buffers: 3M at MariaDB's defaults, when every connection sorts at once.
     */
    public static final long CONNECTION_MEMORY_MIB = 3;
    /** InnoDB allocates the buffer pool in chunks of up to 128M; MariaDB's default size is the least we derive. */
    public static final long BUFFER_POOL_CHUNK_MIB = 128;

    public static final long MIN_BUFFER_POOL_MIB = 128;

    // ---- Startup probe ----
    /** The startup probe allows at least this long for a member to answer SQL (a first SST of a big datadir). */
    public static final long MIN_STARTUP_SECONDS = 6 * 3600;
    /**
     * The slowest state transfer the startup probe allows for: 10 MiB/s, a tenth of what mariabackup streams over a
     * 1 Gbit/s network. Beyond {@link #MIN_STARTUP_SECONDS} the budget grows with storage.size at this rate.
     */
    public static final long MIN_SST_BYTES_PER_SECOND = 10L << 20;

    public static final int STARTUP_PROBE_PERIOD_SECONDS = 10;

    /**
     * {@code innodb_flush_log_at_trx_commit} of a Galera member: 1, the redo log reaches disk before a commit is
     * acknowledged. Galera acknowledges a commit once every member has received it, not once any member has applied
     * it, so after a power loss of every member at once (one data centre, one zone) an acknowledged commit may be on
     * no disk but its origin's: with 2 the pod lab's power-loss scenario lost the last acknowledged commits on every
     * member, with 1 none (docs/recovery.md, "Durability"). The cost, measured with {@code bench/galera-throughput.sh}
     * (docs/performance.md): write throughput of the 3-member cluster, see there.
     * <p>
     * 2 (flush once a second) stays an explicit choice, {@code galera.extraCnf: ["innodb_flush_log_at_trx_commit=2"]},
     * reasonable where members never lose power together (each in its own zone or power domain): a crashed mariadbd
     * or one node's power loss loses nothing then, the others hold every commit. The values reference says so.
     */
    public static final int FLUSH_LOG_AT_TRX_COMMIT = 1;

    public static final int EXPORTER_PORT = 9104;
    /**
     * The exporter and the init container that writes its my.cnf. The exporter's resident memory peaked at 22M under
     * eight parallel scrapers (v0.17.2, default collectors); a CPU limit only slows a scrape, never a member.
     */
    public static final Resources SIDECAR_RESOURCES = new Resources("10m", "32Mi", "100m", "64Mi");

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

    public static final CephRbd CEPH_RBD = new CephRbd(
            CEPH_RBD_PROVISIONER,
            null,
            null,
            null,
            CEPH_IMAGE_FEATURES,
            CEPH_FS_TYPE,
            CEPH_SECRET,
            CEPH_SECRET,
            CEPH_SECRET);
    /** No class is generated unless asked for: most clusters already have one. */
    public static final StorageClassSpec STORAGE_CLASS =
            new StorageClassSpec(false, RECLAIM_POLICY, ALLOW_VOLUME_EXPANSION, VOLUME_BINDING_MODE, CEPH_RBD);

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

    public static final Topology TOPOLOGY =
            new Topology(ANTI_AFFINITY, ZONE_SPREAD, List.of(), 0, Map.of(), List.of(), null);

    // ---- PodDisruptionBudget (podDisruptionBudget.*) ----
    /** One member at a time: a drain can never take more than one vote away. */
    public static final DisruptionBudget POD_DISRUPTION_BUDGET = new DisruptionBudget(true, 1);

    // ---- Monitoring (monitoring.*) ----
    /** Off by default: both are CRDs that exist only where the Prometheus Operator is installed. */
    public static final Monitoring MONITORING = new Monitoring(false, false, "30s", "5m", Map.of());

    // ---- Security (security.*, networkPolicy.*, tls.*) ----
    /** uid and gid 999: the {@code mysql} user and group of the official image. */
    public static final Security SECURITY = new Security(999, 999, 999);
    /**
     * On by default, as Bitnami's chart does: without it any pod in the cluster can reach the Galera ports, join the
     * group and receive a full copy by SST. SQL stays open to every client unless client selectors are set (Bitnami's
     * allowExternal), so enabling it breaks no application; where the network plugin does not enforce NetworkPolicy
     * it is inert.
     */
    public static final NetworkPolicySpec NETWORK_POLICY =
            new NetworkPolicySpec(true, Map.of(), Map.of(), "monitoring");

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

    private Defaults() {}

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
        // min() first: a quantity can be astronomically large, and longValue() of such a number wraps.
        long threads = cores.multiply(BigDecimal.valueOf(APPLIER_THREADS_PER_CORE))
                .min(BigDecimal.valueOf(MAX_DERIVED_APPLIER_THREADS))
                .setScale(0, RoundingMode.FLOOR)
                .longValue();
        return (int) Math.max(1, threads);
    }

    /**
     * The startup probe's failureThreshold (period {@value #STARTUP_PROBE_PERIOD_SECONDS} s): {@link #MIN_STARTUP_SECONDS},
     * or the time to copy the whole volume at {@link #MIN_SST_BYTES_PER_SECOND} if that is longer, so no volume the
     * values allow is cut off in the middle of its first state transfer. 20Gi gives 2160 (6 h); 1Ti gives 10486 (29 h).
     */
    public static int startupFailureThreshold(Storage storage) {
        BigDecimal parsed = storage == null ? null : Quantities.parse(storage.size());
        // At most the largest volume the values allow, so that no quantity overflows the arithmetic below.
        BigDecimal bytes = parsed == null ? null : parsed.min(Limits.MAX_STORAGE_BYTES);
        long seconds = bytes == null
                ? MIN_STARTUP_SECONDS
                : Math.max(
                        MIN_STARTUP_SECONDS,
                        bytes.divide(BigDecimal.valueOf(MIN_SST_BYTES_PER_SECOND), 0, RoundingMode.CEILING)
                                .longValue());
        return (int) Math.min(
                Integer.MAX_VALUE, (seconds + STARTUP_PROBE_PERIOD_SECONDS - 1) / STARTUP_PROBE_PERIOD_SECONDS);
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
