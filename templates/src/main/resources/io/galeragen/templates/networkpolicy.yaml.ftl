<#-- NetworkPolicy networkPolicy.name: renders when networkPolicy.enabled. View: networkPolicy
     (NetworkPolicyView), monitoring. (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#-- SQL from selected clients; Galera ports only between the cluster's own pods; metrics only from monitoring. -->
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
<@h.metadata networkPolicy.name/>
spec:
  podSelector:
    matchLabels:
<@h.labelMap selectorLabels 6/>
  policyTypes:
  - Ingress
  ingress:
<#if networkPolicy.clientNamespaceLabels?has_content || networkPolicy.clientPodLabels?has_content>
  # SQL: the selected clients, and the members themselves.
  - from:
<#if networkPolicy.clientNamespaceLabels?has_content>
    - namespaceSelector:
        matchLabels:
<@h.labelMap networkPolicy.clientNamespaceLabels 10/>
<#if networkPolicy.clientPodLabels?has_content>
      podSelector:
        matchLabels:
<@h.labelMap networkPolicy.clientPodLabels 10/>
</#if>
<#else>
    - podSelector:
        matchLabels:
<@h.labelMap networkPolicy.clientPodLabels 10/>
</#if>
    - podSelector:
        matchLabels:
<@h.labelMap selectorLabels 10/>
    ports:
    - port: 3306
      protocol: TCP
<#else>
  # SQL from any client (no networkPolicy.clientPodLabels or clientNamespaceLabels): accounts guard it.
  - ports:
    - port: 3306
      protocol: TCP
</#if>
  # Galera: replication (4567 TCP and UDP), IST (4568), SST (4444) and the members' recovery state (4569), only within
  # the cluster.
  - from:
<#list networkPolicy.galeraPeers as peer>
    - podSelector:
        matchLabels:
<@h.labelMap peer 10/>
</#list>
    ports:
    - port: 4444
      protocol: TCP
    - port: 4567
      protocol: TCP
    - port: 4567
      protocol: UDP
    - port: 4568
      protocol: TCP
    - port: 4569
      protocol: TCP
<#if networkPolicy.monitoringNamespace??>
  # Metrics: only from the monitoring namespace.
  - from:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: ${h.q(networkPolicy.monitoringNamespace)}
    ports:
    - port: ${cluster.exporter.port?c}
      protocol: TCP
</#if>
