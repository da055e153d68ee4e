<#import "_helpers.ftl" as h>
apiVersion: v1
kind: Namespace
metadata:
  name: ${cluster.namespace}
  labels:
<@h.labelMap labels 4/>
