<#-- PodDisruptionBudget names.statefulSet: renders when podDisruptionBudget.enabled and replicas >= 2.
     View: names, cluster.podDisruptionBudget. (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#-- Node drains and cluster upgrades take members down one at a time, so quorum holds. -->
apiVersion: policy/v1
kind: PodDisruptionBudget
<@h.metadata names.statefulSet/>
spec:
  maxUnavailable: ${cluster.podDisruptionBudget.maxUnavailable?c}
  selector:
    matchLabels:
<@h.labelMap selectorLabels 6/>
