<#-- Service monitoring.metricsService: renders when exporter.enabled and monitoring.serviceMonitor.
     View: monitoring (MonitoringView). (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#-- Lists every member, ready or not, on the exporter port: an alert must still see a member that is not ready. -->
apiVersion: v1
kind: Service
<@h.metadataLabelled monitoring.metricsService monitoring.metricsLabels/>
spec:
  clusterIP: None
  publishNotReadyAddresses: true
  selector:
<@h.labelMap selectorLabels 4/>
  ports:
  - name: metrics
    port: ${cluster.exporter.port?c}
    targetPort: metrics
