package io.galeragen.core.podlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The person the runbook calls for: runs the galera-recover galera-gen writes beside the manifests, unmodified, with
 * the lab's kubectl on PATH, as documented (plan first, then --apply).
 */
public final class Person {

    private static final Pattern POD_LINE =
            Pattern.compile("^\\s+(\\S+)\\s+(\\S+)\\s+position=(\\S+):(-?\\d+)", Pattern.MULTILINE);

    /** One run of galera-recover. */
    public record Run(List<String> args, int exitCode, String output) {
        public String planLine() {
            return output.lines().filter(l -> l.startsWith("PLAN")).findFirst().orElse("");
        }
    }

    private final PodLab lab;
    private final List<Run> runs = new ArrayList<>();

    public Person(PodLab lab) {
        this.lab = lab;
    }

    /** galera-recover with these arguments (namespace and StatefulSet added). */
    public Run galeraRecover(String... args) {
        Path tool = lab.binDir().resolve("galera-recover");
        try {
            Files.writeString(tool, lab.rendering().tools().get("galera-recover"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("/bin/bash", tool.toString(), "-n", lab.namespace()));
        command.addAll(List.of(args));
        command.add(lab.statefulSetName());
        Shell.Result result = Shell.tryRun(
                command,
                Map.of(
                        "PATH",
                        lab.binDir() + ":" + System.getenv("PATH"),
                        "KUBE_STATE",
                        lab.kubeState().toString()),
                null,
                Duration.ofMinutes(10));
        Run run = new Run(List.of(args), result.exitCode(), result.output());
        runs.add(run);
        return run;
    }

    /**
     * What a person does when every pod waits: galera-recover --apply; if it refuses because a position is unknown,
     * the person bootstraps the pod with the highest known position by force, as the refusal suggests.
     */
    public Run heal() {
        Run plan = galeraRecover();
        if (plan.exitCode() == 0 && plan.planLine().startsWith("PLAN none")) {
            return plan;
        }
        Run applied = galeraRecover("--apply", "--timeout", "300");
        if (applied.exitCode() != 2) {
            return applied;
        }
        Optional<String> highest = highestKnown(applied.output());
        if (highest.isEmpty()) {
            return applied;
        }
        return galeraRecover("--apply", "--timeout", "300", "--bootstrap", highest.get(), "--force");
    }

    private static Optional<String> highestKnown(String output) {
        Matcher matcher = POD_LINE.matcher(output);
        record Known(String pod, long seqno) {}
        List<Known> known = new ArrayList<>();
        while (matcher.find()) {
            if (!matcher.group(3).equals("-") && Long.parseLong(matcher.group(4)) >= 0) {
                known.add(new Known(matcher.group(1), Long.parseLong(matcher.group(4))));
            }
        }
        return known.stream().max(Comparator.comparingLong(Known::seqno)).map(Known::pod);
    }

    public List<Run> runs() {
        return List.copyOf(runs);
    }
}
