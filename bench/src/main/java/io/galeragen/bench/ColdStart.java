package io.galeragen.bench;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.GenerationRequest;
import io.galeragen.core.Rendering;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.values.ValuesSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a one-off run (the Maven plugin's case) spends, phase by phase, in a fresh JVM: resolving a values file,
 * building the generator, the first render, and a second render of the same cluster for comparison.
 *
 * <pre>java -cp galera-bench.jar io.galeragen.bench.ColdStart examples/basic/values.yaml [1.29,1.33]</pre>
 */
public final class ColdStart {

    private ColdStart() {}

    public static void main(String[] args) throws Exception {
        long mainStart = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long t0 = System.nanoTime();
        Path values = Path.of(args[0]);
        GaleraCluster cluster = GaleraGenerator.cluster(List.of(ValuesSource.file(values, values.toString())));
        long t1 = System.nanoTime();
        GaleraGenerator.Builder builder = GaleraGenerator.builder();
        if (args.length > 1) {
            builder.schemaLocations(Schemas.locations()).kubernetesVersions(List.of(args[1].split(",")));
        }
        GaleraGenerator generator = builder.build();
        long t2 = System.nanoTime();
        Rendering first = generator.render(cluster);
        long t3 = System.nanoTime();
        generator.render(cluster);
        long t4 = System.nanoTime();
        Path out = Files.createTempDirectory("galera-cold");
        generator.generate(GenerationRequest.of(List.of(ValuesSource.file(values, values.toString())), out));
        long t5 = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "cold jvm_start_to_main_ms=%d values_ms=%.1f generator_ms=%.1f "
                        + "first_render_ms=%.1f second_render_ms=%.1f generate_again_ms=%.1f documents=%d%n",
                mainStart - jvmStart,
                ms(t0, t1),
                ms(t1, t2),
                ms(t2, t3),
                ms(t3, t4),
                ms(t4, t5),
                first.manifests().size());
    }

    private static double ms(long from, long to) {
        return (to - from) / 1e6;
    }
}
