package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.TreeMap;

/**
 * An optional NetworkPolicy for the members: SQL (3306) from selected clients, Galera traffic (4444, 4567, 4568)
 * only between the cluster's own pods (and its arbitrator), metrics (exporter port) only from a monitoring namespace.
 */
public record NetworkPolicySpec(
        @JsonPropertyDescription("Whether it is rendered (as Bitnami's chart does by default): without it any pod "
                + "can join the group and receive a full copy by SST. Inert where the network plugin ignores "
                + "policies.")
        boolean enabled,

        @JsonPropertyDescription(
                "Labels of the pods that may connect to 3306; with both client selectors empty, " + "any client may.")
        Map<String, String> clientPodLabels,

        @JsonPropertyDescription("Labels of the namespaces clients run in; empty with clientPodLabels set means "
                + "the cluster's own namespace.")
        Map<String, String> clientNamespaceLabels,

        @JsonPropertyDescription("The namespace Prometheus scrapes from.")
        String monitoringNamespace) {

    public NetworkPolicySpec {
        clientPodLabels = Map.copyOf(clientPodLabels);
        clientNamespaceLabels = Map.copyOf(clientNamespaceLabels);
    }

    public Map<String, String> sortedClientPodLabels() {
        return new TreeMap<>(clientPodLabels);
    }

    public Map<String, String> sortedClientNamespaceLabels() {
        return new TreeMap<>(clientNamespaceLabels);
    }

    public NetworkPolicySpec withEnabled(boolean value) {
        return new NetworkPolicySpec(value, clientPodLabels, clientNamespaceLabels, monitoringNamespace);
    }

    public NetworkPolicySpec withClientPodLabels(Map<String, String> value) {
        return new NetworkPolicySpec(enabled, value, clientNamespaceLabels, monitoringNamespace);
    }

    public NetworkPolicySpec withClientNamespaceLabels(Map<String, String> value) {
        return new NetworkPolicySpec(enabled, clientPodLabels, value, monitoringNamespace);
    }

    public NetworkPolicySpec withMonitoringNamespace(String value) {
        return new NetworkPolicySpec(enabled, clientPodLabels, clientNamespaceLabels, value);
    }
}
