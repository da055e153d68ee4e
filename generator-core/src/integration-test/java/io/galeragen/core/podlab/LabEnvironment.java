package io.galeragen.core.podlab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pod lab needs from this machine, and where the project and its shared files are: root, the tools
 * (mmdebstrap, dnsmasq, iptables-legacy, util-linux, iproute2), /dev/fuse, cgroups, and ../shared/upstream beside the
 * repository (a user's clone has none).
 */
public final class LabEnvironment {

    private static final List<String> TOOLS = List.of(
            "mmdebstrap", "dnsmasq", "iptables-legacy", "nsenter", "unshare", "ip", "mount", "pivot_root", "mknod");

    private LabEnvironment() {}

    /** The repository root: system property galera.projectRoot, else the first parent of the working directory with examples/. */
    public static Path projectRoot() {
        String property = System.getProperty("galera.projectRoot");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples")) && Files.isDirectory(dir.resolve("generator-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the galera-gen repository above " + Path.of("").toAbsolutePath());
    }

    /** ../shared/upstream beside the repository (system property galera.upstreamRoot overrides). */
    public static Path upstream() {
        String property = System.getProperty("galera.upstreamRoot");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        return projectRoot().resolve("../shared/upstream").normalize();
    }

    /** What is missing for a lab, one item each; empty when the lab can run. */
    public static List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            missing.add("root (the lab creates namespaces and mounts)");
        }
        for (String tool : TOOLS) {
            if (!onPath(tool)) {
                missing.add(tool);
            }
        }
        if (!Files.exists(Path.of("/dev/fuse"))) {
            missing.add("/dev/fuse");
        }
        if (!Files.isDirectory(Path.of("/sys/fs/cgroup/memory"))) {
            missing.add("the cgroup v1 memory controller");
        }
        Path mariadbDocker = upstream().resolve("mariadb-docker");
        if (!Files.isDirectory(mariadbDocker)) {
            missing.add(mariadbDocker + " (../shared/upstream beside the repository)");
        }
        return missing;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin") + ":/usr/sbin:/sbin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
