<#-- Layout shared by every resource template. Values arrive computed (see ClusterView). -->
<#-- A YAML double-quoted scalar. -->
<#function q value>
  <#return '"' + value?j_string + '"'>
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
