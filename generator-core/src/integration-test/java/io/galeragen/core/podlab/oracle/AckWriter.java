package io.galeragen.core.podlab.oracle;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The oracle's client, run in the lab's client network namespace (its own process, like an application pod): one
 * thread per target name writes unique rows ({@code writer, seq}) one autocommit INSERT at a time, resolving the
 * name again for every connection (a Service's ready endpoints change) and picking one address at random, as
 * kube-proxy would for a ClusterIP. Each acknowledged INSERT is appended to the ack file at once (one line:
 * {@code writer seq millis address}); an INSERT that failed is not acknowledged, though it may have committed.
 * Bounded: stops after max-rows per writer, max-seconds, or when the stop file appears.
 *
 * <pre>AckWriter ACK_FILE STOP_FILE MAX_ROWS MAX_SECONDS INTERVAL_MS USER DATABASE WRITER=HOST...</pre>
 * The password comes from the environment (ACK_WRITER_PASSWORD), never the command line.
 */
public final class AckWriter {

    private static final String TABLE =
            "CREATE TABLE IF NOT EXISTS acked (writer VARCHAR(32) NOT NULL, seq BIGINT NOT NULL,"
                    + " payload VARCHAR(64) NOT NULL, PRIMARY KEY (writer, seq)) ENGINE=InnoDB";

    private final OutputStream acks;
    private final Path stopFile;
    private final long maxRows;
    private final long deadline;
    private final long intervalMillis;
    private final String user;
    private final String password;
    private final String database;

    private AckWriter(
            OutputStream acks,
            Path stopFile,
            long maxRows,
            long deadline,
            long intervalMillis,
            String user,
            String password,
            String database) {
        this.acks = acks;
        this.stopFile = stopFile;
        this.maxRows = maxRows;
        this.deadline = deadline;
        this.intervalMillis = intervalMillis;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    public static void main(String[] args) throws Exception {
        // Follow DNS as it changes: no caching of answers in this JVM.
        Security.setProperty("networkaddress.cache.ttl", "0");
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
        Path ackFile = Path.of(args[0]);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[3]) * 1000;
        String password = System.getenv("ACK_WRITER_PASSWORD");
        try (OutputStream out = new FileOutputStream(ackFile.toFile(), true)) {
            AckWriter writer = new AckWriter(
                    out,
                    Path.of(args[1]),
                    Long.parseLong(args[2]),
                    deadline,
                    Long.parseLong(args[4]),
                    args[5],
                    password,
                    args[6]);
            List<Thread> threads = new ArrayList<>();
            for (int i = 7; i < args.length; i++) {
                String[] target = args[i].split("=", 2);
                Thread thread = new Thread(() -> writer.write(target[0], target[1]), "writer-" + target[0]);
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    private boolean running() {
        return System.currentTimeMillis() < deadline && !Files.exists(stopFile);
    }

    private void write(String writer, String host) {
        long seq = 0;
        while (running() && seq < maxRows) {
            String address;
            try {
                InetAddress[] addresses = InetAddress.getAllByName(host);
                address = addresses[ThreadLocalRandom.current().nextInt(addresses.length)].getHostAddress();
            } catch (IOException unresolved) {
                pause(500);
                continue;
            }
            String literal = address.contains(":") ? "[" + address + "]" : address;
            String url = "jdbc:mariadb://" + literal + ":3306/" + database + "?connectTimeout=2000&socketTimeout=10000";
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(TABLE);
                }
                try (PreparedStatement insert =
                        connection.prepareStatement("INSERT INTO acked (writer, seq, payload) VALUES (?, ?, ?)")) {
                    while (running() && seq < maxRows) {
                        seq++;
                        insert.setString(1, writer);
                        insert.setLong(2, seq);
                        insert.setString(3, "row " + seq + " of " + writer + " via " + address);
                        insert.executeUpdate();
                        acknowledge(writer + " " + seq + " " + System.currentTimeMillis() + " " + address + "\n");
                        pause(intervalMillis);
                    }
                }
            } catch (SQLException e) {
                pause(300);
            }
        }
    }

    private void acknowledge(String line) {
        synchronized (acks) {
            try {
                acks.write(line.getBytes(StandardCharsets.UTF_8));
                acks.flush();
            } catch (IOException e) {
                throw new IllegalStateException("cannot record an acknowledged row", e);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
