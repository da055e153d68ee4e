package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A pod's sandbox, what the pause container holds in Kubernetes: a network namespace with the pod's own address on
 * the lab's bridge, UTS and IPC namespaces whose hostname is the pod's, and the files the kubelet writes for every
 * container: /etc/hosts, /etc/hostname, /etc/resolv.conf (cluster search path, ndots:5, the lab's DNS).
 */
final class PodSandbox {

    private final Path dir;
    private final String netns;
    private final String ip;
    private final String hostname;
    private final Process pause;
    private final Set<String> readOnlyVolumes;

    private PodSandbox(Path dir, String netns, String ip, String hostname, Process pause, Set<String> readOnlyVolumes) {
        this.dir = dir;
        this.netns = netns;
        this.ip = ip;
        this.hostname = hostname;
        this.pause = pause;
        this.readOnlyVolumes = readOnlyVolumes;
    }

    static PodSandbox create(LabContext lab, Pod pod, long sequence, Path dir, Set<String> readOnlyVolumes) {
        String netns = lab.id().podNamespace(sequence);
        String ip = lab.network().attachPod(netns);
        String hostname = pod.spec().getHostname() != null ? pod.spec().getHostname() : truncate(pod.name());
        String domain = lab.cluster().clusterDomain();
        String subdomain = pod.spec().getSubdomain();
        String hostsLine = subdomain == null || subdomain.isEmpty()
                ? ip + "\t" + hostname + "\n"
                : ip + "\t" + hostname + "." + subdomain + "." + pod.namespace() + ".svc." + domain + "\t" + hostname
                        + "\n";
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("hosts"), """
                    # Kubernetes-managed hosts file.
                    127.0.0.1\tlocalhost
                    ::1\tlocalhost ip6-localhost ip6-loopback
                    fe00::0\tip6-localnet
                    fe00::0\tip6-mcastprefix
                    fe00::1\tip6-allnodes
                    fe00::2\tip6-allrouters
                    """ + hostsLine);
            Files.writeString(dir.resolve("hostname"), hostname + "\n");
            Files.writeString(
                    dir.resolve("resolv.conf"),
                    "search " + pod.namespace() + ".svc." + domain + " svc." + domain + " " + domain + "\nnameserver "
                            + lab.dns().address() + "\noptions ndots:5\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process pause = Shell.start(
                List.of(
                        "nsenter",
                        "--net=/run/netns/" + netns,
                        "unshare",
                        "--uts",
                        "--ipc",
                        "--",
                        "bash",
                        "-c",
                        "hostname \"$1\" && exec -a " + lab.pauseMarker() + " sleep infinity",
                        "pause",
                        hostname),
                dir.resolve("pause.log"));
        awaitPause(pause, lab.pauseMarker());
        return new PodSandbox(dir, netns, ip, hostname, pause, readOnlyVolumes);
    }

    private static void awaitPause(Process pause, String marker) {
        Path cmdline = Path.of("/proc", Long.toString(pause.pid()), "cmdline");
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (!pause.isAlive()) {
                    throw new IllegalStateException("the pod sandbox's pause process exited: " + pause.exitValue());
                }
                if (Files.readString(cmdline).startsWith(marker)) {
                    return;
                }
            } catch (IOException gone) {
                // checked again below
            }
            Shell.sleep(Duration.ofMillis(20));
        }
        throw new IllegalStateException("the pod sandbox's pause process did not start");
    }

    private static String truncate(String name) {
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    String netns() {
        return netns;
    }

    String ip() {
        return ip;
    }

    String hostname() {
        return hostname;
    }

    long pausePid() {
        return pause.pid();
    }

    Path hostsFile() {
        return dir.resolve("hosts");
    }

    Path hostnameFile() {
        return dir.resolve("hostname");
    }

    Path resolvConf() {
        return dir.resolve("resolv.conf");
    }

    Path terminationLog(String container) {
        Path file = dir.resolve("termination-log-" + container);
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
                Files.setPosixFilePermissions(file, ProjectedFiles.permissions(0666));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** ConfigMap, Secret and downward API volumes are always mounted read-only. */
    boolean readOnlyVolume(String volume) {
        return readOnlyVolumes.contains(volume);
    }

    /** The sandbox is gone: pause stopped, the network namespace (and with it the pod's address) removed. */
    void destroy(PodNetwork network) {
        pause.destroyForcibly();
        try {
            pause.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        network.detach(netns, ip);
    }
}
