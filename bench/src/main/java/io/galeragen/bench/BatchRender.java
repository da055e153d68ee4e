package io.galeragen.bench;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Rendering;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * A batch run: one JVM, one generator, {@code --count} distinct clusters rendered one after another (the
 * "1,000 clusters" figure of issue #6). Prints wall time from JVM start, from main and of the render loop alone,
 * and the heap: the peak used (sum of the heap pools' peaks, an upper bound) and what is still used after a GC.
 *
 * With {@code --threads N} the clusters are rendered by N threads sharing the one generator.
 *
 * <pre>java -cp galera-bench.jar io.galeragen.bench.BatchRender [--count 1000] [--checks none|types|schema|bundled] [--versions 1.30] [--threads 1]</pre>
 */
public final class BatchRender {

    private BatchRender() {}

    public static void main(String[] args) {
        long mainStart = System.nanoTime();
        int count = 1000;
        Checks checks = Checks.NONE;
        List<String> versions = List.of("1.30");
        int threads = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--count" -> count = Integer.parseInt(args[++i]);
                case "--checks" -> checks = Checks.parse(args[++i]);
                case "--versions" -> versions = List.of(args[++i].split(","));
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default ->
                    throw new IllegalArgumentException(
                            "unknown argument " + args[i]
                                    + "; usage: BatchRender [--count N] [--checks none|types|schema|bundled] [--versions 1.28,1.33] [--threads N]");
            }
        }
        GaleraGenerator generator = checks.generator(versions);
        int clusters = count;
        long loopStart = System.nanoTime();
        long loopCpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long bytes = 0;
        int documents = 0;
        if (threads == 1) {
            for (int i = 0; i < count; i++) {
                Rendering rendering = generator.render(Clusters.distinct(i));
                bytes += rendering.combinedYaml().length();
                documents += rendering.manifests().size();
            }
        } else {
            // The generator is thread-safe: one instance shared by a pool, as a server embedding it would.
            java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
            try {
                long[] totals = pool.submit(() -> java.util.stream.IntStream.range(0, clusters)
                                .parallel()
                                .mapToObj(i -> generator.render(Clusters.distinct(i)))
                                .map(rendering -> new long[] {
                                    rendering.combinedYaml().length(),
                                    rendering.manifests().size()
                                })
                                .reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}))
                        .get();
                bytes = totals[0];
                documents = (int) totals[1];
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e);
            } finally {
                pool.shutdown();
            }
        }
        long end = System.nanoTime();
        long loopCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - loopCpuStart;
        long processCpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long sinceJvmStart = System.currentTimeMillis()
                - ManagementFactory.getRuntimeMXBean().getStartTime();

        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.gc();
        long afterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();

        System.out.printf(
                Locale.ROOT,
                "batch clusters=%d threads=%d checks=%s%s documents=%d yaml_chars=%d%n",
                count,
                threads,
                checks.name().toLowerCase(Locale.ROOT),
                checks == Checks.SCHEMA ? " versions=" + String.join(",", versions) : "",
                documents,
                bytes);
        System.out.printf(
                Locale.ROOT,
                "batch wall_ms_since_jvm_start=%d wall_ms_main=%.0f setup_ms=%.0f loop_ms=%.0f ms_per_cluster=%.3f%n",
                sinceJvmStart,
                (end - mainStart) / 1e6,
                (loopStart - mainStart) / 1e6,
                (end - loopStart) / 1e6,
                (end - loopStart) / 1e6 / count);
        System.out.printf(
                Locale.ROOT,
                "batch loop_cpu_ms=%.0f (main thread; with --threads only its share)"
                        + " process_cpu_ms=%.0f (all threads, JIT and GC too)%n",
                loopCpu / 1e6,
                processCpu / 1e6);
        System.out.printf(
                Locale.ROOT,
                "batch peak_heap_mib=%.1f heap_after_gc_mib=%.1f max_heap_mib=%.0f%n",
                peakHeap / 1048576.0,
                afterGc / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }
}
