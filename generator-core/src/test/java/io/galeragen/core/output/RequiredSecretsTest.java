package io.galeragen.core.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.galeragen.core.ExternalTool;
import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Rendering;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.render.BuiltInTemplatesTest;
import io.galeragen.core.values.ValuesSource;
import io.galeragen.core.yaml.Yaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Secrets NOTES.txt asks for are exactly those the rendered documents refer to (for hundreds of random clusters
 * over every option), and its command creates them, with hex passwords and the exporter's my.cnf.
 */
class RequiredSecretsTest {

    private static final GaleraGenerator GENERATOR = GaleraGenerator.builder()
            .typeCheck(false)
            .kubernetesVersions(List.of())
            .build();

    @TempDir
    Path dir;

    @Test
    void theRequiredSecretsAreExactlyTheOnesTheDocumentsReferTo() {
        Random random = new Random(20261201L);
        int checked = 0;
        for (int i = 0; i < 200; i++) {
            Map<String, String> settings =
                    new java.util.LinkedHashMap<>(BuiltInTemplatesTest.randomSettings(random, i));
            if (random.nextBoolean()) {
                settings.put("galera.sstCredentials.name", "sst-" + i);
                settings.put("exporter.credentials.key", "my.cnf");
            }
            GaleraCluster cluster;
            try {
                cluster = GaleraGenerator.cluster(List.of(ValuesSource.settings(settings, "random #" + i)));
            } catch (GaleraGenException refused) {
                continue;
            }
            Rendering rendering = GENERATOR.render(cluster);
            RequiredSecrets required = rendering.secrets();

            Set<String> referenced = new TreeSet<>();
            Set<String> wholeSecrets = new TreeSet<>();
            Set<String> ceph = new TreeSet<>();
            for (Manifest manifest : rendering.manifests()) {
                collect(Yaml.readTree(manifest.yaml(), manifest.id()), referenced, wholeSecrets, ceph);
            }
            Set<String> listed = new TreeSet<>();
            required.secrets().forEach((name, keys) -> keys.forEach(key -> listed.add(name + "/" + key.key())));

            assertThat(listed).as("cluster #%d %s", i, settings).isEqualTo(referenced);
            assertThat(wholeSecrets).isEqualTo(required.tls() == null ? Set.of() : Set.of(required.tls()));
            assertThat(ceph).isEqualTo(new TreeSet<>(required.ceph()));
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** Every Secret reference: env secretKeyRef, secret volumes and projected secret sources (with items: by key). */
    private static void collect(JsonNode node, Set<String> keys, Set<String> wholeSecrets, Set<String> ceph) {
        if (node.isObject()) {
            JsonNode ref = node.path("secretKeyRef");
            if (ref.isObject()) {
                keys.add(ref.path("name").textValue() + "/" + ref.path("key").textValue());
            }
            // A secret volume names its Secret secretName; a projected volume's secret source names it name.
            JsonNode secret = node.path("secret");
            String secretName =
                    secret.path("secretName").asText(secret.path("name").asText(null));
            if (secret.isObject() && secretName != null) {
                if (secret.has("items")) {
                    secret.path("items")
                            .forEach(item ->
                                    keys.add(secretName + "/" + item.path("key").textValue()));
                } else {
                    wholeSecrets.add(secretName);
                }
            }
            node.fields().forEachRemaining(field -> {
                if (field.getKey().endsWith("-secret-name")) {
                    String namespaceKey = field.getKey().replace("-secret-name", "-secret-namespace");
                    ceph.add(node.path(namespaceKey).textValue() + "/"
                            + field.getValue().textValue());
                }
            });
        }
        node.forEach(child -> collect(child, keys, wholeSecrets, ceph));
    }

    @Test
    void theNotesCommandCreatesEverySecretWithHexPasswordsAndTheExportersMyCnf() throws Exception {
        ExternalTool.requireFiles(List.of("/usr/bin/openssl"), "openssl");
        GaleraCluster cluster = GaleraGenerator.cluster(List.of(ValuesSource.settings(
                Map.of(
                        "name",
                        "shop-db",
                        "namespace",
                        "shop",
                        "initialUsers.user",
                        "app",
                        "initialUsers.database",
                        "orders"),
                "test")));
        String commands = Notes.commands(GENERATOR.render(cluster).secrets());
        Path kubectl = Files.writeString(dir.resolve("kubectl"), """
                #!/bin/bash
                printf '%s\\n' "$@" > kubectl.args
                for arg in "$@"; do
                  case "$arg" in --from-file=*=*) cp "${arg##*=}" kubectl.file ;; esac
                done
                """);
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));

        ExternalTool.Result result =
                ExternalTool.run(dir, List.of("/bin/bash", "-euc", "PATH=" + dir + ":$PATH\n" + commands));

        assertThat(result.exitCode()).as(result.output()).isZero();
        List<String> args = Files.readAllLines(dir.resolve("kubectl.args"));
        assertThat(args.subList(0, 6))
                .containsExactly("--namespace", "shop", "create", "secret", "generic", "shop-db-credentials");
        assertThat(args.subList(6, args.size()))
                .hasSize(4)
                .anySatisfy(arg -> assertThat(arg).matches("--from-literal=root-password=[0-9a-f]{48}"))
                .anySatisfy(arg -> assertThat(arg).matches("--from-literal=sst-password=[0-9a-f]{48}"))
                .anySatisfy(arg -> assertThat(arg).matches("--from-literal=app-password=[0-9a-f]{48}"))
                .anySatisfy(arg -> assertThat(arg).isEqualTo("--from-file=exporter-my.cnf=./exporter-my.cnf"));
        assertThat(Files.readString(dir.resolve("kubectl.file")))
                .matches("\\[client]\nuser=exporter\npassword=[0-9a-f]{48}\n");
        assertThat(dir.resolve("exporter-my.cnf")).as("removed after use").doesNotExist();
    }

    @Test
    void theNotesNameTheSecretsTheApplyAndTheRecoveryTool() {
        GaleraCluster cluster = GaleraGenerator.cluster(List.of(
                ValuesSource.settings(Map.of("name", "shop-db", "namespace", "shop", "tls.enabled", "true"), "test")));

        String notes = Notes.text(cluster, GENERATOR.render(cluster).secrets(), Layout.PER_RESOURCE);

        assertThat(notes)
                .startsWith("galera-gen: cluster shop-db in namespace shop, 3 members.\n")
                .contains("""
                          Secret shop-db-credentials in namespace shop:
                            root-password    the MariaDB root password (a file in the pods: MARIADB_ROOT_PASSWORD_FILE); the probes log in with it
                            sst-password     the password of the SST user sst (mariabackup)
                            exporter-my.cnf  the exporter's my.cnf; its account is created at first start
                          Secret shop-db-tls in namespace shop, type kubernetes.io/tls: tls.crt, tls.key and ca.crt\
                        """)
                .contains("Then apply the manifests: kubectl apply -k <this folder>")
                .contains("./galera-recover (in this folder)");
    }
}
