package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the runtime starts for one container, derived as kubelet and containerd derive it from the pod, the container
 * and its image: the argv (command replaces ENTRYPOINT and drops CMD; args replace CMD), the environment (image ENV,
 * HOSTNAME, the container's env, HOME from the image's passwd), the user (runAsUser/runAsGroup over the image's USER,
 * supplementary groups fsGroup + supplementalGroups + the user's groups in the image), the capabilities (containerd's
 * default set, minus drop, plus add), no_new_privs, a read-only root, the mounts. Written as files for
 * run-container.sh and container-exec.sh.
 */
record ContainerSpec(
        String name,
        Image image,
        List<String> argv,
        Map<String, String> env,
        long uid,
        long gid,
        List<Long> groups,
        String boundingSet,
        boolean noNewPrivs,
        boolean readOnlyRoot,
        String workingDir,
        List<Mount> mounts) {

    /** A bind mount into the container's root. */
    record Mount(Path source, String target, boolean readOnly) {}

    /** containerd's default capabilities for a container. */
    private static final List<String> DEFAULT_CAPABILITIES = List.of(
            "chown",
            "dac_override",
            "fsetid",
            "fowner",
            "mknod",
            "net_raw",
            "setgid",
            "setuid",
            "setfcap",
            "setpcap",
            "net_bind_service",
            "sys_chroot",
            "kill",
            "audit_write");

    static ContainerSpec of(
            Pod pod,
            Container container,
            Image image,
            Map<String, String> containerEnv,
            Map<String, Path> volumePaths,
            PodSandbox sandbox) {
        PodSecurityContext podSecurity =
                Optional.ofNullable(pod.spec().getSecurityContext()).orElse(new PodSecurityContext());
        SecurityContext security =
                Optional.ofNullable(container.getSecurityContext()).orElse(new SecurityContext());
        ImageUsers users = ImageUsers.of(image);

        Long runAsUser = first(security.getRunAsUser(), podSecurity.getRunAsUser());
        long uid = runAsUser != null ? runAsUser : users.uid(image.user());
        Long runAsGroup = first(security.getRunAsGroup(), podSecurity.getRunAsGroup());
        long gid = runAsGroup != null ? runAsGroup : users.primaryGroup(image.user(), uid);
        Boolean runAsNonRoot = first(security.getRunAsNonRoot(), podSecurity.getRunAsNonRoot());
        if (Boolean.TRUE.equals(runAsNonRoot)) {
            if (runAsUser == null
                    && !image.user().isEmpty()
                    && !image.user().split(":")[0].matches("\\d+")) {
                throw new EnvResolver.ConfigError("container has runAsNonRoot and image has non-numeric user ("
                        + image.user() + "), cannot verify user is non-root");
            }
            if (uid == 0) {
                throw new EnvResolver.ConfigError("container has runAsNonRoot and image will run as root");
            }
        }
        Set<Long> groups = new LinkedHashSet<>();
        if (podSecurity.getFsGroup() != null) {
            groups.add(podSecurity.getFsGroup());
        }
        groups.addAll(podSecurity.getSupplementalGroups());
        groups.addAll(users.groupsOf(uid));

        List<String> argv = new ArrayList<>();
        if (!container.getCommand().isEmpty()) {
            argv.addAll(EnvResolver.expand(container.getCommand(), containerEnv));
            argv.addAll(EnvResolver.expand(container.getArgs(), containerEnv));
        } else {
            argv.addAll(image.entrypoint());
            argv.addAll(
                    container.getArgs().isEmpty()
                            ? image.cmd()
                            : EnvResolver.expand(container.getArgs(), containerEnv));
        }
        if (argv.isEmpty()) {
            throw new EnvResolver.ConfigError("no command specified");
        }

        Map<String, String> env = new LinkedHashMap<>(image.env());
        env.put("HOSTNAME", sandbox.hostname());
        env.putAll(containerEnv);
        env.putIfAbsent("HOME", users.home(uid));

        boolean readOnlyRoot = Boolean.TRUE.equals(security.getReadOnlyRootFilesystem());
        List<Mount> mounts = new ArrayList<>();
        for (VolumeMount mount : container.getVolumeMounts()) {
            Path source = volumePaths.get(mount.getName());
            if (source == null) {
                throw new EnvResolver.ConfigError("volumeMount " + mount.getName() + " names no volume of the pod");
            }
            if (mount.getSubPath() != null && !mount.getSubPath().isEmpty()) {
                source = source.resolve(mount.getSubPath());
            }
            mounts.add(new Mount(
                    source,
                    mount.getMountPath(),
                    Boolean.TRUE.equals(mount.getReadOnly()) || sandbox.readOnlyVolume(mount.getName())));
        }
        mounts.add(new Mount(sandbox.hostsFile(), "/etc/hosts", readOnlyRoot));
        mounts.add(new Mount(sandbox.hostnameFile(), "/etc/hostname", readOnlyRoot));
        mounts.add(new Mount(sandbox.resolvConf(), "/etc/resolv.conf", readOnlyRoot));
        mounts.add(new Mount(
                sandbox.terminationLog(container.getName()),
                Optional.ofNullable(container.getTerminationMessagePath()).orElse("/dev/termination-log"),
                false));

        String workingDir = container.getWorkingDir() != null ? container.getWorkingDir() : image.workingDir();
        boolean noNewPrivs = Boolean.FALSE.equals(security.getAllowPrivilegeEscalation());
        return new ContainerSpec(
                container.getName(),
                image,
                argv,
                env,
                uid,
                gid,
                List.copyOf(groups),
                boundingSet(security.getCapabilities()),
                noNewPrivs,
                readOnlyRoot,
                workingDir,
                mounts);
    }

    /** setpriv's --bounding-set argument. */
    private static String boundingSet(Capabilities capabilities) {
        Set<String> kept = new LinkedHashSet<>(DEFAULT_CAPABILITIES);
        if (capabilities != null) {
            for (String drop : capabilities.getDrop()) {
                if ("ALL".equalsIgnoreCase(drop)) {
                    kept.clear();
                } else {
                    kept.remove(capability(drop));
                }
            }
            capabilities.getAdd().forEach(add -> kept.add(capability(add)));
        }
        return "-all" + kept.stream().map(cap -> ",+" + cap).collect(Collectors.joining());
    }

    private static String capability(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("cap_") ? lower.substring(4) : lower;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Writes the files run-container.sh and container-exec.sh read. */
    void writeTo(Path dir, List<Path> cgroups) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("lower"), image.lowerDir());
            Files.write(dir.resolve("argv"), nulSeparated(argv));
            Files.write(
                    dir.resolve("env"),
                    nulSeparated(env.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .toList()));
            String groupList = groups.isEmpty()
                    ? "-"
                    : groups.stream().map(String::valueOf).collect(Collectors.joining(","));
            Files.writeString(dir.resolve("user"), uid + " " + gid + " " + groupList + "\n");
            Files.writeString(dir.resolve("bounding_set"), boundingSet + "\n");
            Files.writeString(dir.resolve("no_new_privs"), (noNewPrivs ? "1" : "0") + "\n");
            Files.writeString(dir.resolve("readonly_root"), (readOnlyRoot ? "1" : "0") + "\n");
            Files.writeString(dir.resolve("workdir"), workingDir + "\n");
            Files.writeString(
                    dir.resolve("mounts"),
                    mounts.stream()
                            .map(m -> m.source() + "\t" + m.target() + "\t" + (m.readOnly() ? "ro" : "rw") + "\n")
                            .collect(Collectors.joining()));
            Files.writeString(
                    dir.resolve("cgroups"), cgroups.stream().map(p -> p + "\n").collect(Collectors.joining()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the container spec " + dir, e);
        }
    }

    private static byte[] nulSeparated(List<String> values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String value : values) {
            out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }
}
