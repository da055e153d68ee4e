package io.galeragen.core.model;

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
    /** Measured in the lab: 4 appliers raise write throughput on 2 cores without certification stalls. */
    public static final int APPLIER_THREADS = 4;
    /** Large enough that a member restarted within minutes rejoins by IST instead of a full SST. */
    public static final String GCACHE_SIZE = "512M";

    public static final int EXPORTER_PORT = 9104;
    public static final RecoveryPolicy RECOVERY_POLICY = RecoveryPolicy.SAFE;

    public static final Map<String, String> LABELS = Map.of();
    public static final Map<String, String> ANNOTATIONS = Map.of();

    private Defaults() {
    }

    /** The Secret every credential defaults to: {@code <name>-credentials}. */
    public static String secretName(String clusterName) {
        return clusterName + SECRET_NAME_SUFFIX;
    }
}
