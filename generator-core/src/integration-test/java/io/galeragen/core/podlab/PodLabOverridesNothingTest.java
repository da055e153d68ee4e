package io.galeragen.core.podlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, must show 1 (the source half): nothing in the pod lab overrides what users run. Its sources (Java, scripts,
 * values overlays) never change a rendered object's command, args, env, image or ConfigMap data, never set Galera's
 * addresses, SST method, timeouts or provider options, never set the hooks the old loopback harness needed, and
 * never replace the image's entrypoint or the shipped scripts.
 */
class PodLabOverridesNothingTest {

    private static final Map<String, String> FORBIDDEN = Map.ofEntries(
            Map.entry("\\.set(Command|Args|Env|EnvFrom|Image|WorkingDir)\\(", "changes a rendered container"),
            Map.entry("\\.get(Command|Args|Env)\\(\\)\\.(add|set|remove|clear|put)", "changes a rendered container"),
            Map.entry("getData\\(\\)\\.(put|remove|clear)|\\.setData\\(", "changes rendered ConfigMap data"),
            Map.entry(
                    "wsrep_(sst_method|provider_options|cluster_address|node_address|node_incoming_address|sst_receive_address)",
                    "sets Galera's addresses or SST method"),
            Map.entry("(sstMethod|providerOptions|gcacheSize)\\s*:", "overrides galera settings in values"),
            Map.entry("(evs|gmcast|pc|ist|gcache|gcs)\\.[a-z_]+\\s*[=:]", "sets Galera timeouts, sizes or addresses"),
            Map.entry(
                    "MARIADBD_DEFAULTS_FILE|MARIADB_ENTRYPOINT|NODE_SQL_HOST|PC_RECOVERY_TIMEOUT_SECONDS|harness-entrypoint",
                    "a hook of the retired loopback harness"),
            Map.entry("--defaults-file|--wsrep-new-cluster|--wsrep-start-position", "starts mariadbd its own way"),
            Map.entry(
                    "confirm-(new-cluster|force-bootstrap|resume|recover)", "plays the person outside galera-recover"));

    @Test
    void theLabsSourcesOverrideNothingUsersRun() throws IOException {
        Path module = LabEnvironment.projectRoot().resolve("generator-core/src/integration-test");
        List<Path> sources = new ArrayList<>();
        for (Path dir : List.of(
                module.resolve("java/io/galeragen/core/podlab"),
                module.resolve("resources/podlab"),
                module.resolve("lab/pod-lab"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile)
                        .filter(file ->
                                !file.getFileName().toString().equals(getClass().getSimpleName() + ".java"))
                        .filter(file -> !file.toString().contains("UnsyncedFs"))
                        .forEach(sources::add);
            }
        }
        assertThat(sources).as("the lab's sources").hasSizeGreaterThan(30);
        List<String> findings = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                for (Map.Entry<String, String> rule : FORBIDDEN.entrySet()) {
                    if (Pattern.compile(rule.getKey()).matcher(lines.get(i)).find()) {
                        findings.add(module.relativize(source) + ":" + (i + 1) + " " + rule.getValue() + ": "
                                + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(findings).as("overrides in the pod lab's sources").isEmpty();
    }
}
