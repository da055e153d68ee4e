package io.galeragen.core.render;

import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.InitialUsers;
import io.galeragen.core.model.SstMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * The environment of the pod's containers. Passwords are Secret references only.
 *
 * @param recovery what init.sh and start.sh read (docs/recovery.md, "Pod contract"): both the init container and
 *                 the mariadb container get it, since a restart of the mariadb container alone decides again
 * @param main     the mariadb container's own: the official image's MARIADB_* variables, read when it
 *                 initialises an empty datadir, and what files/init-users.sh reads
 */
public record PodEnv(List<EnvVarView> recovery, List<EnvVarView> main) {

    static final String DATADIR = "/var/lib/mysql";
    static final String CONF_DIR = "/etc/mysql/conf.d";
    static final String GALERA_CONFIG_DIR = "/etc/galera";

    public PodEnv {
        recovery = List.copyOf(recovery);
        main = List.copyOf(main);
    }

    static PodEnv of(GaleraCluster cluster, String clusterAddress, String readyPeersHost, List<String> peerHosts) {
        return new PodEnv(recovery(cluster, clusterAddress, readyPeersHost, peerHosts), main(cluster));
    }

    private static List<EnvVarView> recovery(GaleraCluster cluster, String clusterAddress, String readyPeersHost,
                                             List<String> peerHosts) {
        List<EnvVarView> env = new ArrayList<>(List.of(
                EnvVarView.field("POD_NAME", "metadata.name"),
                EnvVarView.field("POD_NAMESPACE", "metadata.namespace"),
                // Galera advertises this address to its peers.
                EnvVarView.field("NODE_ADDRESS", "status.podIP"),
                EnvVarView.plain("CLUSTER_NAME", cluster.name()),
                EnvVarView.plain("REPLICAS", String.valueOf(cluster.replicas())),
                EnvVarView.plain("DATADIR", DATADIR),
                EnvVarView.plain("CONF_DIR", CONF_DIR),
                EnvVarView.plain("GALERA_CONFIG_DIR", GALERA_CONFIG_DIR),
                EnvVarView.plain("WSREP_CLUSTER_ADDRESS", clusterAddress),
                EnvVarView.plain("READY_PEERS_HOST", readyPeersHost),
                // Space-separated, in ordinal order, as init.sh reads them.
                EnvVarView.plain("PEER_HOSTS", String.join(" ", peerHosts)),
                EnvVarView.plain("RECOVERY_POLICY", cluster.recoveryPolicy().value())));
        // Only mariabackup logs in on the donor; rsync needs no account, so no Secret key is required for it.
        if (cluster.wsrepEnabled() && cluster.galera().sstMethod() == SstMethod.MARIABACKUP) {
            env.add(EnvVarView.plain("SST_USER", cluster.galera().sstUser()));
            env.add(EnvVarView.fromSecret("SST_PASSWORD", cluster.galera().sstCredentials()));
        }
        return env;
    }

    private static List<EnvVarView> main(GaleraCluster cluster) {
        List<EnvVarView> env = new ArrayList<>();
        env.add(EnvVarView.fromSecret("MARIADB_ROOT_PASSWORD", cluster.rootPassword()));
        InitialUsers users = cluster.initialUsers();
        env.add(EnvVarView.plain("MARIADB_ROOT_HOST", users.rootHost()));
        if (users.database() != null) {
            env.add(EnvVarView.plain("MARIADB_DATABASE", users.database()));
        }
        if (users.user() != null) {
            env.add(EnvVarView.plain("MARIADB_USER", users.user()));
            env.add(EnvVarView.fromSecret("MARIADB_PASSWORD", users.password()));
        }
        if (cluster.exporter().enabled()) {
            env.add(EnvVarView.plain("EXPORTER_MY_CNF", ViewFactory.EXPORTER_MY_CNF_PATH));
        }
        return env;
    }
}
