package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A container's cgroups (this machine has cgroup v1): memory, limited to resources.limits.memory as the runtime does
 * (the kernel's OOM killer then acts as in a pod), and a freezer cgroup per pod, which a power cut uses to stop every
 * process of a pod in one step.
 */
final class ContainerCgroups {

    static final Path MEMORY = Path.of("/sys/fs/cgroup/memory");
    static final Path FREEZER = Path.of("/sys/fs/cgroup/freezer");

    private ContainerCgroups() {}

    static Path labPath(Path controller, LabId lab) {
        return controller.resolve(LabId.CGROUP_PARENT).resolve(lab.name());
    }

    static Path podFreezer(LabId lab, Pod pod) {
        return labPath(FREEZER, lab).resolve(pod.uid());
    }

    /** Creates the container's cgroups (fresh at each start) and returns them for run-container.sh to join. */
    static List<Path> create(LabId lab, Pod pod, Container container) {
        List<Path> cgroups = new ArrayList<>();
        try {
            if (Files.isDirectory(MEMORY)) {
                Path memory = labPath(MEMORY, lab).resolve(pod.uid()).resolve(container.getName());
                Files.createDirectories(memory);
                Quantity limit = container.getResources() == null
                                || container.getResources().getLimits() == null
                        ? null
                        : container.getResources().getLimits().get("memory");
                Files.writeString(
                        memory.resolve("memory.limit_in_bytes"),
                        limit == null
                                ? "-1"
                                : Quantity.getAmountInBytes(limit)
                                        .toBigInteger()
                                        .toString());
                cgroups.add(memory);
            }
            if (Files.isDirectory(FREEZER)) {
                Path freezer = podFreezer(lab, pod);
                Files.createDirectories(freezer);
                cgroups.add(freezer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the cgroups of " + pod.name() + "/" + container.getName(), e);
        }
        return cgroups;
    }

    /** Stops (or resumes) every process of the pod at once. */
    static void freeze(LabId lab, Pod pod, boolean frozen) {
        Path state = podFreezer(lab, pod).resolve("freezer.state");
        if (Files.exists(state)) {
            try {
                Files.writeString(state, frozen ? "FROZEN" : "THAWED");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every process still in one of the lab's cgroups (below {@code parent}). */
    static List<Long> processes(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(parent)) {
            return walk.filter(p -> p.getFileName().toString().equals("cgroup.procs"))
                    .flatMap(p -> {
                        try {
                            return Files.readAllLines(p).stream();
                        } catch (IOException gone) {
                            return Stream.empty();
                        }
                    })
                    .filter(line -> !line.isBlank())
                    .map(Long::parseLong)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Removes empty cgroup directories below (and including) {@code parent}, deepest first. */
    static void remove(Path parent) {
        if (!Files.isDirectory(parent)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(parent)) {
            walk.filter(Files::isDirectory)
                    .sorted(Comparator.reverseOrder())
                    .forEach(dir -> Shell.tryRun("rmdir", dir.toString()));
        } catch (IOException e) {
            // already gone
        }
    }
}
