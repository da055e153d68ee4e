package io.galeragen.core.render;

import java.util.List;
import java.util.Map;

/**
 * The members' NetworkPolicy.
 *
 * @param name                  its name
 * @param clientPodLabels       pod labels of SQL clients (empty = any pod of the selected namespaces)
 * @param clientNamespaceLabels namespace labels of SQL clients (empty = the cluster's namespace)
 * @param galeraPeers           pod selectors of everything that speaks Galera with the members (members, arbitrator)
 * @param monitoringNamespace   the namespace allowed to scrape, or {@code null} when no exporter runs
 */
public record NetworkPolicyView(
        String name,
        Map<String, String> clientPodLabels,
        Map<String, String> clientNamespaceLabels,
        List<Map<String, String>> galeraPeers,
        String monitoringNamespace) {}
