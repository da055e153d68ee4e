package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Rendering;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.values.ValuesSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The pod lab: galera-gen's rendered manifests run as a kubelet, the StatefulSet and Deployment controllers and the
 * cluster DNS would run them, on this machine, unmodified. Start it with {@link #start}, reach the pods through
 * {@link #pod} and {@link #exec}, break it with {@link #faults()}, and close it to remove everything it made.
 */
public final class PodLab implements AutoCloseable {

    private static final GaleraGenerator GENERATOR = GaleraGenerator.builder().build();
    private static final List<String> SCRIPTS =
            List.of("run-container.sh", "container-exec.sh", "build-image-layer.sh", "kubectl", "nfqueue-delay.py");

    private final LabConfig config;
    private final LabContext context;
    private final Kubelet kubelet;
    private final ControllerManager controllers;
    private final KubeState kubeState;
    private final Faults faults;
    private volatile GaleraCluster model;
    private volatile Rendering rendering;
    private volatile LabSecrets secrets;

    private PodLab(
            LabConfig config, LabContext context, Kubelet kubelet, ControllerManager controllers, KubeState kubeState) {
        this.config = config;
        this.context = context;
        this.kubelet = kubelet;
        this.controllers = controllers;
        this.kubeState = kubeState;
        this.faults = new Faults(this);
    }

    /** Renders the values, builds (or reuses) the images, creates the network and DNS, and applies the manifests. */
    public static PodLab start(LabConfig config) {
        List<String> missing = LabEnvironment.missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the pod lab cannot run here: missing " + String.join(", ", missing));
        }
        LabId id = config.id();
        LabCleanup.run(id);
        Path dir = id.dir();
        try {
            Files.createDirectories(dir.resolve("bin"));
            for (Path parent = dir; parent != null; parent = parent.getParent()) {
                if (parent.startsWith(LabId.ROOT)) {
                    Files.setPosixFilePermissions(parent, ProjectedFiles.permissions(0755));
                }
            }
            for (String script : SCRIPTS) {
                try (InputStream in = PodLab.class.getResourceAsStream("/podlab/" + script)) {
                    if (in == null) {
                        throw new IllegalStateException("podlab/" + script + " is not on the test classpath");
                    }
                    Path target = dir.resolve("bin").resolve(script);
                    Files.write(target, in.readAllBytes());
                    Files.setPosixFilePermissions(target, ProjectedFiles.permissions(0755));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GaleraCluster model = GaleraGenerator.cluster(config.values());
        PodNetwork network = new PodNetwork(id, config.ipFamily());
        network.create();
        String dnsAddress = network.attach(id.dnsNamespace(), 10);
        ClusterDns dns =
                new ClusterDns(id, dnsAddress, dir.resolve("dns"), model.clusterDomain(), config.dnsPropagationDelay());
        dns.start();
        network.attach(id.clientNamespace(), 3);
        writeClientResolver(id, dnsAddress, model);
        ImageLayers layers = new ImageLayers(dir.resolve("bin").resolve("build-image-layer.sh"));
        Images images = new Images(layers, config.upstream());
        if (config.unsyncedVolumes()) {
            UnsyncedFs.build();
        }
        PersistentVolumes volumes = new PersistentVolumes(dir.resolve("volumes"), config.unsyncedVolumes());
        LabCluster cluster = new LabCluster(model.clusterDomain());
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "podlab-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        LabContext context = new LabContext(
                id,
                dir,
                network,
                dns,
                images,
                volumes,
                cluster,
                new CrashBackoff(),
                scheduler,
                new AtomicLong(),
                config.nodeMonitorGracePeriod());
        Kubelet kubelet = new Kubelet(context);
        ControllerManager controllers = new ControllerManager(
                cluster,
                new StatefulSetController(cluster, kubelet, volumes),
                new DeploymentController(cluster, kubelet));
        KubeState kubeState = new KubeState(dir.resolve("kube"));
        PodLab lab = new PodLab(config, context, kubelet, controllers, kubeState);
        cluster.onChange(() -> dns.publish(ServiceRecords.of(cluster)));
        cluster.onChange(() -> kubeState.write(cluster));
        lab.applyValues(config.values());
        // Images are "pulled" before any pod starts, so that a first build never counts in a scenario's timings.
        podSpecs(lab.rendering).stream()
                .flatMap(spec -> java.util.stream.Stream.concat(
                        spec.getInitContainers().stream(), spec.getContainers().stream()))
                .map(io.fabric8.kubernetes.api.model.Container::getImage)
                .distinct()
                .forEach(images::resolve);
        controllers.start();
        return lab;
    }

    private static void writeClientResolver(LabId id, String dnsAddress, GaleraCluster model) {
        Path netnsEtc = Path.of("/etc/netns", id.clientNamespace());
        try {
            Files.createDirectories(netnsEtc);
            String domain = model.clusterDomain();
            Files.writeString(
                    netnsEtc.resolve("resolv.conf"),
                    "search " + model.namespace() + ".svc." + domain + " svc." + domain + " " + domain + "\nnameserver "
                            + dnsAddress + "\noptions ndots:5\n");
            Files.writeString(netnsEtc.resolve("hosts"), "127.0.0.1\tlocalhost\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders these values and applies the result, as {@code kubectl apply} of newly generated manifests: a changed
     * pod template rolls out through the StatefulSet's update strategy. The Secrets stay as they are.
     */
    public void applyValues(List<ValuesSource> values) {
        GaleraCluster newModel = GaleraGenerator.cluster(values);
        Rendering newRendering = GENERATOR.render(newModel);
        if (secrets == null) {
            secrets = LabSecrets.forPods(
                    podSpecs(newRendering), config.secretValues(), new TlsCertificates(context.dir()));
        }
        this.model = newModel;
        this.rendering = newRendering;
        context.cluster().apply(newRendering, secrets);
    }

    private static List<PodSpec> podSpecs(Rendering rendering) {
        List<PodSpec> specs = new ArrayList<>();
        rendering.manifests().forEach(manifest -> {
            if (manifest.resource() instanceof StatefulSet set) {
                specs.add(set.getSpec().getTemplate().getSpec());
            } else if (manifest.resource() instanceof Deployment deployment) {
                specs.add(deployment.getSpec().getTemplate().getSpec());
            }
        });
        return specs;
    }

    public LabId id() {
        return config.id();
    }

    public LabConfig config() {
        return config;
    }

    public GaleraCluster model() {
        return model;
    }

    public Rendering rendering() {
        return rendering;
    }

    public LabSecrets secrets() {
        return secrets;
    }

    public Faults faults() {
        return faults;
    }

    LabContext context() {
        return context;
    }

    Kubelet kubelet() {
        return kubelet;
    }

    ControllerManager controllers() {
        return controllers;
    }

    /** The directory the kubectl shim reads (KUBE_STATE). */
    public Path kubeState() {
        return kubeState.root();
    }

    public Path binDir() {
        return context.bin();
    }

    public Path dir() {
        return context.dir();
    }

    /** The StatefulSet's namespace and name. */
    public String namespace() {
        return model.namespace();
    }

    public String statefulSetName() {
        return model.name();
    }

    /** The pod of that name now, if it exists. */
    public Optional<Pod> findPod(String name) {
        return context.cluster().pod(model.namespace(), name);
    }

    /** The environment an image itself sets (its Dockerfile's ENV and the base image's PATH). */
    public java.util.Set<String> imageEnv(String reference) {
        return context.images().resolve(reference).env().keySet();
    }

    /** The image's ENTRYPOINT, which a container without a command runs. */
    public List<String> imageEntrypoint(String reference) {
        return context.images().resolve(reference).entrypoint();
    }

    /** The pod of that name now; it must exist. */
    public Pod pod(String name) {
        return findPod(name).orElseThrow(() -> new IllegalStateException("no pod " + name));
    }

    public List<Pod> pods() {
        return context.cluster().pods();
    }

    /** The StatefulSet's pods (ordinal order). */
    public List<Pod> members() {
        return pods().stream()
                .filter(p -> p.owner().equals("StatefulSet/" + model.name()))
                .sorted(java.util.Comparator.comparingInt(p -> p.ordinal().orElse(0)))
                .toList();
    }

    /** The StatefulSet's spec.replicas now. */
    public int replicas() {
        return context.cluster()
                .statefulSet(model.namespace(), model.name())
                .getSpec()
                .getReplicas();
    }

    /** While paused the StatefulSet and Deployment controllers do nothing (a person's steps between two of theirs). */
    public void controllersPaused(boolean paused) {
        controllers.paused(paused);
    }

    /** kubectl scale statefulset --replicas. */
    public void scale(int replicas) {
        context.cluster().scale(model.namespace(), model.name(), replicas);
    }

    /** kubectl exec POD -c CONTAINER -- COMMAND; extraEnv is for the lab's own queries only. */
    public Shell.Result exec(
            String podName, String container, List<String> command, Map<String, String> extraEnv, Duration timeout) {
        Optional<Pod> pod = findPod(podName);
        RunningContainer running = pod.map(Pod::worker)
                .flatMap(w -> w.runner(container))
                .map(ContainerRunner::current)
                .filter(RunningContainer::alive)
                .orElse(null);
        if (running == null) {
            return new Shell.Result(126, "container " + container + " of " + podName + " is not running");
        }
        return running.exec(command, extraEnv, null, timeout);
    }

    /**
     * The shortest of five TCP handshakes from the pod's network namespace to address:port, timed by a small Python
     * program of the lab's inside that namespace (so no process start is counted).
     */
    public Duration tcpHandshake(String podName, String address, int port) {
        String program = String.join(
                "\n",
                "import socket, sys, time",
                "address, port = sys.argv[1], int(sys.argv[2])",
                "best = None",
                "for _ in range(5):",
                "    s = socket.socket(socket.AF_INET6 if ':' in address else socket.AF_INET)",
                "    s.settimeout(5)",
                "    start = time.monotonic()",
                "    s.connect((address, port))",
                "    took = time.monotonic() - start",
                "    s.close()",
                "    best = took if best is None else min(best, took)",
                "print(int(best * 1000000))");
        String netns = pod(podName).worker().sandbox().netns();
        Shell.Result result = Shell.tryRun(
                List.of(
                        "nsenter",
                        "--net=/run/netns/" + netns,
                        "python3",
                        "-c",
                        program,
                        address,
                        Integer.toString(port)),
                Map.of(),
                null,
                Duration.ofSeconds(30));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    "TCP handshake from " + podName + " to " + address + ":" + port + " failed: " + result.output());
        }
        return Duration.ofNanos(Long.parseLong(result.output().strip()) * 1000);
    }

    /** The container's log (all its starts, as kubectl logs and logs --previous together). */
    public String log(String podName, String container) {
        return findPod(podName)
                .map(Pod::worker)
                .map(w -> w.dir().resolve("logs").resolve(container + ".log"))
                .filter(Files::exists)
                .map(PodLab::read)
                .orElse("");
    }

    /** A claim's volume as the host sees it (inspection only). */
    public Path claimDisk(String claim) {
        return context.volumes().disk(claim);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a condition, checking every 250 ms. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            Shell.sleep(Duration.ofMillis(250));
        }
    }

    /** Keeps the logs (pods, DNS) in {@code /var/tmp/galera-podlab/<id>-logs}, then removes everything. */
    @Override
    public void close() {
        controllers.close();
        List<Thread> stoppers = pods().stream()
                .map(Pod::worker)
                .filter(java.util.Objects::nonNull)
                .map(worker ->
                        new Thread(worker::shutdown, "shutdown-" + worker.pod().name()))
                .toList();
        stoppers.forEach(Thread::start);
        for (Thread stopper : stoppers) {
            try {
                stopper.join(Duration.ofSeconds(60).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Path logs = LabId.ROOT.resolve(config.id().name() + "-logs");
        Shell.tryRun("rm", "-rf", logs.toString());
        Shell.tryRun(
                "bash",
                "-c",
                "mkdir -p '" + logs + "' && cd '" + context.dir() + "' && "
                        + "find pods dns -maxdepth 3 \\( -name '*.log' -o -name logs \\) -print0 2>/dev/null"
                        + " | xargs -0 -r cp -r --parents -t '" + logs + "'");
        context.volumes().detachAll();
        context.dns().close();
        context.scheduler().shutdownNow();
        LabCleanup.run(config.id());
    }
}
