package io.galeragen.core.podlab;

import java.nio.file.Path;

/**
 * Names everything one lab creates on this machine, so that two labs can run side by side and a lab can find what a
 * crashed run of itself left: network namespaces {@code <id>-…}, the lab directory, its cgroups, and the private
 * subnet ({@link LabSubnet}: 10.244.&lt;subnet&gt;.0/24 or fd00:10:244:&lt;subnet&gt;::/64), used only inside the
 * lab's own namespaces (its bridge lives in one of them, so the host never sees these addresses and nothing routes
 * out).
 *
 * @param name   a short lower-case name, e.g. {@code podlab} or {@code rec1}
 * @param subnet the lab's subnet number: the third octet of 10.244.x.0/24, the fourth group of fd00:10:244:x::/64
 */
public record LabId(String name, int subnet) {

    /** Where labs keep their files; mariadbd runs as uid 999, so every parent directory must be traversable. */
    static final Path ROOT = Path.of("/var/tmp/galera-podlab");

    static final String CGROUP_PARENT = "galera-podlab";

    public LabId {
        if (!name.matches("[a-z][a-z0-9]{0,7}")) {
            throw new IllegalArgumentException(
                    "lab id '" + name + "': 1 to 8 lower-case letters and digits, a letter first");
        }
        if (subnet < 1 || subnet > 254) {
            throw new IllegalArgumentException("lab subnet " + subnet + ": 1 to 254");
        }
    }

    /** A lab id with a subnet derived from its name. */
    public static LabId of(String name) {
        return new LabId(name, 1 + Math.floorMod(name.hashCode(), 254));
    }

    Path dir() {
        return ROOT.resolve(name);
    }

    /** argv[0] of every pause process of this lab, so that a later run finds leftovers. */
    String pauseMarker() {
        return "podlab-pause-" + name;
    }

    /**
     * Whether a process's command line (NULs as spaces) is one of this lab's pause processes: argv[0] exactly, since
     * another lab's id may start with this one's (podlab, podlab2).
     */
    boolean isPauseProcess(String commandLine) {
        return commandLine.startsWith(pauseMarker() + " ");
    }

    /** The namespace holding the bridge every pod's veth is plugged into (the lab's "node network"). */
    String networkNamespace() {
        return name + "-net";
    }

    String dnsNamespace() {
        return name + "-dns";
    }

    String clientNamespace() {
        return name + "-client";
    }

    /** A pod sandbox's network namespace; the sequence number makes a re-created pod's namespace a new one. */
    String podNamespace(long sandbox) {
        return name + "-s" + sandbox;
    }
}
