package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.galeragen.core.podlab.Pod;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Evidence, read from the kernel and from inside the containers, that the pods ran the rendered files byte for byte:
 * each process's argv (/proc/PID/cmdline) and environment (/proc/PID/environ) against the manifest, and every
 * ConfigMap and Secret file a container sees against the rendered (or the lab's Secret) data.
 */
final class RenderedPodProof {

    /** What the image itself adds to a container's environment, and what the runtime adds. */
    private static final Set<String> RUNTIME_ENV = Set.of("HOSTNAME", "HOME");

    private final PodLab lab;
    private final StatefulSet statefulSet;
    private final ConfigMap configMap;

    RenderedPodProof(PodLab lab) {
        this.lab = lab;
        this.statefulSet = resource(lab, StatefulSet.class);
        this.configMap = resource(lab, ConfigMap.class);
    }

    private static <T> T resource(PodLab lab, Class<T> type) {
        return lab.rendering().manifests().stream()
                .map(m -> m.resource())
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }

    Container container(String name) {
        return java.util.stream.Stream.concat(
                        statefulSet.getSpec().getTemplate().getSpec().getInitContainers().stream(),
                        statefulSet.getSpec().getTemplate().getSpec().getContainers().stream())
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Every member's mariadb and exporter containers: PID 1 has exactly the manifest's argv and environment (fieldRefs
     * and Secret keys resolved, plus what the image and the runtime add), mariadbd below start.sh runs init.sh's
     * decision and inherited that environment (less what the image's entrypoint rewrites), and every ConfigMap and
     * Secret file the containers see equals the rendered data. Returns the files checked.
     */
    List<String> everyMemberRanTheRenderedFiles() {
        List<String> files = new ArrayList<>();
        for (Pod pod : lab.members()) {
            Container mariadb = container("mariadb");
            long startSh = pod.container("mariadb").pid();
            assertRunsExactly(startSh, mariadb, pod, commandLine(mariadb), lab.imageEnv(mariadb.getImage()));
            long mariadbd = childNamed(startSh, "mariadbd");
            List<String> argv = cmdline(mariadbd);
            String decided = argv.subList(1, argv.size()).stream()
                    .map(java.util.regex.Pattern::quote)
                    .map(arg -> "\\s+" + arg)
                    .collect(java.util.stream.Collectors.joining());
            assertThat(lab.log(pod.name(), "mariadb"))
                    .as("start.sh ran the image's entrypoint with init.sh's decision")
                    .containsPattern("docker-entrypoint.sh mariadbd" + decided);
            assertInheritsEnv(mariadbd, mariadb, pod);
            Container exporter = container("exporter");
            assertRunsExactly(
                    pod.container("exporter").pid(),
                    exporter,
                    pod,
                    commandLine(exporter),
                    lab.imageEnv(exporter.getImage()));
            files.addAll(assertMountedFilesAreRendered(pod, mariadb));
            files.addAll(assertMountedFilesAreRendered(pod, exporter));
        }
        return files;
    }

    /** The container's argv as the runtime builds it: command (or the image's entrypoint) then args. */
    private List<String> commandLine(Container container) {
        List<String> argv = new ArrayList<>(
                container.getCommand() == null || container.getCommand().isEmpty()
                        ? lab.imageEntrypoint(container.getImage())
                        : container.getCommand());
        if (container.getArgs() != null) {
            argv.addAll(container.getArgs());
        }
        return argv;
    }

    /** The child process of {@code parent} whose argv[0] is {@code name} (mariadbd below start.sh). */
    private static long childNamed(long parent, String name) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                    .filter(p -> parentOf(p) == parent)
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .filter(pid -> cmdline(pid).get(0).equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " below pid " + parent));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long parentOf(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** argv of the process, as the kernel holds it. */
    static List<String> cmdline(long pid) {
        return Arrays.asList(new String(readProc(pid, "cmdline"), StandardCharsets.UTF_8).split("\0"));
    }

    /** The environment the process was started with, as the kernel holds it. */
    static Map<String, String> environ(long pid) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : new String(readProc(pid, "environ"), StandardCharsets.UTF_8).split("\0")) {
            if (entry.contains("=")) {
                env.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
            }
        }
        return env;
    }

    private static byte[] readProc(long pid, String file) {
        try {
            return Files.readAllBytes(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException("process " + pid + " is gone", e);
        }
    }

    /** The value each env variable of the manifest must have in this pod (literals, fieldRefs, Secret keys). */
    Map<String, String> expectedEnv(Container container, Pod pod) {
        Map<String, String> expected = new LinkedHashMap<>();
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                expected.put(variable.getName(), variable.getValue());
            } else if (variable.getValueFrom().getFieldRef() != null) {
                String path = variable.getValueFrom().getFieldRef().getFieldPath();
                expected.put(
                        variable.getName(),
                        switch (path) {
                            case "metadata.name" -> pod.name();
                            case "metadata.namespace" -> pod.namespace();
                            case "status.podIP" -> pod.ip();
                            default -> throw new AssertionError("the proof does not know fieldRef " + path);
                        });
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                expected.put(variable.getName(), lab.secrets().text(ref.getName(), ref.getKey()));
            }
        }
        return expected;
    }

    /** A process that is the container's command itself: argv = command + args, env = manifest + image + runtime. */
    void assertRunsExactly(long pid, Container container, Pod pod, List<String> argv, Set<String> imageEnv) {
        assertThat(cmdline(pid))
                .as("argv of %s/%s", pod.name(), container.getName())
                .isEqualTo(argv);
        Map<String, String> environ = environ(pid);
        Map<String, String> expected = expectedEnv(container, pod);
        Set<String> names = new TreeSet<>(expected.keySet());
        names.addAll(imageEnv);
        names.addAll(RUNTIME_ENV);
        assertThat(new TreeSet<>(environ.keySet()))
                .as("env names of %s/%s", pod.name(), container.getName())
                .isEqualTo(names);
        expected.forEach((name, value) -> assertThat(environ.get(name))
                .as("env %s of %s/%s", name, pod.name(), container.getName())
                .isEqualTo(value));
    }

    /**
     * A process the container's command started through the image's entrypoint (start.sh -> docker-entrypoint.sh ->
     * mariadbd): it inherited the manifest's environment, except what that entrypoint owns: it exports DATADIR as
     * mysqld's datadir (a trailing slash), turns each *_FILE into the value it names, and unsets the MARIADB_ and
     * MYSQL_ variables that carry passwords and the root host before it execs mariadbd; no password may be left.
     */
    void assertInheritsEnv(long pid, Container container, Pod pod) {
        Map<String, String> environ = environ(pid);
        expectedEnv(container, pod).forEach((name, value) -> {
            if (name.equals("DATADIR")) {
                assertThat(environ.get(name))
                        .as("DATADIR of %s/%s", pod.name(), container.getName())
                        .isIn(value, value + "/");
            } else if (!name.endsWith("_FILE") && !name.startsWith("MARIADB_") && !name.startsWith("MYSQL_")) {
                assertThat(environ.get(name))
                        .as("env %s of %s/%s (inherited through the command)", name, pod.name(), container.getName())
                        .isEqualTo(value);
            }
        });
        assertThat(environ.keySet())
                .as("password variables in the environment of %s/%s's server", pod.name(), container.getName())
                .noneMatch(name -> name.matches("(MARIADB|MYSQL)_(ROOT_|REPLICATION_)?PASSWORD(_HASH)?"));
    }

    /** Every ConfigMap file and Secret file the container mounts, read inside it, equals the rendered data. */
    List<String> assertMountedFilesAreRendered(Pod pod, Container container) {
        List<String> checked = new ArrayList<>();
        Map<String, Volume> volumes = new LinkedHashMap<>();
        pod.spec().getVolumes().forEach(v -> volumes.put(v.getName(), v));
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = volumes.get(mount.getName());
            if (volume.getConfigMap() != null) {
                Map<String, String> files = files(volume.getConfigMap().getItems(), configMap.getData());
                files.forEach((path, content) -> {
                    assertThat(cat(pod, container, mount.getMountPath() + "/" + path))
                            .as("%s in %s/%s", mount.getMountPath() + "/" + path, pod.name(), container.getName())
                            .isEqualTo(content);
                    checked.add(mount.getMountPath() + "/" + path);
                });
            } else if (volume.getSecret() != null) {
                for (KeyToPath item : volume.getSecret().getItems()) {
                    String file = mount.getMountPath() + "/" + item.getPath();
                    assertThat(cat(pod, container, file))
                            .as("%s in %s/%s", file, pod.name(), container.getName())
                            .isEqualTo(lab.secrets().text(volume.getSecret().getSecretName(), item.getKey()));
                    int mode = item.getMode() != null
                            ? item.getMode()
                            : volume.getSecret().getDefaultMode();
                    Long fsGroup = pod.spec().getSecurityContext().getFsGroup();
                    String stat = exec(pod, container, "stat", "-L", "-c", "%a %u %g", file)
                            .strip();
                    assertThat(stat)
                            .as("mode, owner and group of %s (defaultMode and fsGroup, as the kubelet sets them)", file)
                            .isEqualTo(Integer.toOctalString(mode | (fsGroup == null ? 0 : 0440)) + " 0 "
                                    + (fsGroup == null ? 0 : fsGroup));
                    checked.add(file);
                }
            }
        }
        return checked;
    }

    private static Map<String, String> files(List<KeyToPath> items, Map<String, String> data) {
        Map<String, String> files = new LinkedHashMap<>();
        if (items == null || items.isEmpty()) {
            files.putAll(data);
        } else {
            items.forEach(item -> files.put(item.getPath(), data.get(item.getKey())));
        }
        return files;
    }

    private String cat(Pod pod, Container container, String file) {
        return exec(pod, container, "cat", file);
    }

    private String exec(Pod pod, Container container, String... command) {
        Shell.Result result =
                lab.exec(pod.name(), container.getName(), List.of(command), Map.of(), Duration.ofSeconds(30));
        assertThat(result.exitCode())
                .as("%s in %s/%s: %s", String.join(" ", command), pod.name(), container.getName(), result.output())
                .isZero();
        return result.output();
    }
}
