package io.galeragen.core.podlab;

/**
 * The addresses of one lab's pod network in its family, used only inside the lab's own namespaces: IPv4
 * 10.244.&lt;subnet&gt;.0/24, or IPv6 fd00:10:244:&lt;subnet&gt;::/64 (unique local). The same host numbers in
 * both, written in decimal digits, so that 10.244.7.20 and fd00:10:244:7::20 are the same pod slot.
 */
record LabSubnet(LabId lab, IpFamily family) {

    String address(int host) {
        return prefix() + host;
    }

    /** The host number of an address of this subnet. */
    int host(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(separator()) + 1));
    }

    int prefixLength() {
        return family == IpFamily.IPV6 ? 64 : 24;
    }

    String cidr() {
        return (family == IpFamily.IPV6 ? prefix() : prefix() + "0") + "/" + prefixLength();
    }

    /** The bridge's address: where the kubelet's tcpSocket probes come from, as from a node. */
    String nodeAddress() {
        return address(1);
    }

    /** The packet filter of this family (partitions). */
    String iptables() {
        return family == IpFamily.IPV6 ? "ip6tables-legacy" : "iptables-legacy";
    }

    private String prefix() {
        return family == IpFamily.IPV6 ? "fd00:10:244:" + lab.subnet() + "::" : "10.244." + lab.subnet() + ".";
    }

    private char separator() {
        return family == IpFamily.IPV6 ? ':' : '.';
    }
}
