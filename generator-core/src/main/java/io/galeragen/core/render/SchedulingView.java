package io.galeragen.core.render;

import io.galeragen.core.model.Toleration;
import java.util.List;
import java.util.Map;

/**
 * Where the members' pods may run, decided in Java; the StatefulSet template lays it out.
 *
 * @param antiAffinity      {@code required}, {@code preferred} or {@code null} (no pod anti-affinity)
 * @param zones             zones for a required node affinity on topology.kubernetes.io/zone; empty = none
 * @param whenUnsatisfiable the zone spread constraint's DoNotSchedule/ScheduleAnyway, or {@code null} (no constraint)
 * @param minDomains        the constraint's minDomains (required spread over declared zones only), or {@code null}
 * @param nodeSelector      sorted node selector
 * @param tolerations       tolerations, in the order given
 * @param priorityClassName a PriorityClass, or {@code null}
 */
public record SchedulingView(
        String antiAffinity,
        List<String> zones,
        String whenUnsatisfiable,
        Integer minDomains,
        Map<String, String> nodeSelector,
        List<Toleration> tolerations,
        String priorityClassName) {

    public boolean hasAffinity() {
        return antiAffinity != null || !zones.isEmpty();
    }
}
