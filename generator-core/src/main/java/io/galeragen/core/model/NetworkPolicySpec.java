package io.galeragen.core.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * An optional NetworkPolicy for the members: SQL (3306) from selected clients, Galera traffic (4444, 4567, 4568)
 * only between the cluster's own pods (and its arbitrator), metrics (exporter port) only from a monitoring namespace.
 *
 * @param enabled               whether it is rendered
 * @param clientPodLabels       labels of the pods that may connect to 3306; empty = every pod of the selected
 *                              namespaces
 * @param clientNamespaceLabels labels of the namespaces clients run in; empty = the cluster's own namespace only
 * @param monitoringNamespace   the namespace Prometheus scrapes from
 */
public record NetworkPolicySpec(
        boolean enabled,
        Map<String, String> clientPodLabels,
        Map<String, String> clientNamespaceLabels,
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
