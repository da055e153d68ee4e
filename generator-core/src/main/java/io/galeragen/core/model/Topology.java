package io.galeragen.core.model;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the members run: spread over nodes and zones so that one lost node or zone never takes quorum away.
 *
 * @param antiAffinity      pod anti-affinity on {@code kubernetes.io/hostname}: at most one member per node
 *                          ({@code required}), preferably ({@code preferred}) or no rule ({@code none})
 * @param zoneSpread        topologySpreadConstraints over {@code topology.kubernetes.io/zone} with maxSkew 1:
 *                          {@code required} (DoNotSchedule), {@code preferred} (ScheduleAnyway) or {@code none}
 * @param zones             the zones members may run in (a node affinity); empty = any zone. Also what the
 *                          quorum check counts
 * @param nodeCount         how many nodes can run members, if known: only used to warn when required
 *                          anti-affinity asks for more nodes than exist; 0 = unknown
 * @param nodeSelector      node labels every member's node must carry
 * @param tolerations       taints the members tolerate, in kubectl's taint syntax: {@code key=value:Effect}
 *                          (operator Equal), {@code key:Effect} or {@code key} (operator Exists), e.g.
 *                          {@code dedicated=database:NoSchedule}; see {@link Toleration#parse}
 * @param priorityClassName a PriorityClass for the members, or {@code null}
 */
public record Topology(
        Placement antiAffinity,
        Placement zoneSpread,
        List<String> zones,
        int nodeCount,
        Map<String, String> nodeSelector,
        List<String> tolerations,
        String priorityClassName) {

    public Topology {
        zones = List.copyOf(zones);
        nodeSelector = Map.copyOf(nodeSelector);
        tolerations = List.copyOf(tolerations);
    }

    /** The tolerations parsed; call only on a validated model. */
    public List<Toleration> parsedTolerations() {
        return tolerations.stream().map(text -> Toleration.parse(text).orElseThrow()).toList();
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
