package io.galeragen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Summarises a JMH JSON result of {@link RenderBenchmark} (sample mode, {@code -prof gc}) as one line per case,
 * and ends with {@code ms_per_render=<median, 3 replicas, checks none>}.
 *
 * <pre>java -cp galera-bench.jar io.galeragen.bench.JmhSummary target/jmh-render.json</pre>
 */
public final class JmhSummary {

    private JmhSummary() {}

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        String headline = null;
        System.out.printf(
                Locale.ROOT,
                "%-9s %-10s %-9s %-10s %-10s %-10s %-12s %-12s%n",
                "replicas",
                "checks",
                "versions",
                "median_ms",
                "mean_ms",
                "p99_ms",
                "renders/s",
                "bytes/render");
        for (JsonNode result : results) {
            JsonNode params = result.path("params");
            JsonNode metric = result.path("primaryMetric");
            if (!metric.path("scoreUnit").asText().equals("ms/op")) {
                throw new IllegalStateException(
                        "expected ms/op, got " + metric.path("scoreUnit").asText());
            }
            double median = metric.path("scorePercentiles").path("50.0").asDouble();
            double p99 = metric.path("scorePercentiles").path("99.0").asDouble();
            double mean = metric.path("score").asDouble();
            JsonNode alloc = result.path("secondaryMetrics").path("gc.alloc.rate.norm");
            String bytes = alloc.isMissingNode()
                    ? "-"
                    : String.format(Locale.ROOT, "%.0f", alloc.path("score").asDouble());
            String checks = params.path("checks").asText();
            boolean validation = checks.equals("schema");
            System.out.printf(
                    Locale.ROOT,
                    "%-9s %-10s %-9s %-10.4f %-10.4f %-10.4f %-12.0f %-12s%n",
                    params.path("replicas").asText(),
                    checks,
                    validation ? params.path("kubernetesVersions").asText() : "-",
                    median,
                    mean,
                    p99,
                    1000.0 / mean,
                    bytes);
            if (params.path("replicas").asText().equals("3") && checks.equals("none")) {
                headline = String.format(Locale.ROOT, "ms_per_render=%.4f", median);
            }
        }
        System.out.println("(renders/s = 1000 / mean_ms, one thread; bytes/render = gc.alloc.rate.norm)");
        if (headline == null) {
            throw new IllegalStateException("no result for 3 replicas, checks none, in " + args[0]);
        }
        System.out.println(headline);
    }
}
