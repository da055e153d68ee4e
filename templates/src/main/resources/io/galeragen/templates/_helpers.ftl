<#-- Layout shared by every resource template. Values arrive computed (see ClusterView). -->
<#-- A YAML string scalar, quoted where YAML needs it ("3306", "yes", "a b"). -->
<#function q value>
  <#return yamlScalar(value)>
</#function>
<#-- metadata: of a namespaced object, at the top level of a document. -->
<#macro metadata name>
metadata:
  name: ${name}
  namespace: ${cluster.namespace}
  labels:
<#list labels as key, value>
    ${key}: ${q(value)}
</#list>
<#if annotations?has_content>
  annotations:
<#list annotations as key, value>
    ${key}: ${q(value)}
</#list>
</#if>
</#macro>
<#-- A map of labels at a given indentation. -->
<#macro labelMap entries indent>
<#list entries as key, value>
${""?left_pad(indent)}${key}: ${q(value)}
</#list>
</#macro>
<#-- metadata: of a namespaced object with its own labels (metrics Service, monitoring objects, arbitrator). -->
<#macro metadataLabelled name labelEntries>
metadata:
  name: ${name}
  namespace: ${cluster.namespace}
  labels:
<#list labelEntries as key, value>
    ${key}: ${q(value)}
</#list>
<#if annotations?has_content>
  annotations:
<#list annotations as key, value>
    ${key}: ${q(value)}
</#list>
</#if>
</#macro>
<#-- metadata: of a cluster-scoped object (no namespace). -->
<#macro clusterMetadata name>
metadata:
  name: ${name}
  labels:
<#list labels as key, value>
    ${key}: ${q(value)}
</#list>
<#if annotations?has_content>
  annotations:
<#list annotations as key, value>
    ${key}: ${q(value)}
</#list>
</#if>
</#macro>
<#-- One container env entry: a plain value or a Secret key reference. -->
<#macro envVar variable indent>
<#local pad = ""?left_pad(indent)>
${pad}- name: ${variable.name}
<#if variable.fromSecret()>
${pad}  valueFrom:
${pad}    secretKeyRef:
${pad}      name: ${variable.secretName}
${pad}      key: ${q(variable.secretKey)}
<#elseif variable.fromField()>
${pad}  valueFrom:
${pad}    fieldRef:
${pad}      fieldPath: ${variable.fieldPath}
<#else>
${pad}  value: ${q(variable.value)}
</#if>
</#macro>
<#-- Pod tolerations, each as Kubernetes spells it. -->
<#macro tolerations entries indent>
<#local pad = ""?left_pad(indent)>
<#list entries as toleration>
${pad}- operator: ${toleration.operator!"Equal"}
<#if toleration.key??>
${pad}  key: ${q(toleration.key)}
</#if>
<#if toleration.value??>
${pad}  value: ${q(toleration.value)}
</#if>
<#if toleration.effect??>
${pad}  effect: ${toleration.effect}
</#if>
</#list>
</#macro>
