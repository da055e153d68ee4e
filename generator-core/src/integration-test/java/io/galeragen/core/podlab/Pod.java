package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.PodSpec;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One pod as the API server would hold it: its identity and spec (made by a controller from a template), and the
 * status the kubelet reports (address, readiness, containers). The kubelet's side of it is its {@link PodWorker}.
 */
public final class Pod {

    /** What the kubelet reports of one container. */
    public record ContainerStatus(
            String name,
            boolean running,
            long pid,
            int restarts,
            boolean started,
            boolean ready,
            Integer lastExitCode) {}

    private final String name;
    private final String namespace;
    private final String uid;
    private final String owner;
    private final String revision;
    private final Map<String, String> labels;
    private final Map<String, String> annotations;
    private final PodSpec spec;
    private final Instant created = Instant.now();
    private final Map<String, ContainerStatus> containers = new ConcurrentHashMap<>();
    private volatile String ip;
    private volatile boolean ready;
    private volatile boolean terminating;
    private volatile boolean nodeUnreachable;
    private volatile boolean gone;
    private volatile PodWorker worker;

    Pod(
            String name,
            String namespace,
            String uid,
            String owner,
            String revision,
            Map<String, String> labels,
            Map<String, String> annotations,
            PodSpec spec) {
        this.name = name;
        this.namespace = namespace;
        this.uid = uid;
        this.owner = owner;
        this.revision = revision;
        this.labels = Map.copyOf(labels);
        this.annotations = Map.copyOf(annotations);
        this.spec = spec;
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public String uid() {
        return uid;
    }

    /** {@code StatefulSet/<name>} or {@code Deployment/<name>}. */
    public String owner() {
        return owner;
    }

    /** The controller revision (hash of the template) the pod was made from. */
    public String revision() {
        return revision;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public Map<String, String> annotations() {
        return annotations;
    }

    public PodSpec spec() {
        return spec;
    }

    public Instant created() {
        return created;
    }

    /** The ordinal of a StatefulSet pod. */
    public OptionalInt ordinal() {
        if (!owner.startsWith("StatefulSet/")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(name.substring(name.lastIndexOf('-') + 1)));
    }

    /** status.podIP: null until the sandbox has an address. */
    public String ip() {
        return ip;
    }

    void ip(String address) {
        this.ip = address;
    }

    /** The Ready condition: every container ready, the pod not terminating and its node reachable. */
    public boolean ready() {
        return ready && !terminating && !nodeUnreachable && !gone;
    }

    void ready(boolean value) {
        this.ready = value;
    }

    public boolean terminating() {
        return terminating;
    }

    void terminating(boolean value) {
        this.terminating = value;
    }

    /** The node stopped reporting (node-monitor grace period over): Ready is Unknown, counted as not ready. */
    public boolean nodeUnreachable() {
        return nodeUnreachable;
    }

    void nodeUnreachable(boolean value) {
        this.nodeUnreachable = value;
    }

    /** Deleted from the API server: the name is free for a new pod. */
    public boolean gone() {
        return gone;
    }

    void gone(boolean value) {
        this.gone = value;
    }

    public Map<String, ContainerStatus> containers() {
        return Map.copyOf(containers);
    }

    public ContainerStatus container(String containerName) {
        return containers.get(containerName);
    }

    void container(ContainerStatus status) {
        containers.put(status.name(), status);
    }

    /** Running and Ready, as the StatefulSet controller asks. */
    public boolean healthy() {
        return ready() && ip != null;
    }

    PodWorker worker() {
        return worker;
    }

    void worker(PodWorker podWorker) {
        this.worker = podWorker;
    }

    @Override
    public String toString() {
        return name + "{ip=" + ip + ", ready=" + ready() + (terminating ? ", terminating" : "")
                + (nodeUnreachable ? ", node unreachable" : "") + "}";
    }
}
