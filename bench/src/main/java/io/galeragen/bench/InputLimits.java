package io.galeragen.bench;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.GenerationRequest;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.model.Limits;
import io.galeragen.core.output.Layout;
import io.galeragen.core.values.ValuesSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * The input limits at work (issue 15): the longest legal values file (every list, map and string at its limit,
 * padded with a comment to the file limit) and the deepest legal nesting, each accepted and generated; then inputs
 * one step over each limit, and far over, with the time to refuse them. Prints one line per input: the answer, the
 * median wall and CPU time of a warm run, and the first run's.
 *
 * <pre>java -cp bench/target/galera-bench.jar io.galeragen.bench.InputLimits</pre>
 */
public final class InputLimits {

    private static final int FILE_LIMIT = 1 << 20;
    private static final int RUNS = 9;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InputLimits() {}

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("galera-limits");
        GaleraGenerator generator = GaleraGenerator.builder().build();
        String longest = pad(longestLegal(), FILE_LIMIT);
        String deepest = "storageClass:\n  cephRbd:\n    provisionerSecret:\n      name: csi-rbd-secret\n";
        measure(generator, work, "longest legal file", longest);
        measure(generator, work, "deepest legal nesting (4)", deepest);
        measure(generator, work, "file 1 byte over", longest + "#");
        measure(generator, work, "file 64 MiB", "#" + "x".repeat(64 << 20));
        measure(
                generator,
                work,
                "line 1 over",
                "annotations:\n  a: " + "b".repeat(Limits.ANNOTATIONS_PER_OBJECT_BYTES - 4) + "\n");
        measure(
                generator,
                work,
                "nesting 5",
                "storageClass:\n  cephRbd:\n    provisionerSecret:\n      name: {a: b}\n");
        measure(generator, work, "nesting 1,000", "labels: " + "[".repeat(1000) + "]".repeat(1000) + "\n");
        measure(generator, work, "nesting 170,000", "labels:\n" + " [\n".repeat(170_000) + " ]\n".repeat(170_000));
        measure(generator, work, "labels 129", mapping("labels", 129, 0));
        measure(generator, work, "labels 20,000 (short)", "labels:\n" + shortEntries(20_000));
        measure(
                generator,
                work,
                "2 x 20,000 labels merged",
                "labels:\n" + shortEntries(20_000) + "annotations:\n" + shortEntries(20_000));
        measure(generator, work, "zones 100,000", "topology:\n  zones:\n" + "  - z\n".repeat(100_000));
        measure(generator, work, "annotations 1 byte over", annotationsOver());
        measure(generator, work, "quantity 1e999999999", "storage:\n  size: \"1e999999999\"\n");
        measure(generator, work, "key 317+1", "labels:\n  " + "k".repeat(Limits.LABEL_KEY + 1) + ": v\n");
        System.out.printf(
                Locale.ROOT,
                "limits: file %,d bytes, line %,d characters, nesting %d, key %d characters%n",
                FILE_LIMIT,
                Limits.ANNOTATIONS_PER_OBJECT_BYTES,
                4,
                Limits.LABEL_KEY);
    }

    /** Every key at its limit: names, five label maps, annotations to the byte, lists, cnf lines, options. */
    private static String longestLegal() {
        StringBuilder yaml = new StringBuilder("# the longest legal values file: every key at its limit\n");
        yaml.append("name: ").append("n".repeat(40)).append('\n');
        yaml.append("namespace: ").append("s".repeat(Limits.DNS_LABEL)).append('\n');
        yaml.append("clusterDomain: ").append(subdomain(Limits.DNS_SUBDOMAIN)).append('\n');
        yaml.append("createNamespace: true\nreplicas: 2\narbitrator:\n  enabled: true\n");
        yaml.append(mapping("labels", Limits.LABELS, 0));
        int keys = Limits.ANNOTATIONS * Limits.LABEL_KEY;
        int valueBytes = (Limits.ANNOTATIONS_BYTES - keys) / Limits.ANNOTATIONS;
        yaml.append(mapping("annotations", Limits.ANNOTATIONS, valueBytes));
        yaml.append("topology:\n  zoneSpread: none\n  zones:\n");
        for (int i = 0; i < Limits.ZONES; i++) {
            yaml.append("  - z").append(String.format("%062d", i)).append('\n');
        }
        yaml.append("  tolerations:\n");
        for (int i = 0; i < Limits.TOLERATIONS; i++) {
            yaml.append("  - ")
                    .append(labelKey(i))
                    .append('=')
                    .append("v".repeat(Limits.LABEL_VALUE))
                    .append(":PreferNoSchedule\n");
        }
        yaml.append(indent(mapping("nodeSelector", Limits.LABELS, 0)));
        yaml.append("monitoring:\n").append(indent(mapping("labels", Limits.LABELS, 0)));
        yaml.append("networkPolicy:\n")
                .append(indent(mapping("clientPodLabels", Limits.LABELS, 0)))
                .append(indent(mapping("clientNamespaceLabels", Limits.LABELS, 0)));
        yaml.append("galera:\n  extraCnf:\n");
        for (int i = 0; i < Limits.EXTRA_CNF; i++) {
            String line = "loose_option_" + i + "=";
            yaml.append("  - ")
                    .append(line)
                    .append("x".repeat(Limits.CNF_LINE - line.length()))
                    .append('\n');
        }
        yaml.append("  providerOptions:\n");
        int optionLength = Limits.PROVIDER_OPTIONS / Limits.PROVIDER_OPTION_ENTRIES;
        for (int i = 0; i < Limits.PROVIDER_OPTION_ENTRIES; i++) {
            String key = String.format("evs.o%03d", i);
            yaml.append("    ")
                    .append(key)
                    .append(": \"")
                    .append("1".repeat(optionLength - key.length() - 2))
                    .append("\"\n");
        }
        return yaml.toString();
    }

    /** A map of {@code count} label keys at their longest; values of 63 characters, or {@code valueBytes}. */
    private static String mapping(String key, int count, int valueBytes) {
        StringBuilder yaml = new StringBuilder(key).append(":\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  ")
                    .append(labelKey(i))
                    .append(": ")
                    .append("v".repeat(valueBytes > 0 ? valueBytes : Limits.LABEL_VALUE))
                    .append('\n');
        }
        return yaml.toString();
    }

    private static String shortEntries(int count) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            yaml.append("  l").append(i).append(": v\n");
        }
        return yaml.toString();
    }

    private static String annotationsOver() {
        int keys = 2 * 10;
        return "annotations:\n  " + "a".repeat(10) + ": " + "x".repeat(Limits.ANNOTATIONS_BYTES - keys) + "\n  "
                + "b".repeat(10) + ": x\n";
    }

    /** A label key of 317 characters: a 253-character DNS subdomain, '/', a 63-character name. */
    private static String labelKey(int i) {
        String name = String.format("k%062d", i);
        return subdomain(Limits.DNS_SUBDOMAIN) + "/" + name;
    }

    /** A DNS subdomain of {@code length} characters: labels of 63 joined by dots (253 ends with a label). */
    private static String subdomain(int length) {
        return ("d".repeat(Limits.DNS_LABEL) + ".")
                .repeat(length / (Limits.DNS_LABEL + 1) + 1)
                .substring(0, length);
    }

    private static String indent(String yaml) {
        return ("  " + yaml.replace("\n", "\n  ")).stripTrailing() + "\n";
    }

    /** The file padded with comment lines to exactly {@code bytes}: comments are legal at any length. */
    private static String pad(String yaml, int bytes) {
        int missing = bytes - yaml.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder padded = new StringBuilder(yaml);
        while (missing > 0) {
            int line = Math.min(missing, 60_000);
            padded.append(line == 1 ? "" : "#" + "-".repeat(line - 2)).append('\n');
            missing -= line;
        }
        return padded.toString();
    }

    private static void measure(GaleraGenerator generator, Path work, String what, String yaml) throws Exception {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        Path values = Files.write(work.resolve("values.yaml"), bytes);
        Path out = work.resolve("out");
        GenerationRequest request = GenerationRequest.of(List.of(ValuesSource.file(values, "values.yaml")), out)
                .withLayout(Layout.PER_RESOURCE);
        Callable<String> run = () -> {
            try {
                return "accepted, "
                        + generator.generate(request).rendering().manifests().size() + " documents";
            } catch (GaleraGenException refused) {
                String first = refused.problems().get(0).toString();
                return "refused: " + (first.length() > 150 ? first.substring(0, 150) + "..." : first);
            }
        };
        long[] first = time(run);
        String answer = run.call();
        long[] wall = new long[RUNS];
        long[] cpu = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long[] timed = time(run);
            wall[i] = timed[0];
            cpu[i] = timed[1];
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "%-26s %,11d bytes  median %8.2f ms wall %8.2f ms cpu  first %8.2f ms wall " + "%8.2f ms cpu  %s%n",
                what,
                bytes.length,
                wall[RUNS / 2] / 1e6,
                cpu[RUNS / 2] / 1e6,
                first[0] / 1e6,
                first[1] / 1e6,
                answer);
    }

    private static long[] time(Callable<String> run) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        run.call();
        return new long[] {System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu};
    }
}
