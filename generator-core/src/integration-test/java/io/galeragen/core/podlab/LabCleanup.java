package io.galeragen.core.podlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes everything a lab id has on this machine: its processes (pause, containers, launchers, dnsmasq, FUSE
 * layers, the client), its mounts, network namespaces, cgroups and files. Run at the end of a lab and at its start,
 * where it clears what a crashed run of the same id left.
 */
final class LabCleanup {

    private LabCleanup() {}

    static void run(LabId lab) {
        killProcesses(lab);
        unmountBelow(lab.dir());
        for (String namespace : PodNetwork.namespacesOf(lab)) {
            Shell.tryRun("ip", "netns", "del", namespace);
        }
        for (Path controller : List.of(ContainerCgroups.MEMORY, ContainerCgroups.FREEZER)) {
            Path labCgroup = ContainerCgroups.labPath(controller, lab);
            if (controller.equals(ContainerCgroups.FREEZER)) {
                thawAll(labCgroup);
            }
            ContainerCgroups.remove(labCgroup);
        }
        Shell.tryRun("rm", "-rf", Path.of("/etc/netns", lab.clientNamespace()).toString());
        Shell.tryRun("rm", "-rf", lab.dir().toString());
    }

    private static void killProcesses(LabId lab) {
        String marker = lab.dir().toString() + "/";
        for (int round = 0; round < 5; round++) {
            List<Long> victims = new ArrayList<>();
            ProcessHandle.allProcesses().forEach(process -> {
                String line = commandLine(process.pid());
                if (line.contains(marker) || lab.isPauseProcess(line)) {
                    victims.add(process.pid());
                }
            });
            for (Path controller : List.of(ContainerCgroups.MEMORY, ContainerCgroups.FREEZER)) {
                victims.addAll(ContainerCgroups.processes(ContainerCgroups.labPath(controller, lab)));
            }
            victims.remove(ProcessHandle.current().pid());
            if (victims.isEmpty()) {
                return;
            }
            thawAll(ContainerCgroups.labPath(ContainerCgroups.FREEZER, lab));
            victims.forEach(pid -> Shell.tryRun("kill", "-KILL", Long.toString(pid)));
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)
                    && victims.stream()
                            .anyMatch(pid -> ProcessHandle.of(pid)
                                    .map(ProcessHandle::isAlive)
                                    .orElse(false))) {
                Shell.sleep(Duration.ofMillis(50));
            }
        }
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static void thawAll(Path freezer) {
        if (!Files.isDirectory(freezer)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(freezer)) {
            walk.filter(p -> p.getFileName().toString().equals("freezer.state"))
                    .forEach(p -> Shell.tryRun("sh", "-c", "echo THAWED > " + p));
        } catch (IOException e) {
            // gone meanwhile
        }
    }

    /** Unmounts every mount point below dir, deepest first (lazily: a dead FUSE layer may not answer). */
    static void unmountBelow(Path dir) {
        String prefix = dir.toString() + "/";
        try {
            List<String> points = Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                    .map(line -> line.split(" ")[4].replace("\\040", " "))
                    .filter(point -> point.startsWith(prefix))
                    .sorted(Comparator.comparing(String::length).reversed())
                    .toList();
            for (String point : points) {
                Shell.tryRun("umount", "-l", point);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
