package io.galeragen.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.Examples;
import io.galeragen.core.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * files/init-users.sh as the official image's entrypoint runs it: sourced, with {@code docker_process_sql} defined,
 * and the passwords in mounted Secret files. A stub prints the SQL instead of running it, so the accounts and grants
 * can be checked without a server; the exporter's my.cnf is read by MariaDB's own my_print_defaults.
 */
class InitUsersScriptTest {

    private static final Path FILES = Examples.examplesDir()
            .resolveSibling("templates/src/main/resources" + TemplateEngine.CLASSPATH_ROOT + "/files");

    @TempDir
    Path dir;

    @BeforeAll
    static void requireMyPrintDefaults() {
        ExternalTool.require("my_print_defaults", "mariadb-client");
    }

    private ExternalTool.Result source(String environment) throws IOException {
        Path harness = dir.resolve("harness.sh");
        Files.writeString(
                harness,
                "set -eo pipefail\n"
                        + "docker_process_sql() { echo \"-- docker_process_sql $*\"; cat; }\n"
                        + "export GALERA_CONFIG_DIR='" + FILES + "'\n"
                        + environment + "\n"
                        + ". '" + FILES.resolve("init-users.sh") + "'\n");
        return ExternalTool.run(dir, List.of("bash", harness.toString()));
    }

    @Test
    void createsTheSstAndExporterAccountsFromSecretFilesWithLeastPrivilege() throws IOException {
        // MariaDB option-file syntax: quotes keep the # and the trailing comment is dropped.
        Files.writeString(
                dir.resolve("my.cnf"),
                "[client]\nuser = exporter\npassword = \"it's#$HOME\"  # note\n" + "[mysqld]\nuser=mysql\n");
        Files.writeString(dir.resolve("sst-password"), "s3cr\\et\n");

        ExternalTool.Result result = source("export SST_USER=sst SST_PASSWORD_FILE=" + dir.resolve("sst-password")
                + " EXPORTER_MY_CNF=" + dir.resolve("my.cnf"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains(
                        "-- docker_process_sql --database=mysql",
                        "CREATE USER IF NOT EXISTS 'sst'@'localhost' IDENTIFIED BY 's3cr\\\\et';",
                        "GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO 'sst'@'localhost';",
                        "CREATE USER IF NOT EXISTS 'exporter'@'127.0.0.1' IDENTIFIED BY 'it\\'s#$HOME' "
                                + "WITH MAX_USER_CONNECTIONS 3;",
                        "GRANT PROCESS ON *.* TO 'exporter'@'127.0.0.1';",
                        "GRANT PROCESS ON *.* TO 'exporter'@'localhost';");
        assertThat(result.output()).doesNotContain("mysql'@", "SLAVE", "SELECT ON");
    }

    @Test
    void doesNothingWithoutSstPasswordOrExporter() throws IOException {
        ExternalTool.Result result = source("unset SST_PASSWORD SST_PASSWORD_FILE EXPORTER_MY_CNF");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).doesNotContain("docker_process_sql", "CREATE USER");
    }

    @Test
    void anUnusableExporterConfigSkipsOnlyTheExporterAccountAndSaysWhy() throws IOException {
        Files.writeString(dir.resolve("my.cnf"), "[client]\nuser=exp'orter\npassword=x\n");
        Files.writeString(dir.resolve("sst-password"), "sst-secret");

        ExternalTool.Result result = source("export SST_PASSWORD_FILE=" + dir.resolve("sst-password")
                + " EXPORTER_MY_CNF=" + dir.resolve("my.cnf"));

        // The member's first start goes on: its metrics must never keep it from being initialised.
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains(
                        "init-users.sh: ERROR: the exporter's account is not created: user=exp'orter",
                        "is not a plain account name",
                        "CREATE USER IF NOT EXISTS 'sst'@'localhost'")
                .doesNotContain("exp'orter'@");
    }

    @Test
    void aMissingExporterSecretKeyIsNamed() throws IOException {
        ExternalTool.Result result = source("export EXPORTER_MY_CNF=" + dir.resolve("absent.cnf"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("absent.cnf does not exist: the Secret named by exporter.credentials " + "lacks that key")
                .doesNotContain("CREATE USER");
    }
}
