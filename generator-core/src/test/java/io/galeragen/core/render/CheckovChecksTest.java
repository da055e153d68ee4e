package io.galeragen.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.Examples;
import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * checkov's Kubernetes checks that issue 12 lists (CKV_K8S_8, 9, 10, 11, 12, 13, 15, 22, 35, 40, 43, CKV2_K8S_6), run
 * by {@link Checkov}'s re-implementation over every example's committed output and the embedded-library example's
 * cluster: each check passes, or the pod carries a waiver with its reason, and no waiver is stale.
 */
class CheckovChecksTest {

    @Test
    void everyExamplesOutputPassesOrWaivesEachCheckWithAReason() throws IOException {
        List<Checkov.Verdict> verdicts = Checkov.scan(exampleOutputs());

        assertThat(verdicts)
                .extracting(Checkov.Verdict::entity)
                .contains(
                        "StatefulSet/shop-db/pod",
                        "StatefulSet/orders/pod",
                        "StatefulSet/orders-db/pod",
                        "StatefulSet/inventory-db/pod");
        assertThat(verdicts).filteredOn(Checkov.Verdict::unwaivedFailure).isEmpty();
        // A waiver names a check that fails without it, and says why in more than a word.
        assertThat(verdicts)
                .filteredOn(verdict -> verdict.waiver() != null)
                .isNotEmpty()
                .allSatisfy(verdict -> {
                    assertThat(verdict.result()).as(verdict.toString()).isEqualTo(Checkov.Result.FAILED);
                    assertThat(verdict.waiver().split(" "))
                            .as(verdict.toString())
                            .hasSizeGreaterThan(8);
                });
        // What the product fixed rather than waived.
        assertThat(verdicts)
                .filteredOn(verdict -> List.of("CKV_K8S_10", "CKV_K8S_12", "CKV_K8S_13", "CKV_K8S_22", "CKV_K8S_35")
                        .contains(verdict.check()))
                .extracting(Checkov.Verdict::result)
                .containsOnly(Checkov.Result.PASSED);
        assertThat(verdicts)
                .filteredOn(verdict -> verdict.check().equals("CKV2_K8S_6"))
                .extracting(Checkov.Verdict::result)
                .containsOnly(Checkov.Result.PASSED);
    }

    @Test
    void theArbitratorsPodAndAClusterWithoutNetworkPolicyWaiveWhatTheyFail() {
        GaleraCluster cluster = GaleraCluster.builder()
                .name("pair")
                .replicas(2)
                .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                .networkPolicy(Defaults.NETWORK_POLICY.withEnabled(false))
                .build();

        List<Checkov.Verdict> verdicts = Checkov.scan(List.of(render(cluster)));

        assertThat(verdicts).filteredOn(Checkov.Verdict::unwaivedFailure).isEmpty();
        assertThat(verdicts)
                .filteredOn(verdict ->
                        verdict.entity().equals("Deployment/pair-arbitrator/pod") && verdict.waiver() != null)
                .extracting(Checkov.Verdict::check)
                .containsExactly("CKV_K8S_11", "CKV_K8S_15", "CKV_K8S_40", "CKV_K8S_43", "CKV2_K8S_6");
    }

    @Test
    void theWaiversFollowTheValues() {
        GaleraCluster defaults = GaleraCluster.defaults();
        GaleraCluster hardened = GaleraCluster.builder()
                .images(defaults.images()
                        .withMariadb("docker.io/library/mariadb:10.11.18@sha256:" + "a".repeat(64))
                        .withExporter("docker.io/prom/mysqld-exporter:v0.17.2@sha256:" + "b".repeat(64)))
                .resources(new io.galeragen.core.model.Resources("1", "2Gi", "2", "2Gi"))
                .security(new io.galeragen.core.model.Security(10001, 10001, 10001))
                .build();

        List<Checkov.Verdict> verdicts = Checkov.scan(List.of(render(hardened)));

        assertThat(verdicts).filteredOn(Checkov.Verdict::unwaivedFailure).isEmpty();
        assertThat(verdicts)
                .filteredOn(verdict -> verdict.waiver() != null)
                .extracting(Checkov.Verdict::check)
                .containsExactly("CKV_K8S_8", "CKV_K8S_9");
    }

    @Test
    void aWaiverWithASecondEqualsSignIsWhatCheckovCannotRead() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Checkov.waivers(java.util.Map.of(
                        "metadata",
                        java.util.Map.of("annotations", java.util.Map.of("checkov.io/skip1", "CKV_K8S_8=a=b"))))))
                .hasMessageContaining("fails on anything but 2");
    }

    private static String render(GaleraCluster cluster) {
        return GaleraGenerator.builder().build().render(cluster).combinedYaml();
    }

    /** examples/*: committed output (basic, ceph-rbd-3-zones, gitops) and the embedded-library example's cluster. */
    private static List<String> exampleOutputs() throws IOException {
        Path examples = Examples.examplesDir();
        List<String> texts = new ArrayList<>();
        for (Path dir : List.of(
                examples.resolve("basic/expected"),
                examples.resolve("ceph-rbd-3-zones/expected"),
                examples.resolve("gitops/manifests"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(file -> file.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    texts.add(Files.readString(file));
                }
            }
        }
        texts.add(render(GaleraCluster.builder()
                .name("inventory-db")
                .namespace("inventory")
                .replicas(3)
                .storage(Defaults.STORAGE.withSize("30Gi"))
                .build()));
        return texts;
    }
}
