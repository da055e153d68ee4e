package io.galeragen.core.recovery;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that inserts rows, one autocommit statement at a time, and remembers the id of every
 * insert the server acknowledged. Errors (a node killed under it) are counted and retried on a new
 * connection; an insert that errored is not acknowledged, though it may have committed.
 */
final class AckedWriter implements AutoCloseable {

    private final LabNode node;
    private final Set<Long> acknowledged = new ConcurrentSkipListSet<>();
    private final AtomicInteger errors = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;

    private AckedWriter(LabNode node) {
        this.node = node;
        this.thread = new Thread(this::writeUntilStopped, "writer-" + node.podName());
        this.thread.setDaemon(true);
    }

    static AckedWriter start(LabNode node) {
        AckedWriter writer = new AckedWriter(node);
        writer.thread.start();
        return writer;
    }

    private void writeUntilStopped() {
        String url = "jdbc:mariadb://" + node.address() + ":3306/lab?user=lab&password=lab"
                + "&connectTimeout=1000&socketTimeout=10000";
        while (running) {
            try (Connection connection = DriverManager.getConnection(url);
                 PreparedStatement insert = connection.prepareStatement(
                         "INSERT INTO acked (node, payload) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                while (running) {
                    insert.setInt(1, node.ordinal());
                    insert.setString(2, "row from " + node.podName() + " #" + acknowledged.size());
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        acknowledged.add(keys.getLong(1));
                    }
                }
            } catch (SQLException e) {
                errors.incrementAndGet();
                GaleraLab.sleep(Duration.ofMillis(200));
            }
        }
    }

    /** Stops writing and returns the ids of every acknowledged insert. */
    Set<Long> stop() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Set.copyOf(acknowledged);
    }

    int acknowledgedSoFar() {
        return acknowledged.size();
    }

    int errors() {
        return errors.get();
    }

    @Override
    public void close() {
        stop();
    }
}
