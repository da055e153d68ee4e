package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.podlab.LabConfig;
import io.galeragen.core.podlab.LabId;
import io.galeragen.core.podlab.Pod;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import io.galeragen.core.podlab.oracle.Members;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 12 in the pod lab: the basic example's rendered pod, unmodified, with an exporter credential the exporter
 * itself would exit on (a my.cnf without user=). Every member must still start from the official entrypoint on a
 * read-only root filesystem, become Ready (Synced) and be listed by the client Service, with the exporter running
 * (mysql_up 0), a clear log line saying what is wrong, no secret in any container's environment and the buffer pool
 * the memory budget derived.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductionPodIT {

    private static final String BAD_EXPORTER_MY_CNF = "[client]\npassword=no-user-here\n";
    private static final Duration START_BOUND = Duration.ofMinutes(6);

    private PodLab lab;

    @BeforeAll
    void startLab() {
        Labs.assumeLabCanRun();
        // Its own lab id, so that it can run beside the other scenarios' lab.
        lab = Labs.start(LabConfig.of(LabId.of("prodpod"), Labs.basicExample())
                .withSecretValues(Map.of("shop-db-credentials/exporter-my.cnf", BAD_EXPORTER_MY_CNF)));
        PodLab.await(
                "3 members Ready",
                START_BOUND,
                () -> lab.members().size() == 3 && lab.members().stream().allMatch(Pod::ready));
    }

    @AfterAll
    void closeLab() {
        Labs.close(lab);
    }

    @Test
    void aBadExporterCredentialLeavesEveryMemberReadyAndInTheClientService() {
        for (Pod member : lab.members()) {
            assertThat(member.ready()).as(member.name()).isTrue();
            assertThat(member.container("exporter").running())
                    .as(member.name() + " exporter")
                    .isTrue();
            assertThat(member.container("exporter").restarts())
                    .as(member.name() + " exporter restarts")
                    .isZero();
            assertThat(lab.log(member.name(), "exporter-config"))
                    .contains(
                            "exporter-config: ERROR: the exporter's "
                                    + "credentials are unusable: /etc/galera-credentials/exporter-my.cnf has no user= in a [client] group");
            assertThat(metrics(member.name())).contains("\nmysql_up 0\n");
        }
        // The client Service (ready pods only) answers with every member's address, once endpoints have propagated.
        List<String> addresses = lab.members().stream().map(Pod::ip).sorted().toList();
        PodLab.await(
                "the client Service lists every member",
                Duration.ofSeconds(30),
                () -> sh(
                                lab.members().get(0).name(),
                                "mariadb",
                                "getent ahostsv4 shop-db.shop.svc.cluster.local | awk '{print $1}' | sort -u")
                        .output()
                        .lines()
                        .sorted()
                        .toList()
                        .equals(addresses));
    }

    @Test
    void theRootFilesystemIsReadOnlyAndNoSecretIsInTheEnvironment() {
        String pod = lab.members().get(0).name();
        for (String container : List.of("mariadb", "exporter")) {
            Shell.Result write = lab.exec(
                    pod,
                    container,
                    List.of("/bin/sh", "-c", "echo x > /usr/probe-write"),
                    Map.of(),
                    Duration.ofSeconds(10));
            assertThat(write.exitCode()).as(container + ": " + write.output()).isNotZero();
            assertThat(write.output()).contains("Read-only file system");
        }
        String environment =
                sh(pod, "mariadb", "cat /proc/1/environ | tr '\\0' '\\n'; env").output();
        for (String key : List.of("root-password", "sst-password", "app-password")) {
            assertThat(environment).doesNotContain(lab.secrets().text("shop-db-credentials", key));
        }
        assertThat(environment)
                .contains(
                        "MARIADB_ROOT_PASSWORD_FILE=/etc/galera-credentials/root-password",
                        "SST_PASSWORD_FILE=/etc/galera-credentials/sst-password");
    }

    @Test
    void everyMemberIsSyncedWithTheDerivedBufferPool() {
        Members members = new Members(lab);
        for (Pod member : lab.members()) {
            assertThat(members.sql(
                            member.name(),
                            "SELECT @@innodb_buffer_pool_size DIV 1048576, @@max_connections, "
                                    + "(SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
                                    + "WHERE VARIABLE_NAME = 'WSREP_LOCAL_STATE')"))
                    .isEqualTo("896\t151\t4\n");
        }
    }

    /** GET /metrics from inside the pod, with bash's /dev/tcp (the images have no HTTP client). */
    private String metrics(String pod) {
        return sh(
                        pod,
                        "mariadb",
                        "exec 3<>/dev/tcp/127.0.0.1/9104 && printf 'GET /metrics HTTP/1.0\\r\\n\\r\\n' >&3"
                                + " && cat <&3")
                .output()
                .replace("\r", "");
    }

    private Shell.Result sh(String pod, String container, String script) {
        Shell.Result result = lab.exec(pod, container, List.of("bash", "-c", script), Map.of(), Duration.ofSeconds(30));
        assertThat(result.exitCode()).as(script + ": " + result.output()).isZero();
        return result;
    }
}
