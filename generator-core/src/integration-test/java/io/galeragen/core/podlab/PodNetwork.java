package io.galeragen.core.podlab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lab's pod network: a bridge in a namespace of its own (the "node network"), and per attached namespace (a pod
 * sandbox, the cluster DNS, the client) a veth pair with one address of the lab's subnet ({@link LabSubnet}, IPv4 or
 * IPv6 only) and no route beyond it; the loopback keeps 127.0.0.1 and ::1, as in a pod. A re-created pod gets a new
 * address, as in Kubernetes: addresses are handed out in a cycle, never the one just freed.
 */
final class PodNetwork {

    /** Pod addresses: host numbers 20 to 250 of the subnet. */
    private static final int FIRST_POD_HOST = 20;

    private static final int LAST_POD_HOST = 250;
    private static final String PARTITION_CHAIN = "PODLAB-PARTITION";
    private static final String LATENCY_CHAIN = "PODLAB-LATENCY";

    private final LabId lab;
    private final LabSubnet subnet;
    private final Set<Integer> inUse = new HashSet<>();
    private int lastHost = FIRST_POD_HOST - 1;

    PodNetwork(LabId lab, IpFamily family) {
        this.lab = lab;
        this.subnet = new LabSubnet(lab, family);
    }

    LabSubnet subnet() {
        return subnet;
    }

    /** Creates the bridge namespace; the lab removed any leftover of an earlier run before. */
    void create() {
        String net = lab.networkNamespace();
        Shell.run("ip", "netns", "add", net);
        Shell.run("ip", "-n", net, "link", "set", "lo", "up");
        Shell.run("ip", "-n", net, "link", "add", "br0", "type", "bridge");
        if (subnet.family() == IpFamily.IPV6) {
            // No MLD querier on this bridge: snooping must not hide neighbour solicitations from the pods.
            Shell.run("ip", "-n", net, "link", "set", "br0", "type", "bridge", "mcast_snooping", "0");
        }
        addAddress(net, "br0", subnet.nodeAddress());
        Shell.run("ip", "-n", net, "link", "set", "br0", "up");
    }

    /** Creates a namespace plugged into the bridge with the given host number; returns its address. */
    String attach(String namespace, int host) {
        String address = subnet.address(host);
        String veth = "v" + host;
        Shell.run("ip", "netns", "add", namespace);
        Shell.run(
                "ip",
                "-n",
                lab.networkNamespace(),
                "link",
                "add",
                veth,
                "type",
                "veth",
                "peer",
                "name",
                "eth0",
                "netns",
                namespace);
        Shell.run("ip", "-n", lab.networkNamespace(), "link", "set", veth, "master", "br0", "up");
        addAddress(namespace, "eth0", address);
        Shell.run("ip", "-n", namespace, "link", "set", "eth0", "up");
        Shell.run("ip", "-n", namespace, "link", "set", "lo", "up");
        return address;
    }

    /** A pod sandbox's namespace with the next free pod address. */
    synchronized String attachPod(String namespace) {
        int host = lastHost;
        do {
            host = host >= LAST_POD_HOST ? FIRST_POD_HOST : host + 1;
            if (host == lastHost) {
                throw new IllegalStateException("no free pod address in " + subnet.cidr());
            }
        } while (inUse.contains(host));
        inUse.add(host);
        lastHost = host;
        return attach(namespace, host);
    }

    /** Removes a namespace (its veth pair goes with it) and frees its address. */
    synchronized void detach(String namespace, String address) {
        Shell.tryRun("ip", "netns", "del", namespace);
        if (address != null) {
            inUse.remove(subnet.host(address));
        }
    }

    /** One address of the subnet; an IPv6 one usable at once (no duplicate address detection: the lab hands them out). */
    private void addAddress(String namespace, String device, String address) {
        List<String> command = new ArrayList<>(
                List.of("ip", "-n", namespace, "addr", "add", address + "/" + subnet.prefixLength(), "dev", device));
        if (subnet.family() == IpFamily.IPV6) {
            command.add("nodad");
        }
        Shell.run(command.toArray(String[]::new));
    }

    /**
     * Drops every packet between the two sides (iptables-legacy, or ip6tables-legacy on IPv6, in each namespace of the
     * first side, both directions), until {@link #heal}. Addresses, not pods: a pod re-created meanwhile has a new
     * address and is not cut off.
     */
    void partition(Collection<String> namespaces, Collection<String> otherAddresses) {
        for (String namespace : namespaces) {
            iptables(namespace, "-N", PARTITION_CHAIN);
            iptables(namespace, "-I", "INPUT", "-j", PARTITION_CHAIN);
            iptables(namespace, "-I", "OUTPUT", "-j", PARTITION_CHAIN);
            for (String address : otherAddresses) {
                iptables(namespace, "-A", PARTITION_CHAIN, "-s", address, "-j", "DROP");
                iptables(namespace, "-A", PARTITION_CHAIN, "-d", address, "-j", "DROP");
            }
        }
    }

    /** Removes the partition rules of these namespaces (those that still exist). */
    void heal(Collection<String> namespaces) {
        removeChain(namespaces, PARTITION_CHAIN, "INPUT", "OUTPUT");
    }

    /**
     * Sends every packet the namespace sends to these addresses to NFQUEUE {@code queue} (where a handler holds it,
     * {@code nfqueue-delay.py}), until {@link #removeDelay}. With {@code --queue-bypass}: no handler, no delay.
     */
    void delay(String namespace, Collection<String> addresses, int queue) {
        iptables(namespace, "-N", LATENCY_CHAIN);
        iptables(namespace, "-I", "OUTPUT", "-j", LATENCY_CHAIN);
        for (String address : addresses) {
            iptables(
                    namespace,
                    "-A",
                    LATENCY_CHAIN,
                    "-d",
                    address,
                    "-j",
                    "NFQUEUE",
                    "--queue-num",
                    Integer.toString(queue),
                    "--queue-bypass");
        }
    }

    void removeDelay(Collection<String> namespaces) {
        removeChain(namespaces, LATENCY_CHAIN, "OUTPUT");
    }

    private void removeChain(Collection<String> namespaces, String chain, String... hooks) {
        for (String namespace : namespaces) {
            if (!exists(namespace)) {
                continue;
            }
            for (String hook : hooks) {
                nsenterTry(namespace, subnet.iptables(), "-w", "-D", hook, "-j", chain);
            }
            nsenterTry(namespace, subnet.iptables(), "-w", "-F", chain);
            nsenterTry(namespace, subnet.iptables(), "-w", "-X", chain);
        }
    }

    private void iptables(String namespace, String... args) {
        List<String> command =
                new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + namespace, subnet.iptables(), "-w"));
        command.addAll(List.of(args));
        Shell.run(command.toArray(String[]::new));
    }

    private static void nsenterTry(String namespace, String... command) {
        List<String> full = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + namespace));
        full.addAll(List.of(command));
        Shell.tryRun(full.toArray(String[]::new));
    }

    static boolean exists(String namespace) {
        return java.nio.file.Files.exists(java.nio.file.Path.of("/run/netns", namespace));
    }

    /** Every namespace of this lab, e.g. left by a crashed run. */
    static List<String> namespacesOf(LabId lab) {
        return Shell.run("ip", "netns", "list")
                .lines()
                .map(line -> line.split("\\s+")[0])
                .filter(name -> name.startsWith(lab.name() + "-"))
                .toList();
    }
}
