<#-- ServiceMonitor monitoring.serviceMonitorName: renders when exporter.enabled and
     monitoring.serviceMonitor. View: monitoring (MonitoringView). (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
<@h.metadataLabelled monitoring.serviceMonitorName monitoring.objectLabels/>
spec:
  selector:
    matchLabels:
<@h.labelMap monitoring.metricsSelector 6/>
  namespaceSelector:
    matchNames:
    - ${h.q(cluster.namespace)}
  endpoints:
  - port: metrics
    interval: ${cluster.monitoring.scrapeInterval}
