package io.galeragen.core.podlab;

/** The pod network's address family: every pod gets one address of it (single-stack, as a cluster's podCIDR). */
public enum IpFamily {
    /** 10.244.&lt;subnet&gt;.0/24, the default. */
    IPV4,
    /** fd00:10:244:&lt;subnet&gt;::/64 only (a unique local range): no IPv4 address but the loopback's. */
    IPV6
}
