package io.galeragen.core.recovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Rendering;
import io.galeragen.core.Renderings;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.values.ValuesSource;

/**
 * What galera-gen renders for the lab's cluster: the ConfigMap's init.sh, start.sh and galera.cnf, the galera-recover
 * helper written beside the manifests, and the plain environment of the StatefulSet's init container (the pod
 * contract's values, such as CLUSTER_NAME, REPLICAS and RECOVERY_POLICY), plus the harness's own stand-ins.
 */
record ShippedFiles(GaleraCluster cluster, Rendering rendering, String initSh, String startSh, String probeSh,
                    String galeraRecover, String galeraCnf, Map<String, String> podEnv) {

    static final String FILES = "io/galeragen/templates/files/";

    /** Values shared by the lab's clusters. */
    static final class Lab {
        /** Under {@code galera:}; timeouts only. */
        static final String QUICKER_FAILURE_DETECTION = """
                  providerOptions:
                    evs.suspect_timeout: PT1.5S
                    evs.inactive_timeout: PT3S
                    evs.keepalive_period: PT0.5S
                    evs.install_timeout: PT3S
                """;

        private Lab() {
        }
    }

    /**
     * The cluster most scenarios run: rsync SST, since mariabackup's donor script sleeps 10 s per transfer, and
     * failure detection in ~3 s instead of ~6 s (galera-lab.md, scenario e), set as a user would set it.
     */
    static final String THREE_MEMBERS = """
            name: galera
            replicas: 3
            galera:
              sstMethod: rsync
            %s""".formatted(Lab.QUICKER_FAILURE_DETECTION);

    static ShippedFiles load(String values) {
        GaleraCluster cluster = GaleraGenerator.cluster(List.of(ValuesSource.yaml(values, "recovery lab")));
        Rendering rendering = GaleraGenerator.builder().build().render(cluster);
        Map<String, String> configMap = Renderings.resource(rendering, ConfigMap.class).getData();
        Map<String, String> podEnv = new LinkedHashMap<>();
        Renderings.initContainer(Renderings.resource(rendering, StatefulSet.class)).getEnv()
                .stream().filter(variable -> variable.getValue() != null)
                .forEach(variable -> podEnv.put(variable.getName(), variable.getValue()));
        return new ShippedFiles(cluster, rendering, configMap.get("init.sh"), configMap.get("start.sh"),
                configMap.get("probe.sh"), rendering.tools().get("galera-recover"), configMap.get("galera.cnf"), podEnv);
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
        write(dir.resolve("probe.sh"), probeSh);
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
