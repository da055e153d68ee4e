package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DNS answers Kubernetes derives from Services and pods, as CoreDNS serves them:
 * <ul>
 *   <li>{@code <service>.<ns>.svc.<domain>}: the addresses of the selected pods that are ready now and not
 *       terminating; with {@code publishNotReadyAddresses: true}, of every selected pod that has an address. For a
 *       ClusterIP Service this stands in for its virtual IP (no kube-proxy here): a client resolves the ready
 *       endpoints directly.</li>
 *   <li>{@code <hostname>.<subdomain>.<ns>.svc.<domain>} for a pod whose subdomain is a headless Service selecting
 *       it, under the same readiness rule.</li>
 * </ul>
 */
final class ServiceRecords {

    private ServiceRecords() {}

    static Map<String, List<String>> of(LabCluster cluster) {
        Map<String, List<String>> records = new LinkedHashMap<>();
        for (Service service : cluster.services()) {
            String namespace = service.getMetadata().getNamespace();
            String serviceName = service.getMetadata().getName();
            String fqdn = serviceName + "." + namespace + ".svc." + cluster.clusterDomain();
            boolean headless = "None".equals(service.getSpec().getClusterIP());
            boolean publishNotReady = Boolean.TRUE.equals(service.getSpec().getPublishNotReadyAddresses());
            Map<String, String> selector = service.getSpec().getSelector();
            List<String> addresses = new ArrayList<>();
            for (Pod pod : cluster.pods()) {
                if (selector == null
                        || selector.isEmpty()
                        || !pod.namespace().equals(namespace)
                        || pod.ip() == null
                        || !pod.labels().entrySet().containsAll(selector.entrySet())) {
                    continue;
                }
                if (!(publishNotReady || pod.ready())) {
                    continue;
                }
                addresses.add(pod.ip());
                if (headless
                        && serviceName.equals(pod.spec().getSubdomain())
                        && pod.spec().getHostname() != null) {
                    records.put(pod.spec().getHostname() + "." + fqdn, List.of(pod.ip()));
                }
            }
            if (!addresses.isEmpty()) {
                records.put(fqdn, addresses);
            }
        }
        return records;
    }
}
