package io.galeragen.core.podlab;

import io.galeragen.core.values.ValuesSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run a lab.
 *
 * @param id                     the lab's names (namespaces, directory, subnet): two labs with different ids run side by side
 * @param values                 the values the cluster is rendered from, as galera-gen reads them
 * @param upstream               ../shared/upstream (the official image's files)
 * @param dnsPropagationDelay    how long a pod's readiness change takes to reach DNS
 * @param nodeMonitorGracePeriod how long a lost node's pods still count as ready (kube-controller-manager: 40 s)
 * @param unsyncedVolumes        PVCs on the FUSE layer that drops unsynced writes on a power cut
 * @param secretValues           Secret values to use instead of generated ones, "secret/key" -> value
 * @param ipFamily               the pod network's only address family (IPv4 by default)
 */
public record LabConfig(
        LabId id,
        List<ValuesSource> values,
        Path upstream,
        Duration dnsPropagationDelay,
        Duration nodeMonitorGracePeriod,
        boolean unsyncedVolumes,
        Map<String, String> secretValues,
        IpFamily ipFamily) {

    public LabConfig {
        values = List.copyOf(values);
        secretValues = Map.copyOf(secretValues);
    }

    public static LabConfig of(LabId id, List<ValuesSource> values) {
        return new LabConfig(
                id,
                values,
                LabEnvironment.upstream(),
                Duration.ofSeconds(1),
                Duration.ofSeconds(40),
                false,
                Map.of(),
                IpFamily.IPV4);
    }

    public LabConfig withUnsyncedVolumes(boolean value) {
        return new LabConfig(
                id, values, upstream, dnsPropagationDelay, nodeMonitorGracePeriod, value, secretValues, ipFamily);
    }

    public LabConfig withDnsPropagationDelay(Duration delay) {
        return new LabConfig(
                id, values, upstream, delay, nodeMonitorGracePeriod, unsyncedVolumes, secretValues, ipFamily);
    }

    public LabConfig withSecretValues(Map<String, String> values) {
        return new LabConfig(
                id,
                this.values,
                upstream,
                dnsPropagationDelay,
                nodeMonitorGracePeriod,
                unsyncedVolumes,
                values,
                ipFamily);
    }

    /** Every pod (and the DNS and the client) gets only an address of this family: IPv6 makes an IPv6-only cluster. */
    public LabConfig withIpFamily(IpFamily family) {
        return new LabConfig(
                id,
                values,
                upstream,
                dnsPropagationDelay,
                nodeMonitorGracePeriod,
                unsyncedVolumes,
                secretValues,
                family);
    }
}
