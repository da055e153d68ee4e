package io.galeragen.bench;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Rendering;
import io.galeragen.core.model.GaleraCluster;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm time of one {@link GaleraGenerator#render} call at each level of {@link Checks}: the templates alone, plus
 * the strict read into fabric8 types, plus the JSON-schema check per Kubernetes version. One generator per trial, as an
 * embedder or the plugin uses it. Sample mode, so the median (p50) is reported besides the mean; run with
 * {@code -prof gc} for bytes allocated per render ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RenderBenchmark {

    @Param({"3", "9"})
    public int replicas;

    /** none: templates only; types: fabric8 types; schema: the shared JSON schemas; bundled: the default. */
    @Param({"none", "types", "schema", "bundled"})
    public String checks;

    /** Kubernetes versions validated against, comma-separated (schema only). */
    @Param({"1.30"})
    public String kubernetesVersions;

    private GaleraGenerator generator;
    private GaleraCluster cluster;

    @Setup
    public void setUp() {
        List<String> versions =
                Arrays.stream(kubernetesVersions.split(",")).map(String::trim).toList();
        generator = Checks.parse(checks).generator(versions);
        cluster = Clusters.of(replicas);
        generator.render(cluster); // fail in setup, not in the measurement, if something is wrong
    }

    @Benchmark
    public Rendering render() {
        return generator.render(cluster);
    }
}
