package io.galeragen.core.podlab;

import io.galeragen.core.values.ValuesSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pod lab from the command line, for exploring (docs/pod-lab.md):
 * <pre>
 *   up   [--id ID] [--unsynced-volumes] VALUES.yaml [MORE.yaml ...]   brings a cluster up and keeps it until Ctrl-C
 *   down [--id ID]                                                  removes what a lab of that id left
 * </pre>
 * While it runs, {@code KUBE_STATE=/var/tmp/galera-podlab/ID/kube PATH=/var/tmp/galera-podlab/ID/bin:$PATH kubectl
 * -n NS exec POD -c mariadb -- ...} reaches the pods, and galera-recover works the same way.
 */
public final class PodLabMain {

    private PodLabMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            usage();
        }
        String id = "explore";
        boolean unsynced = false;
        List<ValuesSource> values = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--id" -> id = args[++i];
                case "--unsynced-volumes" -> unsynced = true;
                default -> values.add(ValuesSource.file(Path.of(args[i]), args[i]));
            }
        }
        LabId labId = LabId.of(id);
        switch (args[0]) {
            case "down" -> {
                LabCleanup.run(labId);
                System.out.println("removed lab " + id);
            }
            case "up" -> up(labId, values, unsynced);
            default -> usage();
        }
    }

    private static void up(LabId id, List<ValuesSource> values, boolean unsynced) throws InterruptedException {
        if (values.isEmpty()) {
            usage();
        }
        PodLab lab = PodLab.start(LabConfig.of(id, values).withUnsyncedVolumes(unsynced));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("tearing the lab down ...");
            lab.close();
        }));
        System.out.println("lab " + id.name() + " in " + lab.dir() + "; kubectl: KUBE_STATE=" + lab.kubeState()
                + " PATH=" + lab.binDir() + ":$PATH kubectl -n " + lab.namespace() + " ...");
        String last = "";
        while (true) {
            String now = lab.pods().stream()
                    .sorted(java.util.Comparator.comparing(Pod::name))
                    .map(Pod::toString)
                    .reduce((a, b) -> a + "  " + b)
                    .orElse("(no pods)");
            if (!now.equals(last)) {
                System.out.println(java.time.LocalTime.now().withNano(0) + "  " + now);
                last = now;
            }
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        }
    }

    private static void usage() {
        System.err.println(
                "usage: PodLabMain up [--id ID] [--unsynced-volumes] VALUES.yaml...  |  PodLabMain down [--id ID]");
        System.exit(2);
    }
}
