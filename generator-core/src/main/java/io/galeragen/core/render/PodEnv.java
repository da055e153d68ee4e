package io.galeragen.core.render;

import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.InitialUsers;
import io.galeragen.core.model.SstMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * The environment of the pod's containers and the Secret files it points to. No variable holds a password: each
 * names a file of the credentials volume.
 *
 * @param recovery    what init.sh and start.sh read (docs/recovery.md, "Pod contract"): both the init container and
 *                    the mariadb container get it, since a restart of the mariadb container alone decides again
 * @param main        the mariadb container's own: the official image's MARIADB_* variables, read when it
 *                    initialises an empty datadir, and what files/init-users.sh reads
 * @param credentials the Secret keys mounted as files, in the order the variables name them
 */
public record PodEnv(List<EnvVarView> recovery, List<EnvVarView> main, List<CredentialFile> credentials) {

    static final String DATADIR = "/var/lib/mysql";
    static final String CONF_DIR = "/etc/mysql/conf.d";
    static final String GALERA_CONFIG_DIR = "/etc/galera";

    public PodEnv {
        recovery = List.copyOf(recovery);
        main = List.copyOf(main);
        credentials = List.copyOf(credentials);
    }

    static PodEnv of(GaleraCluster cluster, String clusterAddress, List<String> peerHosts) {
        List<CredentialFile> credentials = new ArrayList<>();
        List<EnvVarView> recovery = recovery(cluster, clusterAddress, peerHosts, credentials);
        return new PodEnv(recovery, main(cluster, credentials), credentials);
    }

    private static List<EnvVarView> recovery(
            GaleraCluster cluster, String clusterAddress, List<String> peerHosts, List<CredentialFile> credentials) {
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
                // Every member's name, space-separated, in ordinal order: whose state the members read to plan.
                EnvVarView.plain("PEER_HOSTS", String.join(" ", peerHosts)),
                EnvVarView.plain("RECOVERY_POLICY", cluster.recoveryPolicy().value())));
        // Only mariabackup logs in on the donor; rsync needs no account, so no Secret key is required for it.
        if (cluster.wsrepEnabled() && cluster.galera().sstMethod() == SstMethod.MARIABACKUP) {
            env.add(EnvVarView.plain("SST_USER", cluster.galera().sstUser()));
            env.add(secretFile(
                    "SST_PASSWORD_FILE",
                    CredentialFile.of("sst-password", cluster.galera().sstCredentials(), false),
                    credentials));
        }
        return env;
    }

    private static List<EnvVarView> main(GaleraCluster cluster, List<CredentialFile> credentials) {
        List<EnvVarView> env = new ArrayList<>();
        env.add(secretFile(
                "MARIADB_ROOT_PASSWORD_FILE",
                CredentialFile.of("root-password", cluster.rootPassword(), false),
                credentials));
        InitialUsers users = cluster.initialUsers();
        env.add(EnvVarView.plain("MARIADB_ROOT_HOST", users.rootHost()));
        if (users.database() != null) {
            env.add(EnvVarView.plain("MARIADB_DATABASE", users.database()));
        }
        if (users.user() != null) {
            env.add(EnvVarView.plain("MARIADB_USER", users.user()));
            env.add(secretFile(
                    "MARIADB_PASSWORD_FILE", CredentialFile.of("app-password", users.password(), false), credentials));
        }
        if (cluster.exporter().enabled()) {
            env.add(secretFile("EXPORTER_MY_CNF", exporterCredential(cluster), credentials));
        }
        return env;
    }

    /** The exporter's my.cnf: optional, so that a missing key never keeps a member from starting. */
    static CredentialFile exporterCredential(GaleraCluster cluster) {
        return CredentialFile.of("exporter-my.cnf", cluster.exporter().credentials(), true);
    }

    private static EnvVarView secretFile(String name, CredentialFile file, List<CredentialFile> credentials) {
        credentials.add(file);
        return EnvVarView.plain(name, file.path());
    }
}
