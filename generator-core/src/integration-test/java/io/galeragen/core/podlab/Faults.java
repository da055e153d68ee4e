package io.galeragen.core.podlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ways the lab breaks a running cluster, each as it happens in Kubernetes: a container crash (kill -9 of its
 * PID 1; the kubelet restarts it), a pod deletion (SIGTERM, grace period, SIGKILL; the controller re-creates it), a
 * node loss (every process killed, the pod back later in a new sandbox), a partition (iptables DROP between pods),
 * latency between pods, a DNS outage, a claim's volume replaced by an empty one, a power cut of every member (what was not fsynced is lost).
 */
public final class Faults {

    /** The NFQUEUE number the latency handlers read (per network namespace, so one number serves every pod). */
    private static final int LATENCY_QUEUE = 7;

    private final PodLab lab;

    Faults(PodLab lab) {
        this.lab = lab;
    }

    /** kill -9 of the container's PID 1 (everything in it dies); the kubelet restarts it after its back-off. */
    public void crashContainer(String pod, String container) {
        worker(pod)
                .runner(container)
                .orElseThrow(() -> new IllegalStateException(pod + " has no container " + container))
                .crash();
    }

    /** kill -9 of every running container of every member, at the same moment; the kubelets restart them. */
    public void crashAllMembers() {
        List<String> pids = new ArrayList<>();
        for (Pod pod : lab.members()) {
            for (ContainerRunner runner : pod.worker().runners()) {
                RunningContainer running = runner.current();
                if (running != null && running.alive()) {
                    pids.add(Long.toString(running.pid1()));
                }
            }
        }
        List<String> command = new ArrayList<>(List.of("kill", "-KILL"));
        command.addAll(pids);
        Shell.tryRun(command.toArray(String[]::new));
    }

    /** kubectl delete pod (returns at once): SIGTERM, the pod's grace period, SIGKILL; the controller re-creates it. */
    public void deletePod(String pod) {
        lab.kubelet().delete(lab.pod(pod));
    }

    /** kubectl delete pod and wait until it is gone. */
    public void deletePodAndWait(String pod) {
        Pod target = lab.pod(pod);
        lab.kubelet().deleteAndWait(target, target.worker().gracePeriod());
    }

    /** The pod's node is lost: every process killed at once; the pod stays in the API until its node is back. */
    public void loseNode(String pod) {
        worker(pod).loseNode();
    }

    /** Every member's node is lost at the same moment. */
    public void loseAllNodes() {
        parallel(lab.members().stream().map(Pod::name).toList(), this::loseNode);
    }

    /**
     * Power lost by every member's node at the same moment: every process of every member stops at once (the pods'
     * freezer cgroups), every claim's unsynced-writes layer drops what was not fsynced, then every process is killed
     * and the nodes are down; the pods stay in the API until {@link #allNodesBack()}. Needs a lab started with unsynced
     * volumes. Returns each layer's summary, "claim: summary".
     */
    public List<String> powerLossOfEveryMember() {
        List<Pod> members = lab.members();
        members.forEach(pod -> ContainerCgroups.freeze(lab.id(), pod, true));
        List<String> claims = members.stream()
                .flatMap(pod -> pod.spec().getVolumes().stream())
                .filter(volume -> volume.getPersistentVolumeClaim() != null)
                .map(volume -> volume.getPersistentVolumeClaim().getClaimName())
                .toList();
        List<String> summaries = java.util.Collections.synchronizedList(new ArrayList<>());
        parallel(
                claims,
                claim -> summaries.add(claim + ": " + lab.context().volumes().powerCut(claim)));
        members.forEach(pod -> pod.worker().killFrozen());
        loseAllNodes();
        return summaries.stream().sorted().toList();
    }

    /** The node is back: the pod starts again in a new sandbox (new address), its emptyDirs kept. */
    public void nodeBack(String pod) {
        worker(pod).nodeBack();
    }

    public void allNodesBack() {
        lab.members().forEach(pod -> pod.worker().nodeBack());
    }

    /**
     * Cuts the given pods off from every other pod of the lab (members and arbitrator; DNS and the client stay
     * reachable), until the returned partition is healed.
     */
    public Partition isolate(Collection<String> pods) {
        Set<String> isolated = Set.copyOf(pods);
        List<String> namespaces = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Pod pod : lab.pods()) {
            PodSandbox sandbox = pod.worker().sandbox();
            if (isolated.contains(pod.name())) {
                namespaces.add(sandbox.netns());
            } else if (pod.ip() != null) {
                others.add(pod.ip());
            }
        }
        lab.context().network().partition(namespaces, others);
        return new Partition(namespaces);
    }

    /** A partition in force. */
    public final class Partition {
        private final List<String> namespaces;

        private Partition(List<String> namespaces) {
            this.namespaces = namespaces;
        }

        public void heal() {
            lab.context().network().heal(namespaces);
        }
    }

    /**
     * One-way latency on every packet the given pods send to the other pods (a round trip between one of them and a
     * peer takes this long more), until removed. This kernel has no netem qdisc, so the packets go through NFQUEUE to
     * a handler in each pod's network namespace ({@code podlab/nfqueue-delay.py}) that holds them that long. IPv4.
     */
    public Latency latency(Collection<String> pods, Duration oneWay) {
        Set<String> delayed = Set.copyOf(pods);
        List<String> others = lab.pods().stream()
                .filter(pod -> pod.ip() != null && !delayed.contains(pod.name()))
                .map(Pod::ip)
                .toList();
        List<String> namespaces = new ArrayList<>();
        List<Process> handlers = new ArrayList<>();
        Latency latency = new Latency(namespaces, handlers);
        try {
            for (String name : delayed) {
                Pod pod = lab.pod(name);
                String netns = pod.worker().sandbox().netns();
                Path log = pod.worker().dir().resolve("latency.log");
                handlers.add(Shell.start(
                        List.of(
                                "nsenter",
                                "--net=/run/netns/" + netns,
                                "python3",
                                lab.binDir().resolve("nfqueue-delay.py").toString(),
                                Integer.toString(LATENCY_QUEUE),
                                Long.toString(oneWay.toMillis())),
                        log));
                PodLab.await(
                        "the latency handler of " + name,
                        Duration.ofSeconds(10),
                        () -> Files.exists(log) && PodLab.read(log).contains("nfqueue-delay: queue"));
                namespaces.add(netns);
                lab.context().network().delay(netns, others, LATENCY_QUEUE);
            }
        } catch (RuntimeException e) {
            latency.remove();
            throw e;
        }
        return latency;
    }

    /** Latency in force. */
    public final class Latency {
        private final List<String> namespaces;
        private final List<Process> handlers;

        private Latency(List<String> namespaces, List<Process> handlers) {
            this.namespaces = namespaces;
            this.handlers = handlers;
        }

        public void remove() {
            lab.context().network().removeDelay(namespaces);
            handlers.forEach(Process::destroy);
        }
    }

    /** The cluster DNS stops answering (its server is gone: lookups fail at once). */
    public void dnsDown() {
        lab.context().dns().stop();
    }

    public void dnsUp() {
        lab.context().dns().start();
    }

    /** The claim's volume is replaced by an empty one; its pod must be gone (e.g. during a full outage). */
    public void replaceVolume(String claim) {
        lab.context().volumes().replaceWithEmpty(claim);
    }

    private PodWorker worker(String pod) {
        return lab.pod(pod).worker();
    }

    private static void parallel(List<String> pods, java.util.function.Consumer<String> action) {
        List<Thread> threads = Stream.of(pods.toArray(String[]::new))
                .map(pod -> new Thread(() -> action.accept(pod), "fault-" + pod))
                .toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
