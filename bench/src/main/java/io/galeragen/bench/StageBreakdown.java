package io.galeragen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.management.ThreadMXBean;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.render.ManifestRenderer;
import io.galeragen.core.render.RenderedTemplate;
import io.galeragen.core.validate.SchemaLocation;
import io.galeragen.core.validate.SchemaValidator;
import io.galeragen.core.validate.StrictResourceReader;
import io.galeragen.core.yaml.Yaml;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The render path of {@code GaleraGenerator.render} taken apart, stage by stage, with the time and the bytes each
 * stage allocates per render (bytes are exact and do not depend on machine load; wall times do, the thread's
 * CPU time much less). A diagnostic for
 * deciding what to optimise, not a benchmark of record: that is {@link RenderBenchmark}.
 *
 * <pre>java -cp galera-bench.jar io.galeragen.bench.StageBreakdown [replicas] [iterations]</pre>
 */
public final class StageBreakdown {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final Map<String, long[]> stages = new LinkedHashMap<>();

    private StageBreakdown() {}

    public static void main(String[] args) {
        int replicas = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        GaleraCluster cluster = Clusters.of(replicas);
        ManifestRenderer renderer = new ManifestRenderer(null);
        StrictResourceReader reader = new StrictResourceReader();
        SchemaValidator validator = new SchemaValidator(
                Schemas.locations().stream().map(SchemaLocation::parse).toList());
        StageBreakdown warm = new StageBreakdown();
        for (int i = 0; i < iterations; i++) {
            warm.once(cluster, renderer, reader, validator);
        }
        StageBreakdown measured = new StageBreakdown();
        for (int i = 0; i < iterations; i++) {
            measured.once(cluster, renderer, reader, validator);
        }
        System.out.printf(Locale.ROOT, "replicas=%d iterations=%d (per render, all documents)%n", replicas, iterations);
        System.out.printf(Locale.ROOT, "%-36s %10s %10s %12s%n", "stage", "wall_ms", "cpu_ms", "bytes");
        long[] sum = new long[3];
        measured.stages.forEach((stage, totals) -> {
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %10.4f %10.4f %12d%n",
                    stage,
                    totals[0] / 1e6 / iterations,
                    totals[2] / 1e6 / iterations,
                    totals[1] / iterations);
            for (int i = 0; i < 3; i++) {
                sum[i] += totals[i];
            }
        });
        System.out.printf(
                Locale.ROOT,
                "%-36s %10.4f %10.4f %12d%n",
                "total",
                sum[0] / 1e6 / iterations,
                sum[2] / 1e6 / iterations,
                sum[1] / iterations);
    }

    private void once(
            GaleraCluster cluster, ManifestRenderer renderer, StrictResourceReader reader, SchemaValidator validator) {
        List<RenderedTemplate> rendered = time("1 templates (FreeMarker)", () -> renderer.render(cluster));
        List<JsonNode> trees = time("2 YAML text -> tree (SnakeYAML)", () -> {
            List<JsonNode> result = new ArrayList<>();
            rendered.forEach(template -> result.add(Yaml.readTree(template.yaml(), template.templateName())));
            return result;
        });
        time("3 strict read (bind, unknown, trip)", () -> {
            trees.forEach(reader::read);
            return null;
        });
        time("4 schema validation (1.30)", () -> {
            trees.forEach(tree -> validator.validate(tree, "1.30"));
            return null;
        });
    }

    private <T> T time(String stage, java.util.function.Supplier<T> work) {
        long thread = Thread.currentThread().getId();
        long bytes = THREADS.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        T result = work.get();
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        long elapsed = System.nanoTime() - start;
        long allocated = THREADS.getThreadAllocatedBytes(thread) - bytes;
        long[] totals = stages.computeIfAbsent(stage, key -> new long[3]);
        totals[0] += elapsed;
        totals[1] += allocated;
        totals[2] += cpu;
        return result;
    }
}
