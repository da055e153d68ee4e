package io.galeragen.core.recovery;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.galeragen.core.ExternalTool;
import io.galeragen.core.Renderings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A 3-node MariaDB Galera cluster on 127.0.0.1-3 with the pod's ports (3306, 4567, 4568, 4444),
 * each node started through the shipped init.sh, start.sh and galera.cnf. The harness overrides
 * only addresses and paths (my.cnf, harness-overrides.cnf, env) plus timeouts that make crash
 * detection quicker; the decision logic and the generated settings are used unmodified.
 */
final class GaleraLab implements AutoCloseable {

    static final String CLUSTER = "galera";
    /** The loopback addresses the lab owns: one per pod, and one for an arbitrator. */
    private static final int OWNED_ADDRESSES = 3;
    private static final List<Integer> POD_PORTS = List.of(3306, 4567, 4568, 4444);

    /**
     * Under /tmp, not target/: mariadbd runs as mysql and must traverse every parent directory,
     * which a checkout under /root does not allow. Logs stay there after the run.
     */
    static final Path LAB_ROOT = Path.of("/tmp", "galera-recovery-lab");

    private final Path root;
    private final Path configMapDir;
    private final Path kubectlDir;
    private final ShippedFiles files;
    private final List<LabNode> nodes;
    private final int replicas;
    private Process arbitrator;
    private final List<PodRunner> pods = new ArrayList<>();

    GaleraLab(String scenario) {
        this(scenario, ShippedFiles.THREE_MEMBERS);
    }

    /** @param values the cluster, as a values file would give it (its name must be {@value #CLUSTER}) */
    GaleraLab(String scenario, String values) {
        ExternalTool.requireFiles(List.of("/usr/sbin/mariadbd", "/usr/bin/mariadb", "/usr/bin/mariadb-install-db",
                "/usr/lib/galera/libgalera_smm.so", "/usr/bin/rsync"), "mariadb-server galera-4 mariadb-backup rsync");
        requirePortsFree();
        this.root = LAB_ROOT.resolve(scenario);
        run("rm", "-rf", root.toString());
        this.configMapDir = root.resolve("configmap");
        this.kubectlDir = root.resolve("kubectl");
        this.files = ShippedFiles.load(values);
        this.replicas = files.cluster().replicas();
        files.writeConfigMapTo(configMapDir);
        this.nodes = IntStream.range(0, replicas).mapToObj(i -> new LabNode(i, root.resolve("node" + i))).toList();
        nodes.forEach(this::prepareNode);
        writeKubectlPodDescriptions();
        run("chown", "-R", "mysql:", root.toString());
    }

    ShippedFiles files() {
        return files;
    }

    int replicas() {
        return replicas;
    }

    List<LabNode> nodes() {
        return nodes;
    }

    LabNode node(int ordinal) {
        return nodes.get(ordinal);
    }

    PodRunner pod(int ordinal) {
        return pods.get(ordinal);
    }

    private void prepareNode(LabNode node) {
        run("mkdir", "-p", node.dataDir().toString(), node.tmpDir().toString(), node.confDir().toString(),
                node.markerDir().toString());
        String dir = node.dir().toString();
        ShippedFiles.write(node.myCnf(), """
                # Harness my.cnf: plays the image's /etc/mysql/my.cnf, with this node's paths.
                [mysqld]
                user=mysql
                datadir=%1$s/data
                socket=%1$s/mysqld.sock
                pid-file=%1$s/mariadbd.pid
                log_error=%1$s/error.log
                tmpdir=%1$s/tmp
                port=3306
                skip-name-resolve
                innodb_buffer_pool_size=128M
                innodb_log_file_size=48M
                [sst]
                sst-log-archive-dir=%1$s/sst_log_archive
                [client]
                socket=%1$s/mysqld.sock
                !includedir %1$s/conf.d
                !include %1$s/harness-overrides.cnf
                """.formatted(dir));
        String address = node.address();
        ShippedFiles.write(node.overridesCnf(), """
                # Addresses: every pod has its own IP; here every node has its own loopback address.
                [galera]
                bind-address=%1$s
                wsrep_node_address=%1$s
                wsrep_node_incoming_address=%1$s:3306
                wsrep_sst_receive_address=%1$s:4444
                wsrep_provider_options="%2$s;gmcast.listen_addr=tcp://%1$s:4567;ist.recv_addr=%1$s:4568"
                """.formatted(address, files.providerOptions()));
        pods.add(new PodRunner(node, configMapDir, podEnvironment(node)));
    }

    /**
     * The environment the StatefulSet renders for the pod (docs/recovery.md, "Pod contract"), with the lab's
     * addresses and paths instead of the pod's, and the harness-only variables. Decisions (RECOVERY_POLICY,
     * REPLICAS, CLUSTER_NAME) stay as rendered.
     */
    private Map<String, String> podEnvironment(LabNode node) {
        Map<String, String> env = new LinkedHashMap<>(files.podEnv());
        // No cluster DNS here: peers are probed directly (PEER_HOSTS).
        env.remove("READY_PEERS_HOST");
        env.put("POD_NAME", node.podName());
        env.put("POD_NAMESPACE", "default");
        env.put("NODE_ADDRESS", node.address());
        env.put("DATADIR", node.dataDir().toString());
        env.put("CONF_DIR", node.confDir().toString());
        env.put("GALERA_CONFIG_DIR", configMapDir.toString());
        env.put("WSREP_CLUSTER_ADDRESS", "gcomm://" + addresses(","));
        env.put("PEER_HOSTS", addresses(" "));
        env.put("MARKER_DIR", node.markerDir().toString());
        env.put("TMPDIR", node.tmpDir().toString());
        env.put("NODE_SQL_HOST", node.address());
        env.put("MARIADBD_DEFAULTS_FILE", node.myCnf().toString());
        env.put("MARIADB_ENTRYPOINT", configMapDir.resolve("harness-entrypoint.sh").toString());
        env.put("PC_RECOVERY_TIMEOUT_SECONDS", "15");
        env.put("PATH", System.getenv("PATH"));
        return env;
    }

    private String addresses(String separator) {
        return IntStream.range(0, replicas).mapToObj(i -> "127.0.0." + (i + 1)).collect(Collectors.joining(separator));
    }

    private void writeKubectlPodDescriptions() {
        for (PodRunner pod : pods) {
            String env = podEnvironment(pod.node()).entrySet().stream()
                    .map(e -> e.getKey() + "='" + e.getValue() + "'")
                    .collect(Collectors.joining("\n", "", "\n"));
            ShippedFiles.write(kubectlDir.resolve(pod.node().podName() + ".env"), env);
        }
    }

    void startAllPods() {
        pods.forEach(PodRunner::start);
    }

    /** kill -9 of every mariadbd at once (a power cut without losing the page cache), then of the pods. */
    void killAllPods() {
        pods.forEach(pod -> pod.mariadbd().ifPresent(ProcessHandle::destroyForcibly));
        pods.forEach(PodRunner::kill);
    }

    // ---- SQL over each node's socket, as root (unix_socket authentication) ----------------------

    String sql(LabNode node, String statement) {
        return run("mariadb", "--defaults-file=" + node.myCnf(), "-NB", "-e", statement).strip();
    }

    Map<String, String> wsrepStatus(LabNode node) {
        Map<String, String> status = new HashMap<>();
        try {
            sql(node, "SHOW GLOBAL STATUS LIKE 'wsrep_%'").lines()
                    .map(line -> line.split("\t", 2))
                    .filter(kv -> kv.length == 2)
                    .forEach(kv -> status.put(kv[0], kv[1]));
        } catch (IllegalStateException notRunning) {
            // no server on the socket: an empty status
        }
        return status;
    }

    boolean isSyncedMember(LabNode node, int clusterSize) {
        Map<String, String> status = wsrepStatus(node);
        return "ON".equals(status.get("wsrep_ready"))
                && "Primary".equals(status.get("wsrep_cluster_status"))
                && "Synced".equals(status.get("wsrep_local_state_comment"))
                && String.valueOf(clusterSize).equals(status.get("wsrep_cluster_size"));
    }

    void awaitClusterOfAll(Duration timeout) {
        awaitClusterSize(replicas, timeout);
    }

    /** Every member Synced in a Primary component of the given size (more than the members with an arbitrator). */
    void awaitClusterSize(int size, Duration timeout) {
        await("all " + replicas + " nodes Synced in a Primary component of size " + size, timeout,
                () -> nodes.stream().allMatch(n -> isSyncedMember(n, size)));
    }

    /** Scenario f, and every scenario's starting point: three fresh pods started together. */
    void startFreshCluster() {
        startAllPods();
        awaitClusterOfAll(Duration.ofSeconds(120));
        createSchemaAndUser();
    }

    void createSchemaAndUser() {
        sql(node(0), """
                CREATE DATABASE lab;
                CREATE TABLE lab.acked (id BIGINT AUTO_INCREMENT PRIMARY KEY, node INT NOT NULL,
                                        payload VARCHAR(64) NOT NULL);
                CREATE USER 'lab'@'127.%' IDENTIFIED BY 'lab';
                GRANT ALL ON lab.* TO 'lab'@'127.%';
                """);
    }

    /** One run of the rendered probe.sh, as the kubelet runs it. */
    record ProbeRun(int exitCode, String output) {
    }

    /**
     * Runs the ConfigMap's probe.sh ({@code started} or {@code ready}); only the socket path is the lab's, given the
     * way a user's ~/.my.cnf gives it (it is read after /etc/mysql/my.cnf).
     */
    ProbeRun probe(LabNode node, String mode) {
        Path home = node.dir().resolve("probe-home");
        ShippedFiles.write(home.resolve(".my.cnf"), "[client]\nsocket=" + node.dir().resolve("mysqld.sock") + "\n");
        try {
            ProcessBuilder builder = new ProcessBuilder("/bin/bash", configMapDir.resolve("probe.sh").toString(), mode)
                    .redirectErrorStream(true);
            builder.environment().put("HOME", home.toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new ProbeRun(process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What init.sh recorded about this pod (CONF_DIR/galera-recovery.state). */
    Map<String, String> recoveryState(LabNode node) {
        if (!Files.exists(node.recoveryState())) {
            return Map.of();
        }
        return read(node.recoveryState()).lines()
                .filter(line -> line.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                        (a, b) -> b));
    }

    boolean waitsForAPerson(LabNode node) {
        return "waiting".equals(recoveryState(node).get("status"));
    }

    // ---- the person's tools ---------------------------------------------------------------------

    record HelperRun(int exitCode, String output) {
        String planLine() {
            return output.lines().filter(l -> l.startsWith("PLAN")).findFirst().orElse("");
        }
    }

    /** Runs the shipped galera-recover with the fake kubectl (pods = the lab's nodes) on PATH. */
    HelperRun galeraRecover(String... args) {
        List<String> command = new ArrayList<>(List.of("/bin/bash", configMapDir.resolve("galera-recover").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KUBECTL", configMapDir.resolve("kubectl").toString());
        builder.environment().put("FAKE_KUBECTL_PODS_DIR", kubectlDir.toString());
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            ShippedFiles.write(root.resolve("galera-recover-" + Instant.now().toEpochMilli() + ".out"),
                    String.join(" ", args) + "\n" + output);
            return new HelperRun(exit, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A person's marker, e.g. "touch /tmp/confirm-new-cluster" in the pod's container. */
    void touchMarker(LabNode node, String marker, String content) {
        ShippedFiles.write(node.markerDir().resolve(marker), content);
    }

    // ---- utilities ------------------------------------------------------------------------------

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            sleep(Duration.ofMillis(300));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command, returns its stdout; a non-zero exit is an IllegalStateException. */
    static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The previous scenario's servers may still be exiting; anything else on these ports is an error. */
    private static void requirePortsFree() {
        Instant deadline = Instant.now().plusSeconds(15);
        List<String> busy = busyPodPorts();
        while (!busy.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(Duration.ofMillis(300));
            busy = busyPodPorts();
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException(busy + " in use: a server from an earlier run? The recovery lab owns 127.0.0.1-3.");
        }
    }

    private static List<String> busyPodPorts() {
        List<String> busy = new ArrayList<>();
        for (int i = 1; i <= OWNED_ADDRESSES; i++) {
            for (int port : POD_PORTS) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0." + i, port), 200);
                    busy.add("127.0.0." + i + ":" + port);
                } catch (IOException free) {
                    // nothing listens: good
                }
            }
        }
        return busy;
    }

    /**
     * Runs the rendered arbitrator Deployment's garbd command (Debian's galera-arbitrator-4 here, the image's in a pod)
     * with the lab's addresses: the members' loopback addresses instead of their DNS names, and the next loopback
     * address to listen on. Every other argument is used as rendered.
     */
    void startArbitrator() {
        Container garbd = Renderings.resource(files.rendering(), Deployment.class)
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        String address = "127.0.0." + (replicas + 1);
        List<String> command = new ArrayList<>(garbd.getCommand());
        for (String arg : garbd.getArgs()) {
            if (arg.startsWith("--address=")) {
                command.add("--address=gcomm://" + addresses(","));
            } else {
                command.add(arg.replace("tcp://0.0.0.0:4567", "tcp://" + address + ":4567"));
            }
        }
        Path workingDir = root.resolve("arbitrator");
        run("mkdir", "-p", workingDir.toString());
        try {
            arbitrator = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(root.resolve("arbitrator.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        pods.forEach(PodRunner::kill);
        if (arbitrator != null) {
            arbitrator.destroyForcibly();
            try {
                arbitrator.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
