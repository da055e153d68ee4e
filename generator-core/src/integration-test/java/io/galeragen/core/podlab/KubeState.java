package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the lab's kubectl shim reads, kept current on every change: {@code <ns>/statefulsets/<name>/replicas},
 * {@code <ns>/pods/<pod>/ready} (True or False) and {@code <ns>/pods/<pod>/containers/<name>} (a link to the running
 * container's spec directory, for exec).
 */
final class KubeState {

    private final Path root;

    KubeState(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    synchronized void write(LabCluster cluster) {
        try {
            Set<Path> live = new HashSet<>();
            for (StatefulSet set : cluster.statefulSets()) {
                Path dir = root.resolve(set.getMetadata().getNamespace())
                        .resolve("statefulsets")
                        .resolve(set.getMetadata().getName());
                writeFile(
                        dir.resolve("replicas"),
                        Optional.ofNullable(set.getSpec().getReplicas()).orElse(1) + "\n");
            }
            for (Pod pod : cluster.pods()) {
                Path dir = root.resolve(pod.namespace()).resolve("pods").resolve(pod.name());
                live.add(dir);
                writeFile(dir.resolve("ready"), (pod.ready() ? "True" : "False") + "\n");
                Path containers = dir.resolve("containers");
                Files.createDirectories(containers);
                PodWorker worker = pod.worker();
                Set<String> running = new HashSet<>();
                if (worker != null) {
                    for (ContainerRunner runner : worker.runners()) {
                        RunningContainer current = runner.current();
                        if (current != null && current.alive()) {
                            running.add(runner.name());
                            Path link = containers.resolve(runner.name());
                            Path tmp = containers.resolve("." + runner.name() + ".tmp");
                            Files.deleteIfExists(tmp);
                            Files.createSymbolicLink(tmp, current.specDir());
                            Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                try (Stream<Path> links = Files.list(containers)) {
                    for (Path link : links.toList()) {
                        if (!running.contains(link.getFileName().toString())
                                && !link.getFileName().toString().startsWith(".")) {
                            Files.deleteIfExists(link);
                        }
                    }
                }
            }
            for (Path namespace : list(root)) {
                for (Path pod : list(namespace.resolve("pods"))) {
                    if (!live.contains(pod)) {
                        Shell.tryRun("rm", "-rf", pod.toString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }

    private static void writeFile(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
