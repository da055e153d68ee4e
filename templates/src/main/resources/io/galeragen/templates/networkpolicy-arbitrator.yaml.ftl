<#-- NetworkPolicy arbitrator.name: renders when networkPolicy.enabled and the arbitrator renders.
     View: arbitrator (ArbitratorView). (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#-- The arbitrator speaks Galera (4567) with the members only. -->
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
<@h.metadataLabelled arbitrator.name arbitrator.labels/>
spec:
  podSelector:
    matchLabels:
<@h.labelMap arbitrator.selector 6/>
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
<@h.labelMap selectorLabels 10/>
    ports:
    - port: 4567
      protocol: TCP
    - port: 4567
      protocol: UDP
