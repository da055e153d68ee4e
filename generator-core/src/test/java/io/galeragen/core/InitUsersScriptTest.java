package io.galeragen.core;

import io.galeragen.core.render.TemplateEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * files/init-users.sh as the official image's entrypoint runs it: sourced, with {@code docker_process_sql} defined.
 * A stub prints the SQL instead of running it, so the accounts and grants can be checked without a server.
 */
class InitUsersScriptTest {

    private static final Path SCRIPT = Examples.examplesDir().resolveSibling("templates/src/main/resources"
            + TemplateEngine.CLASSPATH_ROOT + "/files/init-users.sh");

    @TempDir
    Path dir;

    private ExternalTool.Result source(String environment) throws IOException {
        Path harness = dir.resolve("harness.sh");
        Files.writeString(harness, "set -eo pipefail\n"
                + "docker_process_sql() { echo \"-- docker_process_sql $*\"; cat; }\n"
                + environment + "\n"
                + ". '" + SCRIPT + "'\n");
        return ExternalTool.run(dir, List.of("bash", harness.toString()));
    }

    @Test
    void createsTheSstAndExporterAccountsWithLeastPrivilege() throws IOException {
        Files.writeString(dir.resolve("my.cnf"), "[client]\nuser = exporter\npassword = \"it's-secret\"\n"
                + "[mysqld]\nuser=mysql\n");

        ExternalTool.Result result = source("export SST_USER=sst SST_PASSWORD='s3cr\\et' EXPORTER_MY_CNF="
                + dir.resolve("my.cnf"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(
                "-- docker_process_sql --database=mysql",
                "CREATE USER IF NOT EXISTS 'sst'@'localhost' IDENTIFIED BY 's3cr\\\\et';",
                "GRANT RELOAD, PROCESS, LOCK TABLES, REPLICATION CLIENT ON *.* TO 'sst'@'localhost';",
                "CREATE USER IF NOT EXISTS 'exporter'@'127.0.0.1' IDENTIFIED BY 'it\\'s-secret' "
                        + "WITH MAX_USER_CONNECTIONS 3;",
                "GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'127.0.0.1';",
                "GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'localhost';");
        assertThat(result.output()).doesNotContain("mysql'@");
    }

    @Test
    void doesNothingWithoutSstPasswordOrExporter() throws IOException {
        ExternalTool.Result result = source("unset SST_PASSWORD EXPORTER_MY_CNF");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("docker_process_sql", "CREATE USER");
    }

    @Test
    void failsTheInitialisationOnAnUnusableExporterConfig() throws IOException {
        Files.writeString(dir.resolve("my.cnf"), "[client]\nuser=exp'orter\npassword=x\n");

        ExternalTool.Result result = source("export EXPORTER_MY_CNF=" + dir.resolve("my.cnf"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("needs a [client] section").doesNotContain("CREATE USER");
    }
}
