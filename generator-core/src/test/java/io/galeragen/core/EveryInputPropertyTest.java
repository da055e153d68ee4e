package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.galeragen.core.HostileValues.ValuesCase;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.output.Layout;
import io.galeragen.core.values.ValueShape;
import io.galeragen.core.values.ValuesSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every values file gets a clear answer (issue 15). Files generated from the values schema and changed the ways
 * users and fuzzers break them ({@link HostileValues}) go through {@link GaleraGenerator#generate} into a folder
 * holding the previous output. Each gives either a {@link GaleraGenException} whose every problem names its key
 * path or file and line, the bad value and what is allowed, in words without Java class names; or an accepted
 * cluster whose every written document reads back, as Kubernetes reads YAML, with the input's names, labels and
 * annotations. Never another exception or a hang, and after a refusal the folder holds the same bytes as before.
 * Time per case is measured and printed (the hang guard is the only limit): the figures go into the note.
 *
 * <p>Each case is its own test, named with its index and kind; case {@code i} is drawn from its own random source
 * ({@link Gen#source}), so it runs alone with {@code -Dgalera.everyInput.case=i}.
 */
class EveryInputPropertyTest {

    private static final long SEED = 20261201;
    private static final int CASES = 1000;
    /** Set to one case's index to run that case alone. */
    private static final String ONE_CASE = "galera.everyInput.case";
    /** How many cases the determinism check generates twice. */
    private static final int SAME_CASES = 200;
    /** Only a guard against hangs: the machine is shared, so wall time per case is reported, not asserted. */
    private static final long HANG_GUARD_SECONDS = 60;

    private static final Pattern JAVA_INTERNALS = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com|org|net)\\.[a-z]+\\.|\\b[A-Z][A-Za-z]*(?:Exception|Error|Event)\\b"
                    + "|\\bVALUE_[A-Z_]+|\\b(?:START|END)_(?:OBJECT|ARRAY)\\b|\\bFIELD_NAME\\b|StreamReadConstraints"
                    + "|@[0-9a-f]{6,}|\\bnull pointer\\b");
    /** The ways a problem says what is allowed; each names the bad value or key and the allowed form. */
    private static final List<Pattern> CLEAR_MESSAGES = Stream.of(
                    ".+ (?:is|are) not allowed: .+",
                    "is not a known key; (?:did you mean .+\\?|the keys .+ are .+)",
                    "is a duplicate key \\(first set at .+\\)",
                    "is not valid YAML: .+",
                    "uses the alias \\*.+; values files may not use YAML aliases, write the value out",
                    "is missing: .+",
                    "is set by galera\\.gcacheSize; set it there")
            .map(Pattern::compile)
            .toList();

    private static final Pattern WHERE = Pattern.compile("values\\.yaml(?::\\d+)?(?:: .+)?|[A-Za-z\"].*");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final GaleraGenerator GENERATOR = GaleraGenerator.builder().build();
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "every-input");
        thread.setDaemon(true);
        return thread;
    });
    private static final org.yaml.snakeyaml.Yaml YAML_11 =
            new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));

    private static Path workspace;
    private static Path output;
    private static final Figures FIGURES = new Figures();

    @BeforeAll
    static void previousOutput() throws IOException {
        workspace = Files.createTempDirectory("every-input");
        output = workspace.resolve("manifests");
        Path values = Files.writeString(workspace.resolve("values.yaml"), "name: previous\nnamespace: shop\n");
        GENERATOR.generate(request(values));
    }

    @AfterAll
    static void report() throws IOException {
        System.out.println(FIGURES.summary());
        try (Stream<Path> files = Files.walk(workspace)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyValuesFileGetsAClearAnswer() {
        Gen<ValuesCase> cases = HostileValues.cases();
        String one = System.getProperty(ONE_CASE, "");
        IntStream indexes = one.isBlank() ? IntStream.range(0, CASES) : IntStream.of(Integer.parseInt(one.strip()));
        // Lazily: each case is generated just before it runs, so only one file is in memory at a time.
        return indexes.mapToObj(index -> {
            ValuesCase input = cases.next(Gen.source(SEED, index));
            String name = String.format(Locale.ROOT, "case %d of seed %d: %s", index, SEED, input);
            return dynamicTest(name.replace("\n", "\\n"), () -> {
                try {
                    assertClearAnswer(input);
                } catch (AssertionError failed) {
                    // Surefire reports a dynamic test by number: the message says which case, and how to rerun it.
                    throw new AssertionError(
                            String.format(
                                    Locale.ROOT,
                                    "case %d of seed %d failed (run it alone " + "with -D%s=%d): %s",
                                    index,
                                    SEED,
                                    ONE_CASE,
                                    index,
                                    failed.getMessage()),
                            failed);
                }
            });
        });
    }

    /** The same seed gives the same files: two generators, the first cases compared byte for byte. */
    @Test
    void theSeedFixesTheCases() {
        Gen<ValuesCase> first = HostileValues.cases();
        Gen<ValuesCase> second = HostileValues.cases();
        Set<String> kinds = new TreeSet<>();
        for (int index = 0; index < SAME_CASES; index++) {
            ValuesCase once = first.next(Gen.source(SEED, index));
            ValuesCase again = second.next(Gen.source(SEED, index));
            assertThat(again.toString()).as("case %d", index).isEqualTo(once.toString());
            assertThat(Arrays.equals(again.bytes(), once.bytes()))
                    .as("bytes of case %d", index)
                    .isTrue();
            assertThat(again.refusedNaming()).as("case %d", index).isEqualTo(once.refusedNaming());
            kinds.add(once.kind());
        }
        // Not one file over and over: the cases drawn are of every kind (11 classes of change).
        assertThat(kinds).as("kinds among the first %d cases", SAME_CASES).hasSize(11);
    }

    private static void assertClearAnswer(ValuesCase input) throws Exception {
        Path values = Files.write(workspace.resolve("values.yaml"), input.bytes());
        Map<String, ByteBuffer> before = snapshot(output);
        Future<Outcome> running = WORKER.submit(() -> {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            Outcome outcome;
            try {
                outcome = new Outcome(GENERATOR.generate(request(values)).cluster(), null, null);
            } catch (GaleraGenException refused) {
                outcome = new Outcome(null, refused, null);
            } catch (Throwable crash) {
                outcome = new Outcome(null, null, crash);
            }
            return outcome.timed(System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu);
        });
        Outcome outcome;
        try {
            outcome = running.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException hang) {
            running.cancel(true);
            FIGURES.hangs++;
            throw new AssertionError(input + ": no answer within " + HANG_GUARD_SECONDS + " s");
        }
        FIGURES.record(input, outcome);
        if (outcome.crash() != null) {
            throw new AssertionError(input + ": crashed", outcome.crash());
        } else if (outcome.refused() != null) {
            assertClear(input, outcome.refused());
            assertThat(snapshot(output))
                    .as("%s: the output folder after a refusal", input)
                    .isEqualTo(before);
        } else {
            assertThat(input.refusedNaming())
                    .as("%s: should have been refused", input)
                    .isEmpty();
            assertReadsBack(input, outcome.cluster());
        }
    }

    /** Every problem: where (file:line or key path), what is allowed, no Java internals; the change is named. */
    private static void assertClear(ValuesCase input, GaleraGenException refused) {
        for (Problem problem : refused.problems()) {
            assertThat(problem.where()).as("%s: where of %s", input, problem).matches(WHERE);
            if (!problem.where().startsWith("values.yaml")) {
                String path = problem.where().split("[.\\[]")[0];
                assertThat(ValueShape.ROOT.fields())
                        .as("%s: %s names a key path", input, problem)
                        .containsKey(path);
            }
            assertThat(CLEAR_MESSAGES)
                    .as("%s: %s says what is allowed", input, problem)
                    .anyMatch(form -> form.matcher(problem.message()).matches());
            assertThat(JAVA_INTERNALS.matcher(problem.toString()).find())
                    .as("%s: %s has no Java internals", input, problem)
                    .isFalse();
            assertThat(problem.toString().length())
                    .as("%s: %s is short", input, problem)
                    .isLessThan(1000);
        }
        input.refusedNaming()
                .ifPresent(anchor -> assertThat(refused.problems())
                        .as("%s: a problem names %s", input, anchor)
                        .anyMatch(problem -> problem.where().contains(anchor)));
    }

    /** Every written manifest, read as YAML 1.1: its name, namespace, labels and annotations are the input's. */
    @SuppressWarnings("unchecked")
    private static void assertReadsBack(ValuesCase input, GaleraCluster cluster) throws IOException {
        int documents = 0;
        for (Path file : Files.list(output)
                .filter(f -> f.toString().endsWith(".yaml"))
                .sorted()
                .toList()) {
            Map<String, Object> document = YAML_11.load(Files.readString(file));
            if (!document.containsKey("kind") || document.get("kind").equals("Kustomization")) {
                continue;
            }
            documents++;
            String kind = (String) document.get("kind");
            Map<Object, Object> metadata = (Map<Object, Object>) document.get("metadata");
            String what = input + ": " + file.getFileName();
            assertThat(metadata.get("name")).as(what).isInstanceOf(String.class);
            if (kind.equals("Namespace")) {
                assertThat(metadata.get("name")).as(what).isEqualTo(cluster.namespace());
            } else if (!kind.equals("StorageClass")) {
                assertThat(metadata.get("namespace")).as(what).isEqualTo(cluster.namespace());
                assertThat((String) metadata.get("name")).as(what).startsWith(cluster.name());
            }
            Map<Object, Object> labels = (Map<Object, Object>) metadata.get("labels");
            Map<Object, Object> annotations = (Map<Object, Object>) metadata.getOrDefault("annotations", Map.of());
            cluster.labels()
                    .forEach((key, value) -> assertThat(labels.get(key))
                            .as("%s label %s", what, key)
                            .isEqualTo(value));
            cluster.annotations()
                    .forEach((key, value) -> assertThat(annotations.get(key))
                            .as("%s annotation %s", what, key)
                            .isEqualTo(value));
        }
        assertThat(documents).as(input + ": documents written").isGreaterThanOrEqualTo(5);
    }

    private static GenerationRequest request(Path values) {
        return GenerationRequest.of(List.of(ValuesSource.file(values, "values.yaml")), output)
                .withLayout(Layout.PER_RESOURCE);
    }

    /** Every file's bytes (a ByteBuffer compares by content). */
    private static Map<String, ByteBuffer> snapshot(Path folder) {
        Map<String, ByteBuffer> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString(), ByteBuffer.wrap(Files.readAllBytes(path)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private record Outcome(
            GaleraCluster cluster, GaleraGenException refused, Throwable crash, long wallNanos, long cpuNanos) {
        Outcome(GaleraCluster cluster, GaleraGenException refused, Throwable crash) {
            this(cluster, refused, crash, 0, 0);
        }

        Outcome timed(long wall, long cpu) {
            return new Outcome(cluster, refused, crash, wall, cpu);
        }
    }

    /** What the run saw: counts, and time per case (wall and the worker thread's CPU). */
    private static final class Figures {
        int cases;
        int refused;
        int accepted;
        int crashes;
        int hangs;
        final List<Long> wall = new ArrayList<>();
        final List<Long> cpu = new ArrayList<>();
        String slowest = "";
        long slowestCpu;
        /** Per class of the issue: cases, refused, accepted. */
        final Map<String, int[]> byKind = new TreeMap<>();

        void record(ValuesCase input, Outcome outcome) {
            cases++;
            int[] kind = byKind.computeIfAbsent(input.kind(), k -> new int[3]);
            kind[0]++;
            if (outcome.crash() != null) {
                crashes++;
            } else if (outcome.refused() != null) {
                refused++;
                kind[1]++;
            } else {
                accepted++;
                kind[2]++;
            }
            wall.add(outcome.wallNanos());
            cpu.add(outcome.cpuNanos());
            if (outcome.cpuNanos() > slowestCpu) {
                slowestCpu = outcome.cpuNanos();
                slowest = input.toString();
            }
        }

        String summary() {
            return String.format(
                            Locale.ROOT,
                            "EveryInputPropertyTest: %d cases, %d clear errors, %d accepted, "
                                    + "%d crashes, %d hangs; per case wall median %.1f ms, p99 %.1f ms, max %.1f ms; "
                                    + "CPU median %.1f ms, p99 %.1f ms, max %.1f ms (%s)",
                            cases,
                            refused,
                            accepted,
                            crashes,
                            hangs,
                            percentile(wall, 50),
                            percentile(wall, 99),
                            percentile(wall, 100),
                            percentile(cpu, 50),
                            percentile(cpu, 99),
                            percentile(cpu, 100),
                            slowest)
                    + byKind.entrySet().stream()
                            .map(kind -> String.format(
                                    Locale.ROOT,
                                    "%n  %-22s %4d cases, %4d " + "refused, %4d accepted",
                                    kind.getKey(),
                                    kind.getValue()[0],
                                    kind.getValue()[1],
                                    kind.getValue()[2]))
                            .reduce("", String::concat);
        }

        private static double percentile(List<Long> nanos, int percent) {
            if (nanos.isEmpty()) {
                return 0;
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            int index = Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
