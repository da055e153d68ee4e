package io.galeragen.core.output;

import io.galeragen.core.model.CephSecret;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.SstMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Secrets a cluster's manifests refer to and that must exist before its pods can start, read from the model
 * the templates render (a test holds this list to every Secret reference in the rendered documents). galera-gen
 * never renders a secret value; these say what to create.
 *
 * @param namespace the cluster's namespace, where its own Secrets live
 * @param secrets   Secrets in the cluster's namespace, by name, each with the keys it must hold, in first-use order
 * @param tls       the {@code kubernetes.io/tls} Secret of replication TLS, or null
 * @param ceph      Secrets of the ceph-csi driver the StorageClass names ({@code namespace/name}), which the driver
 *                  reads; usually made when ceph-csi was installed
 */
public record RequiredSecrets(String namespace, Map<String, List<Key>> secrets, String tls, Set<String> ceph) {

    /** What a key holds. */
    public enum Format {
        /** A password: any text; a hex one needs no escaping anywhere (environment, SQL, my.cnf). */
        PASSWORD,
        /** A my.cnf with a {@code [client]} section: {@code user=} and {@code password=}. */
        MY_CNF
    }

    /**
     * @param key     the key in the Secret
     * @param format  what its value is
     * @param purpose what reads it, for a person
     */
    public record Key(String key, Format format, String purpose) {}

    public RequiredSecrets {
        Map<String, List<Key>> copy = new LinkedHashMap<>();
        secrets.forEach((name, keys) -> copy.put(name, List.copyOf(keys)));
        secrets = java.util.Collections.unmodifiableMap(copy);
        ceph = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(ceph));
    }

    /** What {@code cluster}'s manifests need; the same conditions as the templates and the pod environment (render.PodEnv). */
    public static RequiredSecrets of(GaleraCluster cluster) {
        Map<String, List<Key>> secrets = new LinkedHashMap<>();
        add(
                secrets,
                cluster.rootPassword().name(),
                new Key(
                        cluster.rootPassword().key(),
                        Format.PASSWORD,
                        "the MariaDB root password (a file in the pods: MARIADB_ROOT_PASSWORD_FILE); the probes log in with it"));
        if (cluster.wsrepEnabled() && cluster.galera().sstMethod() == SstMethod.MARIABACKUP) {
            add(
                    secrets,
                    cluster.galera().sstCredentials().name(),
                    new Key(
                            cluster.galera().sstCredentials().key(),
                            Format.PASSWORD,
                            "the password of the SST user " + cluster.galera().sstUser() + " (mariabackup)"));
        }
        if (cluster.initialUsers().user() != null) {
            add(
                    secrets,
                    cluster.initialUsers().password().name(),
                    new Key(
                            cluster.initialUsers().password().key(),
                            Format.PASSWORD,
                            "the password of the application user "
                                    + cluster.initialUsers().user()));
        }
        if (cluster.exporter().enabled()) {
            add(
                    secrets,
                    cluster.exporter().credentials().name(),
                    new Key(
                            cluster.exporter().credentials().key(),
                            Format.MY_CNF,
                            "the exporter's my.cnf; its account is created at first start"));
        }
        Set<String> ceph = new LinkedHashSet<>();
        if (cluster.storageClass().create()) {
            var rbd = cluster.storageClass().cephRbd();
            for (CephSecret secret :
                    List.of(rbd.provisionerSecret(), rbd.controllerExpandSecret(), rbd.nodeStageSecret())) {
                ceph.add(secret.namespace() + "/" + secret.name());
            }
        }
        return new RequiredSecrets(
                cluster.namespace(),
                secrets,
                cluster.tls().enabled() ? cluster.tls().secretName() : null,
                ceph);
    }

    private static void add(Map<String, List<Key>> secrets, String name, Key key) {
        List<Key> keys = secrets.computeIfAbsent(name, unused -> new ArrayList<>());
        if (keys.stream().noneMatch(existing -> existing.key().equals(key.key()))) {
            keys.add(key);
        }
    }
}
