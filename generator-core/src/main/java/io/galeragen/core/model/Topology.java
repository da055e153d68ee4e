package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the members run: spread over nodes and zones so that one lost node or zone never takes quorum away.
 */
public record Topology(
        @JsonPropertyDescription("At most one member per node: required, preferred or none.")
        Placement antiAffinity,

        @JsonPropertyDescription(
                "Spread over topology.kubernetes.io/zone with maxSkew 1: required, preferred or " + "none.")
        Placement zoneSpread,

        @JsonPropertyDescription(
                "The zones members may run in; empty means any zone. Also what the quorum check " + "counts.")
        List<String> zones,

        @JsonPropertyDescription("How many nodes can run members, if known (only for a warning); 0 means unknown.")
        int nodeCount,

        @JsonPropertyDescription("Node labels every member's node must carry.")
        Map<String, String> nodeSelector,

        @JsonPropertyDescription("Taints the members tolerate, as key=value:Effect, key:Effect or key.")
        List<String> tolerations,

        @JsonPropertyDescription("A PriorityClass for the members, or null.")
        String priorityClassName) {

    public Topology {
        zones = List.copyOf(zones);
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = List.copyOf(tolerations);
    }

    /** The tolerations parsed; call only on a validated model. */
    public List<Toleration> parsedTolerations() {
        return tolerations.stream()
                .map(text -> Toleration.parse(text).orElseThrow())
                .toList();
    }

    /** Node selector in a stable order, for rendering. */
    public Map<String, String> sortedNodeSelector() {
        return new TreeMap<>(nodeSelector);
    }

    public Topology withAntiAffinity(Placement placement) {
        return new Topology(placement, zoneSpread, zones, nodeCount, nodeSelector, tolerations, priorityClassName);
    }

    public Topology withZoneSpread(Placement placement) {
        return new Topology(antiAffinity, placement, zones, nodeCount, nodeSelector, tolerations, priorityClassName);
    }

    public Topology withZones(List<String> names) {
        return new Topology(antiAffinity, zoneSpread, names, nodeCount, nodeSelector, tolerations, priorityClassName);
    }

    public Topology withNodeCount(int count) {
        return new Topology(antiAffinity, zoneSpread, zones, count, nodeSelector, tolerations, priorityClassName);
    }

    public Topology withNodeSelector(Map<String, String> selector) {
        return new Topology(antiAffinity, zoneSpread, zones, nodeCount, selector, tolerations, priorityClassName);
    }

    public Topology withTolerations(List<String> list) {
        return new Topology(antiAffinity, zoneSpread, zones, nodeCount, nodeSelector, list, priorityClassName);
    }

    public Topology withPriorityClassName(String name) {
        return new Topology(antiAffinity, zoneSpread, zones, nodeCount, nodeSelector, tolerations, name);
    }
}
