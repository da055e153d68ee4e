package io.galeragen.core.podlab;

import io.galeragen.core.ExternalTool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Debian mariadbd (no wsrep) on a datadir that may lie on an unsynced-fs layer: started as root with
 * user=mysql and its own --defaults-file first, so that nothing under /etc/mysql is read. SQL goes over the
 * socket (root, unix_socket) for checks and over TCP on 127.0.0.1 (a free port) for the acknowledged writer.
 */
final class UnsyncedFsMariadb {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SQL_TIMEOUT = Duration.ofSeconds(60);

    private final Path datadir;
    private final Path runDir;
    private final Path config;
    private final int port;
    private Process server;

    UnsyncedFsMariadb(Path datadir, Path runDir) {
        this.datadir = datadir;
        this.runDir = runDir;
        this.config = runDir.resolve("my.cnf");
        this.port = freePort();
    }

    static void requireServer() {
        ExternalTool.requireFiles(
                List.of("/usr/sbin/mariadbd", "/usr/bin/mariadb", "/usr/bin/mariadb-install-db"),
                "mariadb-server mariadb-client");
    }

    /** mariadb-install-db into an empty datadir. */
    void install() {
        try {
            Files.createDirectories(runDir.resolve("tmp"));
            Files.createDirectories(datadir);
            Files.writeString(config, """
                    [mysqld]
                    user=mysql
                    datadir=%1$s
                    socket=%2$s/mysqld.sock
                    pid-file=%2$s/mariadbd.pid
                    log_error=%2$s/error.log
                    tmpdir=%2$s/tmp
                    port=%3$d
                    bind-address=127.0.0.1
                    skip-name-resolve
                    innodb_buffer_pool_size=128M
                    innodb_log_file_size=48M
                    [client]
                    socket=%2$s/mysqld.sock
                    """.formatted(datadir, runDir, port));
            UnsyncedFs.run(Duration.ofMinutes(1), "chown", "-R", "mysql:", runDir.toString(), datadir.toString());
            UnsyncedFs.run(
                    Duration.ofMinutes(3),
                    "mariadb-install-db",
                    "--no-defaults",
                    "--datadir=" + datadir,
                    "--user=mysql",
                    "--tmpdir=" + runDir.resolve("tmp"),
                    "--skip-test-db",
                    "--auth-root-authentication-method=socket");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts mariadbd and waits until it answers; returns how long that took. */
    Duration start() {
        Instant begin = Instant.now();
        try {
            server = new ProcessBuilder("mariadbd", "--defaults-file=" + config)
                    .redirectErrorStream(true)
                    .redirectOutput(runDir.resolve("mariadbd.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = begin.plus(READY_TIMEOUT);
        while (!answers()) {
            if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("mariadbd did not come up on " + datadir + ": " + errorLogTail());
            }
            UnsyncedFs.pause(Duration.ofMillis(100));
        }
        return Duration.between(begin, Instant.now());
    }

    /** SIGTERM: InnoDB writes and syncs everything on its way out. */
    void stop() {
        server.destroy();
        await(server);
    }

    /** What a power cut does to the server process. */
    void kill() {
        server.destroyForcibly();
        await(server);
    }

    String sql(String statements) {
        return UnsyncedFs.run(SQL_TIMEOUT, "mariadb", "--defaults-file=" + config, "-NBe", statements)
                .strip();
    }

    long count(String query) {
        return Long.parseLong(sql(query));
    }

    String errorLog() {
        try {
            return Files.readString(runDir.resolve("error.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Root over the socket; the writer's account over TCP. */
    void createWriterAccount() {
        sql("CREATE DATABASE IF NOT EXISTS lab; CREATE USER IF NOT EXISTS 'lab'@'127.0.0.1' IDENTIFIED BY 'lab';"
                + " GRANT ALL ON lab.* TO 'lab'@'127.0.0.1';");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/lab?user=lab&password=lab"
                + "&connectTimeout=2000&socketTimeout=10000");
    }

    /**
     * Inserts ids 1, 2, 3... into a table, one autocommit statement each, until stopped, the server fails it,
     * or a bound is reached. An id is acknowledged when its INSERT returned.
     */
    final class AckedInserts implements AutoCloseable {
        private final String table;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long acknowledged;
        private volatile Instant firstAck;
        private volatile Instant lastAck;

        AckedInserts(String table, long maxRows, Duration maxTime) {
            this.table = table;
            sql("CREATE TABLE lab." + table + " (id BIGINT PRIMARY KEY, payload VARCHAR(200)) ENGINE=InnoDB");
            this.thread = new Thread(() -> insert(maxRows, Instant.now().plus(maxTime)), "acked-inserts-" + table);
            thread.setDaemon(true);
            thread.start();
        }

        private void insert(long maxRows, Instant deadline) {
            try (Connection connection = connect();
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?)")) {
                for (long id = 1; running && id <= maxRows && Instant.now().isBefore(deadline); id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "acknowledged row " + id + " of " + table);
                    insert.executeUpdate();
                    acknowledged = id;
                    lastAck = Instant.now();
                    if (firstAck == null) {
                        firstAck = lastAck;
                    }
                }
            } catch (SQLException e) {
                running = false; // the server went away under the writer: the power cut
            }
        }

        long acknowledged() {
            return acknowledged;
        }

        /** Acknowledged inserts per second while it ran. */
        double rate() {
            Instant first = firstAck;
            Instant last = lastAck;
            return first == null || !last.isAfter(first)
                    ? 0
                    : acknowledged * 1000.0 / Duration.between(first, last).toMillis();
        }

        String table() {
            return table;
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(SQL_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                throw new IllegalStateException("the writer of " + table + " did not stop in " + SQL_TIMEOUT);
            }
        }
    }

    private boolean answers() {
        try {
            sql("SELECT 1");
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    private String errorLogTail() {
        String log = Files.exists(runDir.resolve("error.log")) ? errorLog() : "(no error.log)";
        return log.substring(Math.max(0, log.length() - 2000));
    }

    private static void await(Process process) {
        try {
            if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("mariadbd did not exit in " + READY_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
