package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The cluster DNS: dnsmasq in a namespace of its own, answering only from a hosts file the lab rewrites (then
 * SIGHUP) whenever the endpoints change (A records on an IPv4 lab, AAAA and no A on an IPv6 one), NXDOMAIN for any other name under the cluster domain, and no forwarding at
 * all. A change reaches DNS after {@link #propagationDelay}, standing in for endpoint propagation (endpoints
 * controller, EndpointSlice watch, CoreDNS): published answers always lag the pods a little, as in Kubernetes.
 */
final class ClusterDns implements AutoCloseable {

    private final LabId lab;
    private final String address;
    private final Path dir;
    private final String clusterDomain;
    private final Duration propagationDelay;
    private final ScheduledExecutorService propagation = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dns-propagation");
        thread.setDaemon(true);
        return thread;
    });
    private Map<String, List<String>> published = Map.of();
    private Map<String, List<String>> lastScheduled = Map.of();
    private Process dnsmasq;
    private boolean down;

    ClusterDns(LabId lab, String address, Path dir, String clusterDomain, Duration propagationDelay) {
        this.lab = lab;
        this.address = address;
        this.dir = dir;
        this.clusterDomain = clusterDomain;
        this.propagationDelay = propagationDelay;
    }

    String address() {
        return address;
    }

    Duration propagationDelay() {
        return propagationDelay;
    }

    /** Starts dnsmasq in the DNS namespace (which the caller attached to the pod network). */
    synchronized void start() {
        try {
            Files.createDirectories(dir);
            writeRecords(published);
            Files.writeString(
                    dir.resolve("dnsmasq.conf"),
                    String.join(
                            "\n",
                            "# The lab's cluster DNS: answers from the records file only; nothing is forwarded anywhere.",
                            "no-resolv",
                            "no-hosts",
                            "no-poll",
                            "bind-interfaces",
                            "listen-address=" + address,
                            "addn-hosts=" + dir.resolve("records"),
                            "local=/" + clusterDomain + "/",
                            "domain-needed",
                            "bogus-priv",
                            // CoreDNS' kubernetes plugin answers with a TTL of 5 s.
                            "local-ttl=5",
                            "pid-file=",
                            ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dnsmasq = Shell.start(
                List.of(
                        "nsenter",
                        "--net=/run/netns/" + lab.dnsNamespace(),
                        "dnsmasq",
                        "--keep-in-foreground",
                        "--conf-file=" + dir.resolve("dnsmasq.conf")),
                dir.resolve("dnsmasq.log"));
        down = false;
    }

    /** Publishes the answers for every name, after the propagation delay; the snapshot is taken now. */
    synchronized void publish(Map<String, List<String>> records) {
        Map<String, List<String>> snapshot = Map.copyOf(records);
        if (snapshot.equals(lastScheduled)) {
            return;
        }
        lastScheduled = snapshot;
        propagation.schedule(() -> apply(snapshot), propagationDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What DNS answers now (after propagation). */
    synchronized Map<String, List<String>> published() {
        return published;
    }

    private synchronized void apply(Map<String, List<String>> records) {
        published = records;
        writeRecords(records);
        if (dnsmasq != null && dnsmasq.isAlive()) {
            Shell.tryRun("kill", "-HUP", Long.toString(dnsmasq.pid()));
        }
    }

    private void writeRecords(Map<String, List<String>> records) {
        StringBuilder hosts = new StringBuilder("# name -> addresses, rewritten by the lab on every endpoint change\n");
        records.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            List<String> addresses = new ArrayList<>(entry.getValue());
            Collections.shuffle(addresses);
            addresses.forEach(address ->
                    hosts.append(address).append(' ').append(entry.getKey()).append('\n'));
        });
        try {
            Path tmp = dir.resolve("records.tmp");
            Files.writeString(tmp, hosts);
            Files.move(
                    tmp, dir.resolve("records"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A DNS outage: the server is gone, so lookups fail at once (as when no CoreDNS endpoint is left). */
    synchronized void stop() {
        if (dnsmasq != null) {
            dnsmasq.destroyForcibly();
            try {
                dnsmasq.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        down = true;
    }

    synchronized boolean isDown() {
        return down;
    }

    @Override
    public void close() {
        propagation.shutdownNow();
        stop();
    }
}
