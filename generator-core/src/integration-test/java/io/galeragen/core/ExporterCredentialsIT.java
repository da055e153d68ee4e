package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.galeragen.core.model.GaleraCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, defects 1 to 3, with the real programs: a standalone MariaDB 10.11 (Debian's mariadbd), the real
 * mysqld_exporter v0.17.2 (Debian trixie's prometheus-mysqld-exporter, which .ci/run extracts), and the rendered
 * ConfigMap's {@code init-users.sh} and {@code exporter-config.sh} byte for byte. The account is created by
 * init-users.sh as the image's entrypoint runs it (sourced, {@code docker_process_sql} talking to the server's
 * socket), the exporter's my.cnf is written by exporter-config.sh from the Secret's my.cnf, and the exporter runs
 * with the rendered arguments; only its MariaDB address and its listen address are this machine's free ports.
 */
class ExporterCredentialsIT {

    /** Passwords that go-ini, used raw, cuts (#, ;), expands ($x, ${x}, $$) or unquotes, and the ordinary ones. */
    private static final List<String> TRICKY_PASSWORDS = List.of(
            "plain-hex-0123abcd",
            "a#b",
            "a;b",
            "semi; #both",
            "a$b",
            "${HOME}",
            "$$",
            "ends$",
            "quote'and\"double",
            "back`tick`",
            "back\\slash",
            "trailing\\",
            " leading and trailing ",
            "percent%s",
            "unicode-ünï-密码",
            "=equals:colon",
            "\"fully quoted\"");

    private static StandaloneMariadb server;
    private static Path dir;
    private static Rendering rendering;

    @BeforeAll
    static void startServer() throws Exception {
        ExternalTool.requireFiles(List.of("/usr/bin/my_print_defaults"), "mariadb-client");
        ExternalTool.require(exporterBinary(), "prometheus-mysqld-exporter (trixie; .ci/run extracts it)");
        rendering = GaleraGenerator.builder().build().render(GaleraCluster.defaults());
        server = StandaloneMariadb.start("exporter");
        dir = server.dir();
        // The image's entrypoint creates healthcheck@127.0.0.1 at first start; with an account for the host the server
        // names the user it denies (without one it only says the host is not allowed).
        server.sql("CREATE USER healthcheck@'127.0.0.1' IDENTIFIED BY 'unused-" + System.nanoTime() + "'");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyTrickyPasswordGivesMysqlUpOneAndAScrapeLogsNoError() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String password : TRICKY_PASSWORDS) {
            Path secret = secretMyCnf("[client]\nuser = exporter\npassword = \"" + optionFileEscape(password) + "\"\n");
            createAccountAsTheEntrypointDoes(secret);
            Scrape scrape = scrapeWithExporterConfig(secret);
            if (!scrape.metrics().contains("\nmysql_up 1\n") || scrape.log().contains("level=ERROR")) {
                failures.add(password + " -> " + scrape.metric("mysql_up") + "\n" + scrape.log());
            }
            assertThat(scrape.metrics())
                    .as(password)
                    .contains("mysql_global_status_uptime", "mysql_global_variables_innodb_buffer_pool_size");
            dropAccount();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theGrantsCoverEveryCollectorTheRenderedExporterRuns() throws Exception {
        Path secret = secretMyCnf("[client]\nuser=exporter\npassword=0123456789abcdef\n");
        createAccountAsTheEntrypointDoes(secret);
        assertThat(server.sql("SHOW GRANTS FOR 'exporter'@'127.0.0.1'").output())
                .contains("GRANT PROCESS ON *.* TO `exporter`@`127.0.0.1`");

        Scrape scrape = scrapeWithExporterConfig(secret);

        assertThat(scrape.metric("mysql_up")).isEqualTo("mysql_up 1");
        assertThat(scrape.log())
                .contains("Scraper enabled")
                .doesNotContain("level=ERROR", "level=WARN")
                .doesNotContain("scraper=slave_status");
        dropAccount();
    }

    @Test
    void anUnusableSecretStillGivesARunningExporterAndSaysWhatIsWrong() throws Exception {
        // Each of these, read by the exporter itself, made v0.17.2 exit 1 at start.
        Scrape badPort = scrapeWithExporterConfig(secretMyCnf("[client]\nuser=exporter\npassword=x\nport=abc\n"));
        assertThat(badPort.writerLog()).contains("exporter-config: ignoring --port");
        assertThat(badPort.metrics()).contains("\nmysql_up ");
        for (String bad : List.of("[client]\npassword=x\n", "user=exporter\n")) {
            Scrape scrape = scrapeWithExporterConfig(secretMyCnf(bad));

            assertThat(scrape.metric("mysql_up")).as(bad).isEqualTo("mysql_up 0");
            assertThat(scrape.writerLog())
                    .as(bad)
                    .contains(
                            "exporter-config: ERROR: the exporter's credentials are " + "unusable:",
                            "reports mysql_up 0; this member serves clients as usual");
            assertThat(scrape.log()).as(bad).contains("invalid-exporter-my.cnf");
        }
        Scrape missing = scrapeWithExporterConfig(dir.resolve("no-such-key"));
        assertThat(missing.metric("mysql_up")).isEqualTo("mysql_up 0");
        assertThat(missing.writerLog())
                .contains("does not exist: the Secret named by exporter.credentials lacks that key");
    }

    // ---- the rendered pieces, run as the pod runs them ----

    private record Scrape(String metrics, String log, String writerLog) {
        String metric(String name) {
            return metrics.lines()
                    .filter(line -> line.startsWith(name + " "))
                    .findFirst()
                    .orElse("(no " + name + ")");
        }
    }

    private static void createAccountAsTheEntrypointDoes(Path secret) throws IOException {
        Path files = writeConfigMap();
        Path harness = dir.resolve("entrypoint-harness.sh");
        // docker-entrypoint.sh's docker_process_sql, against this server's socket, then init-users.sh sourced.
        Files.writeString(
                harness,
                "set -eo pipefail\n"
                        + "docker_process_sql() { mariadb --protocol=socket -uroot --socket='" + server.socket()
                        + "' \"$@\"; }\n"
                        + "export GALERA_CONFIG_DIR='" + files + "' EXPORTER_MY_CNF='" + secret + "'\n"
                        + ". '" + files.resolve("init-users.sh") + "'\n");
        ExternalTool.Result result = run(List.of("bash", harness.toString()));
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static Scrape scrapeWithExporterConfig(Path secret) throws Exception {
        Path files = writeConfigMap();
        Path target = dir.resolve("exporter-my.cnf");
        ExternalTool.Result writer = run(
                List.of("bash", files.resolve("exporter-config.sh").toString(), secret.toString(), target.toString()));
        assertThat(writer.exitCode()).as(writer.output()).isZero();
        List<String> args = new ArrayList<>(List.of(exporterBinary()));
        int webPort = StandaloneMariadb.freePort();
        for (String arg : exporter().getArgs()) {
            args.add(
                    arg.startsWith("--config.my-cnf=")
                            ? "--config.my-cnf=" + target
                            : arg.startsWith("--mysqld.address=")
                                    ? "--mysqld.address=127.0.0.1:" + server.port()
                                    : arg.startsWith("--web.listen-address=")
                                            ? "--web.listen-address=127.0.0.1:" + webPort
                                            : arg);
        }
        Path log = dir.resolve("exporter.log");
        Process exporter = new ProcessBuilder(args)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String metrics = "";
            for (int scrape = 0; scrape < 2; scrape++) {
                metrics = get(webPort);
            }
            assertThat(exporter.isAlive()).as(Files.readString(log)).isTrue();
            return new Scrape(metrics, Files.readString(log), writer.output());
        } finally {
            exporter.destroy();
            exporter.waitFor();
        }
    }

    private static String get(int port) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            try {
                return client.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
            } catch (IOException notYet) {
                assertThat(System.nanoTime())
                        .as("exporter never answered: " + notYet)
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static Container exporter() {
        return Renderings.container(Renderings.resource(rendering, StatefulSet.class), "exporter");
    }

    private static Path writeConfigMap() throws IOException {
        Path files = dir.resolve("configmap");
        Files.createDirectories(files);
        for (Map.Entry<String, String> file :
                Renderings.resource(rendering, ConfigMap.class).getData().entrySet()) {
            Files.writeString(files.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
        return files;
    }

    private static Path secretMyCnf(String content) throws IOException {
        Path secret = dir.resolve("secret-exporter-my.cnf");
        Files.writeString(secret, content, StandardCharsets.UTF_8);
        return secret;
    }

    private static void dropAccount() {
        server.sql("DROP USER IF EXISTS 'exporter'@'127.0.0.1', 'exporter'@'localhost'");
    }

    /** A MariaDB option-file value inside double quotes: backslash and double quote escaped. */
    private static String optionFileEscape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Debian trixie's package names it prometheus-mysqld-exporter; .ci/run puts it on PATH as mysqld_exporter. */
    private static String exporterBinary() {
        String configured = System.getenv("GALERA_MYSQLD_EXPORTER");
        return configured != null ? configured : "mysqld_exporter";
    }

    private static ExternalTool.Result run(List<String> command) {
        return ExternalTool.run(dir, command);
    }
}
