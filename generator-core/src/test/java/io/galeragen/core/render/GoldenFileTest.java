package io.galeragen.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.Regenerate;
import io.galeragen.core.TestSchemas;
import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.GaleraSettings;
import io.galeragen.core.model.RecoveryPolicy;
import io.galeragen.core.model.Resources;
import io.galeragen.core.model.SecretRef;
import io.galeragen.core.model.SstMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte-for-byte comparison with reviewed output in src/test/resources/golden/. A change of output is a change of
 * these files: regenerate them with {@link Regenerate} and review the diff.
 */
class GoldenFileTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Arguments> clusters() {
        return Stream.of(
                Arguments.of(
                        "replicas-1",
                        GaleraCluster.builder()
                                .name("solo")
                                .namespace("dev")
                                .replicas(1)
                                .build()),
                Arguments.of(
                        "replicas-3",
                        GaleraCluster.builder()
                                .name("orders")
                                .namespace("shop")
                                .createNamespace(true)
                                .storage(Defaults.STORAGE.withSize("50Gi").withStorageClassName("ceph-rbd"))
                                .labels(Map.of("team", "payments"))
                                .build()),
                Arguments.of(
                        "replicas-5",
                        GaleraCluster.builder()
                                .name("ledger")
                                .namespace("finance")
                                .replicas(5)
                                .clusterDomain("k8s.example.net")
                                .resources(new Resources("2", "8Gi", null, "8Gi"))
                                .galera(new GaleraSettings(
                                        SstMethod.RSYNC,
                                        SecretRef.of("ledger-sst", "password"),
                                        "sst",
                                        8,
                                        "2G",
                                        Map.of("evs.suspect_timeout", "PT10S"),
                                        List.of("max_connections=500")))
                                .recoveryPolicy(RecoveryPolicy.MANUAL)
                                .annotations(Map.of("example.com/owner", "finance-dba"))
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void outputMatchesTheReviewedGoldenFile(String name, GaleraCluster cluster) throws IOException {
        String rendered = TestSchemas.validatingGenerator().render(cluster).combinedYaml();
        Path golden = GOLDEN.resolve(name + ".yaml");
        if (Regenerate.requested()) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }

        assertThat(rendered).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(rendered.getBytes(StandardCharsets.UTF_8)).isEqualTo(Files.readAllBytes(golden));
    }
}
