package io.galeragen.core.podlab.oracle;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL on a member, the way an operator runs it: {@code kubectl exec <pod> -c <the mariadb container> -- mariadb}
 * over the server's socket as root (the root password from the lab's Secret).
 */
public final class Members {

    /** The wsrep status the oracle reads; empty when no server answers. */
    public record Status(Map<String, String> values) {
        public boolean answers() {
            return !values.isEmpty();
        }

        public boolean primary() {
            return "Primary".equals(values.get("wsrep_cluster_status"));
        }

        /** In a Primary component and ready for writes. */
        public boolean acceptsWrites() {
            return primary() && "ON".equals(values.get("wsrep_ready"));
        }

        public boolean synced() {
            return acceptsWrites() && "4".equals(values.get("wsrep_local_state"));
        }

        public int clusterSize() {
            return Integer.parseInt(values.getOrDefault("wsrep_cluster_size", "0"));
        }

        public String stateUuid() {
            return values.getOrDefault("wsrep_cluster_state_uuid", "");
        }

        /** The view of the component; every member of one component reports the same once the view is installed. */
        public String confId() {
            return values.getOrDefault("wsrep_cluster_conf_id", "");
        }

        public List<String> incomingAddresses() {
            return List.of(values.getOrDefault("wsrep_incoming_addresses", "").split(","));
        }

        /** A standalone server (wsrep_on=OFF): writable when it answers. */
        public boolean standalone() {
            return "0".equals(values.get("wsrep_on"));
        }
    }

    private static final String STATUS =
            "SELECT 'wsrep_on', @@wsrep_on UNION ALL SELECT LOWER(VARIABLE_NAME), VARIABLE_VALUE"
                    + " FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME IN ('WSREP_CLUSTER_STATUS', 'WSREP_READY',"
                    + " 'WSREP_LOCAL_STATE', 'WSREP_CLUSTER_SIZE', 'WSREP_CLUSTER_STATE_UUID', 'WSREP_INCOMING_ADDRESSES',"
                    + " 'WSREP_CLUSTER_CONF_ID', 'WSREP_LAST_COMMITTED')";

    private final PodLab lab;
    private final String container;
    private final String rootPassword;

    public Members(PodLab lab) {
        this.lab = lab;
        GaleraCluster model = lab.model();
        this.rootPassword = lab.secrets()
                .text(model.rootPassword().name(), model.rootPassword().key());
        StatefulSet set = lab.rendering().manifests().stream()
                .map(m -> m.resource())
                .filter(StatefulSet.class::isInstance)
                .map(StatefulSet.class::cast)
                .findFirst()
                .orElseThrow();
        this.container = set.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getImage().equals(model.images().mariadb()))
                .map(Container::getName)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "no container runs " + model.images().mariadb()));
    }

    public String container() {
        return container;
    }

    /** Runs SQL on the member; null when its server does not answer. */
    public String sql(String pod, String statement) {
        Shell.Result result = lab.exec(
                pod,
                container,
                List.of(
                        "mariadb",
                        "--protocol=socket",
                        "--user=root",
                        "--batch",
                        "--skip-column-names",
                        "--connect-timeout=5",
                        "--execute=" + statement),
                Map.of("MYSQL_PWD", rootPassword),
                Duration.ofSeconds(30));
        return result.ok() ? result.output() : null;
    }

    public Status status(String pod) {
        String output = sql(pod, STATUS);
        Map<String, String> values = new HashMap<>();
        if (output != null) {
            output.lines()
                    .map(line -> line.split("\t", 2))
                    .filter(kv -> kv.length == 2)
                    .forEach(kv -> values.put(kv[0], kv[1]));
        }
        return new Status(values);
    }
}
