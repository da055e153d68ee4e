package io.galeragen.core.podlab.oracle;

import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Starts the oracle's {@link AckWriter} in the lab's client namespace (through {@code ip netns exec}, which gives it
 * the lab's resolv.conf), with the application account the rendered pods created (initialUsers), and reads back what
 * it acknowledged.
 */
public final class Writers implements AutoCloseable {

    private static final Duration INTERVAL = Duration.ofMillis(20);

    private final Path ackFile;
    private final Path stopFile;
    private final Process process;

    private Writers(Path ackFile, Path stopFile, Process process) {
        this.ackFile = ackFile;
        this.stopFile = stopFile;
        this.process = process;
    }

    /** One writer through the client Service. */
    public static Writers throughService(PodLab lab, String name, long maxRows, Duration maxTime) {
        GaleraCluster model = lab.model();
        return start(
                lab,
                name,
                Map.of(name, model.name() + "." + model.namespace() + ".svc." + model.clusterDomain()),
                maxRows,
                maxTime);
    }

    /** One writer per member, each through that pod's own DNS name. */
    public static Writers throughEveryPod(PodLab lab, String name, long maxRows, Duration maxTime) {
        GaleraCluster model = lab.model();
        Map<String, String> targets = new LinkedHashMap<>();
        for (int i = 0; i < model.replicas(); i++) {
            String pod = model.name() + "-" + i;
            targets.put(
                    name + "-" + i,
                    pod + "." + model.name() + "-peers." + model.namespace() + ".svc." + model.clusterDomain());
        }
        return start(lab, name, targets, maxRows, maxTime);
    }

    private static Writers start(PodLab lab, String name, Map<String, String> targets, long maxRows, Duration maxTime) {
        GaleraCluster model = lab.model();
        if (model.initialUsers().user() == null || model.initialUsers().database() == null) {
            throw new IllegalStateException("the oracle writes through initialUsers' account: the lab's values must set"
                    + " initialUsers.user and initialUsers.database (podlab/values/oracle-account.yaml)");
        }
        Path dir = lab.dir().resolve("oracle");
        Path ackFile = dir.resolve(name + ".acks");
        Path stopFile = dir.resolve(name + ".stop");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(ackFile);
            Files.deleteIfExists(stopFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                "ip",
                "netns",
                "exec",
                lab.id().name() + "-client",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                AckWriter.class.getName(),
                ackFile.toString(),
                stopFile.toString(),
                Long.toString(maxRows),
                Long.toString(maxTime.toSeconds()),
                Long.toString(INTERVAL.toMillis()),
                model.initialUsers().user(),
                model.initialUsers().database()));
        targets.forEach((writer, host) -> command.add(writer + "=" + host));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve(name + ".log").toFile()));
            builder.environment()
                    .put(
                            "ACK_WRITER_PASSWORD",
                            lab.secrets()
                                    .text(
                                            model.initialUsers().password().name(),
                                            model.initialUsers().password().key()));
            return new Writers(ackFile, stopFile, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many rows were acknowledged so far. */
    public int acknowledgedSoFar() {
        return acknowledged().size();
    }

    /** Every acknowledged row, as "writer seq". */
    public Set<String> acknowledged() {
        Set<String> rows = new TreeSet<>();
        ackLines().forEach(parts -> rows.add(parts[0] + " " + parts[1]));
        return rows;
    }

    /**
     * The rows one writer (e.g. "name-2" of {@link #throughEveryPod}: the one through shop-db-2) had acknowledged from
     * {@code from} (inclusive) to {@code until} (exclusive), by the writer's clock, as "writer seq".
     */
    public Set<String> acknowledgedBy(String writer, Instant from, Instant until) {
        Set<String> rows = new TreeSet<>();
        ackLines()
                .filter(parts -> parts.length >= 3 && parts[0].equals(writer))
                .filter(parts -> {
                    Instant at = Instant.ofEpochMilli(Long.parseLong(parts[2]));
                    return !at.isBefore(from) && at.isBefore(until);
                })
                .forEach(parts -> rows.add(parts[0] + " " + parts[1]));
        return rows;
    }

    /** The ack file's lines ("writer seq millis address"), split on spaces. */
    private Stream<String[]> ackLines() {
        try {
            if (!Files.exists(ackFile)) {
                return Stream.empty();
            }
            return Files.readAllLines(ackFile).stream()
                    .map(line -> line.split(" "))
                    .filter(parts -> parts.length >= 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until at least this many rows are acknowledged. */
    public void awaitAcknowledged(int rows, Duration timeout) {
        PodLab.await(
                rows + " acknowledged rows (have " + acknowledgedSoFar() + ")",
                timeout,
                () -> acknowledgedSoFar() >= rows);
    }

    /** Stops writing and returns every acknowledged row. */
    public Set<String> stop() {
        try {
            Files.writeString(stopFile, "stop\n");
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return acknowledged();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    static void sleep(Duration duration) {
        Shell.sleep(duration);
    }
}
