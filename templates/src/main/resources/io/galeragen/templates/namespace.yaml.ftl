<#-- Namespace cluster.namespace: renders when createNamespace is true. View: cluster. (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
apiVersion: v1
kind: Namespace
metadata:
  name: ${h.q(cluster.namespace)}
  labels:
<@h.labelMap labels 4/>
<@h.annotationMap {} 2/>
