package io.galeragen.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.galeragen.core.ExternalTool;
import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Renderings;
import io.galeragen.core.model.GaleraCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the rendered init.sh writes for mariadbd besides its decision (issue 12's two edits of it): the node's address
 * in the form Galera and the SST scripts read (an IPv6 pod IP in brackets), and the SST credential read from the
 * mounted Secret file, never from the environment. Pod 0 on a fresh volume decides at once, so the script runs whole.
 */
class InitScriptNodeConfigTest {

    @TempDir
    Path dir;

    private ExternalTool.Result initSh(String nodeAddress) throws IOException {
        Map<String, String> files = Renderings.resource(
                        GaleraGenerator.builder().build().render(GaleraCluster.defaults()), ConfigMap.class)
                .getData();
        Path config = Files.createDirectories(dir.resolve("etc-galera"));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(config.resolve(file.getKey()), file.getValue());
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("sst-password"), "s3cret:with$pecial\n");
        return ExternalTool.run(
                dir,
                List.of(
                        "env",
                        "-i",
                        "PATH=/usr/bin:/bin",
                        "POD_NAME=db-0",
                        "POD_NAMESPACE=ns",
                        "REPLICAS=1",
                        "PEER_HOSTS=db-0.db-peers.ns.svc.cluster.local",
                        "DATADIR=" + dir.resolve("data"),
                        "CONF_DIR=" + dir.resolve("conf"),
                        "GALERA_CONFIG_DIR=" + config,
                        "MARKER_DIR=" + dir,
                        "NODE_ADDRESS=" + nodeAddress,
                        "SST_USER=sst",
                        "SST_PASSWORD_FILE=" + dir.resolve("sst-password"),
                        "bash",
                        config.resolve("init.sh").toString()));
    }

    @Test
    void anIpv6PodAddressIsBracketedAndAnIpv4OneIsNot() throws IOException {
        ExternalTool.Result v6 = initSh("fd00:10:244::5");
        assertThat(v6.exitCode()).as(v6.output()).isZero();
        assertThat(Files.readString(dir.resolve("conf/60-galera-node.cnf")))
                .contains("wsrep_node_address=[fd00:10:244::5]\n");

        ExternalTool.Result v4 = initSh("10.244.1.5");
        assertThat(v4.exitCode()).as(v4.output()).isZero();
        assertThat(Files.readString(dir.resolve("conf/60-galera-node.cnf")))
                .contains("wsrep_node_address=10.244.1.5\n");
    }

    @Test
    void theSstCredentialComesFromTheSecretFile() throws IOException {
        ExternalTool.Result result = initSh("10.244.1.5");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readString(dir.resolve("conf/70-galera-sst-auth.cnf")))
                .isEqualTo("[galera]\nwsrep_sst_auth=sst:s3cret:with$pecial\n");
        assertThat(result.output()).doesNotContain("s3cret");
    }
}
