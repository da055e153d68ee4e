package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.galeragen.core.model.GaleraCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rendered probe.sh against a real server running with Galera off, as the image's entrypoint runs its temporary
 * server while it initialises a datadir ({@code --wsrep_on=OFF}, socket only): a member whose galera.cnf turns Galera
 * on must not be ready on it (it belongs to no cluster, and peers would join it), while a standalone server
 * ({@code replicas: 1}) is ready with wsrep off. Issue 12, defect 7 (and issue 11, point 4).
 */
class ReadinessProbeWsrepOffIT {

    @Test
    void galeraOffIsNotReadyWhereGaleraCnfTurnsItOnAndReadyForAStandalone() throws Exception {
        try (StandaloneMariadb server = StandaloneMariadb.start("probe", "--wsrep_on=OFF")) {
            ExternalTool.Result member = probe(server, GaleraCluster.defaults());
            ExternalTool.Result standalone =
                    probe(server, GaleraCluster.builder().replicas(1).build());

            assertThat(member.exitCode()).as(member.output()).isEqualTo(1);
            assertThat(member.output()).contains("not ready: Galera is off on this server (@@wsrep_on=0)");
            assertThat(standalone.exitCode()).as(standalone.output()).isZero();
        }
    }

    /** probe.sh ready with the cluster's rendered ConfigMap at GALERA_CONFIG_DIR, root over the server's socket. */
    private static ExternalTool.Result probe(StandaloneMariadb server, GaleraCluster cluster) throws Exception {
        Map<String, String> files = Renderings.resource(
                        GaleraGenerator.builder().build().render(cluster), ConfigMap.class)
                .getData();
        Path config = Files.createDirectories(server.dir().resolve("config-" + cluster.replicas()));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(config.resolve(file.getKey()), file.getValue());
        }
        // A ~/.my.cnf (read after /etc/mysql) points the client at this server's socket instead of the pod's
        // /run/mysqld/mysqld.sock; root logs in by unix_socket, so no password.
        Path home = Files.createDirectories(server.dir().resolve("home"));
        Files.writeString(home.resolve(".my.cnf"), "[client]\nsocket=" + server.socket() + "\n");
        return ExternalTool.run(
                server.dir(),
                List.of(
                        "env",
                        "GALERA_CONFIG_DIR=" + config,
                        "HOME=" + home,
                        "bash",
                        config.resolve("probe.sh").toString(),
                        "ready"));
    }
}
