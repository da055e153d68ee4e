<#-- PrometheusRule monitoring.prometheusRuleName: renders when monitoring.prometheusRule. View: monitoring
     (MonitoringView); the alerts and their PromQL are AlertRule.galeraAlerts. (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
<@h.metadataLabelled monitoring.prometheusRuleName monitoring.objectLabels/>
spec:
  groups:
  - name: ${h.q(monitoring.ruleGroup)}
    rules:
<#list monitoring.rules as rule>
    - alert: ${rule.alert}
      expr: ${h.q(rule.expr)}
      for: ${rule.duration}
      labels:
        severity: ${rule.severity}
      annotations:
        summary: ${h.q(rule.summary)}
        description: ${h.q(rule.description)}
</#list>
