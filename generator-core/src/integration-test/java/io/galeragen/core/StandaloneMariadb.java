package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One real mariadbd (Debian's) in a temporary directory, on a free loopback port and its own socket, for tests of the
 * shipped scripts against a server: root logs in over the socket (unix_socket), as the image's entrypoint does while
 * it initialises. Needs root (mariadbd switches to the mysql user).
 */
final class StandaloneMariadb implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process server;

    private StandaloneMariadb(Path dir, int port, Process server) {
        this.dir = dir;
        this.port = port;
        this.server = server;
    }

    /** Starts a fresh server; extra options go to mariadbd's command line (e.g. {@code --wsrep_on=OFF}). */
    static StandaloneMariadb start(String name, String... options) throws Exception {
        ExternalTool.requireFiles(
                List.of("/usr/sbin/mariadbd", "/usr/bin/mariadb-install-db", "/usr/bin/mariadb"),
                "mariadb-server mariadb-client");
        Path dir = Files.createTempDirectory("galera-" + name + "-it");
        Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(dir.resolve("tmp"));
        ExternalTool.run(dir, List.of("chown", "-R", "mysql:", dir.toString()));
        int port = freePort();
        Files.writeString(dir.resolve("my.cnf"), """
                [mysqld]
                user=mysql
                datadir=%1$s/data
                socket=%1$s/mysqld.sock
                pid-file=%1$s/mysqld.pid
                log_error=%1$s/error.log
                tmpdir=%1$s/tmp
                port=%2$d
                bind-address=127.0.0.1
                skip-name-resolve
                """.formatted(dir, port));
        ExternalTool.Result install = ExternalTool.run(
                dir,
                List.of(
                        "mariadb-install-db",
                        "--no-defaults",
                        "--datadir=" + dir.resolve("data"),
                        "--user=mysql",
                        "--tmpdir=" + dir.resolve("tmp"),
                        "--skip-test-db",
                        "--auth-root-authentication-method=socket"));
        assertThat(install.exitCode()).as(install.output()).isZero();
        List<String> command = new ArrayList<>(List.of("mariadbd", "--defaults-file=" + dir.resolve("my.cnf")));
        command.addAll(List.of(options));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mariadbd.out").toFile())
                .start();
        StandaloneMariadb mariadb = new StandaloneMariadb(dir, port, server);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (mariadb.sql("SELECT 1").exitCode() != 0) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                mariadb.close();
                Path log = dir.resolve("error.log");
                throw new AssertionError("mariadbd did not start: "
                        + (Files.exists(log) ? Files.readString(log) : Files.readString(dir.resolve("mariadbd.out"))));
            }
            Thread.sleep(200);
        }
        return mariadb;
    }

    Path dir() {
        return dir;
    }

    int port() {
        return port;
    }

    Path socket() {
        return dir.resolve("mysqld.sock");
    }

    /** Runs SQL as root over the socket. */
    ExternalTool.Result sql(String statements) {
        return ExternalTool.run(dir, List.of("mariadb", "--socket=" + socket(), "-NBe", statements));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.destroy();
        server.waitFor();
    }
}
