package io.galeragen.core.recovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Rendering;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.output.Manifest;
import io.galeragen.core.values.ValuesSource;

/**
 * The files galera-gen ships (init.sh, start.sh, galera.cnf from the rendered ConfigMap; galera-recover from the
 * files rendered beside the manifests) for a three-member cluster "galera", plus the harness's own stand-ins.
 */
record ShippedFiles(String initSh, String startSh, String galeraRecover, String galeraCnf) {

    static final String FILES = "io/galeragen/templates/files/";

    /** The cluster the scenarios run: rsync SST, since mariabackup's donor script sleeps 10 s per transfer. */
    static final String CLUSTER_VALUES = """
            name: galera
            replicas: 3
            galera:
              sstMethod: rsync
            """;

    static ShippedFiles load() {
        GaleraCluster cluster = GaleraGenerator.cluster(List.of(ValuesSource.yaml(CLUSTER_VALUES, "recovery lab")));
        Rendering rendering = GaleraGenerator.builder().build().render(cluster);
        Map<String, String> configMap = rendering.manifests().stream()
                .map(Manifest::resource)
                .filter(ConfigMap.class::isInstance)
                .map(resource -> ((ConfigMap) resource).getData())
                .findFirst().orElseThrow();
        return new ShippedFiles(configMap.get("init.sh"), configMap.get("start.sh"),
                rendering.tools().get("galera-recover"), configMap.get("galera.cnf"));
    }

    static String resource(String name) {
        try (InputStream in = ShippedFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("not on the test classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The galera.cnf value of wsrep_provider_options, without quotes. */
    String providerOptions() {
        return galeraCnf.lines()
                .map(String::strip)
                .filter(line -> line.startsWith("wsrep_provider_options"))
                .map(line -> line.substring(line.indexOf('=') + 1).strip().replace("\"", ""))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("galera.cnf has no wsrep_provider_options"));
    }

    /** Writes the scripts and galera.cnf into dir, the way the ConfigMap is mounted at /etc/galera. */
    void writeConfigMapTo(Path dir) {
        write(dir.resolve("init.sh"), initSh);
        write(dir.resolve("start.sh"), startSh);
        write(dir.resolve("galera-recover"), galeraRecover);
        write(dir.resolve("galera.cnf"), galeraCnf);
        write(dir.resolve("harness-entrypoint.sh"), resource("recovery/harness-entrypoint.sh"));
        write(dir.resolve("kubectl"), resource("recovery/fake-kubectl"));
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
