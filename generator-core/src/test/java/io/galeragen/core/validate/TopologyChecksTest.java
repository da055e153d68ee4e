package io.galeragen.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.DisruptionBudget;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.Placement;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopologyChecksTest {

    private static GaleraCluster zoned(int replicas, int zones, boolean arbitrator) {
        return GaleraCluster.builder()
                .replicas(replicas)
                .arbitrator(Defaults.ARBITRATOR.withEnabled(arbitrator))
                .topology(Defaults.TOPOLOGY.withZones(
                        IntStream.range(0, zones).mapToObj(i -> "zone-" + i).toList()))
                .build();
    }

    @Test
    void threeMembersOverTwoZonesLoseQuorumWithTheFullerZone() {
        assertThat(TopologyChecks.warnings(zoned(3, 2, false)))
                .singleElement()
                .satisfies(warning -> assertThat(warning)
                        .startsWith(
                                "topology.zones: 3 members over 2 zones put up to 2 in one zone; losing that zone leaves "
                                        + "1 of 3 votes"));
    }

    @ParameterizedTest
    @CsvSource({"3, 3, false", "5, 3, false", "3, 5, false", "2, 2, true", "4, 2, true", "9, 3, false"})
    void layoutsThatSurviveAZoneRaiseNoQuorumWarning(int replicas, int zones, boolean arbitrator) {
        assertThat(TopologyChecks.warnings(zoned(replicas, zones, arbitrator)))
                .noneMatch(warning -> warning.startsWith("topology.zones"));
    }

    @ParameterizedTest
    @CsvSource({"5, 2", "4, 2", "3, 1", "4, 3", "2, 2"})
    void layoutsThatDoNotSurviveAZoneWarn(int replicas, int zones) {
        assertThat(TopologyChecks.warnings(zoned(replicas, zones, false)))
                .anyMatch(warning -> warning.startsWith("topology.zones"));
    }

    @Test
    void twoMembersWithoutArbitratorWarn() {
        assertThat(TopologyChecks.warnings(GaleraCluster.builder().replicas(2).build()))
                .singleElement()
                .satisfies(warning -> assertThat(warning).startsWith("replicas: 2 members without an arbitrator"));
        assertThat(TopologyChecks.warnings(GaleraCluster.builder()
                        .replicas(2)
                        .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                        .build()))
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"4, 3, 5", "6, 5, 7", "8, 7, 9"})
    void anEvenNumberOfMembersWithoutArbitratorWarnsWithoutZonesToo(int replicas, int fewer, int more) {
        assertThat(TopologyChecks.warnings(
                        GaleraCluster.builder().replicas(replicas).build()))
                .singleElement()
                .isEqualTo("replicas: " + replicas + " members (an even number) without an arbitrator: a network split"
                        + " into two halves of " + replicas / 2 + " leaves neither a majority, so both stop taking"
                        + " writes, and they survive no more failed members (" + (replicas / 2 - 1) + ") than " + fewer
                        + " would; use " + fewer + " or " + more + " members, or set arbitrator.enabled: true");
        assertThat(TopologyChecks.warnings(GaleraCluster.builder()
                        .replicas(replicas)
                        .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                        .build()))
                .isEmpty();
    }

    @Test
    void anArbitratorBesideAnOddNumberOfMembersWarns() {
        assertThat(TopologyChecks.warnings(GaleraCluster.builder()
                        .replicas(3)
                        .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                        .build()))
                .singleElement()
                .satisfies(warning -> assertThat(warning).startsWith("arbitrator.enabled: "));
    }

    @Test
    void requiredAntiAffinityWithFewerDeclaredNodesThanMembersWarns() {
        GaleraCluster cluster = GaleraCluster.builder()
                .replicas(5)
                .topology(Defaults.TOPOLOGY.withNodeCount(3))
                .build();

        assertThat(TopologyChecks.warnings(cluster))
                .singleElement()
                .satisfies(warning -> assertThat(warning)
                        .startsWith("topology.antiAffinity: required")
                        .contains("declares 3 nodes for 5 members", "2 pods will stay Pending"));
        assertThat(TopologyChecks.warnings(cluster.toBuilder()
                        .topology(Defaults.TOPOLOGY.withNodeCount(3).withAntiAffinity(Placement.PREFERRED))
                        .build()))
                .isEmpty();
        assertThat(TopologyChecks.warnings(
                        cluster.toBuilder().topology(Defaults.TOPOLOGY).build()))
                .isEmpty();
    }

    @Test
    void aBudgetThatDrainsAwayQuorumWarns() {
        GaleraCluster cluster = GaleraCluster.builder()
                .replicas(5)
                .podDisruptionBudget(new DisruptionBudget(true, 3))
                .build();

        assertThat(TopologyChecks.warnings(cluster))
                .singleElement()
                .satisfies(
                        warning -> assertThat(warning).startsWith("podDisruptionBudget.maxUnavailable: 3 of 5 votes"));
        assertThat(TopologyChecks.warnings(cluster.toBuilder()
                        .podDisruptionBudget(new DisruptionBudget(true, 2))
                        .build()))
                .isEmpty();
    }

    @Test
    void zoneSpreadNoneWithDeclaredZonesWarns() {
        GaleraCluster cluster = GaleraCluster.builder()
                .topology(Defaults.TOPOLOGY.withZones(List.of("a", "b", "c")).withZoneSpread(Placement.NONE))
                .build();

        assertThat(TopologyChecks.warnings(cluster))
                .singleElement()
                .satisfies(warning -> assertThat(warning).startsWith("topology.zoneSpread: none"));
    }

    @Test
    void theDefaultsRaiseNoWarning() {
        assertThat(TopologyChecks.warnings(GaleraCluster.defaults())).isEmpty();
        assertThat(TopologyChecks.warnings(GaleraCluster.builder().replicas(1).build()))
                .isEmpty();
    }
}
