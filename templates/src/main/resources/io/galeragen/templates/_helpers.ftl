<#-- Layout shared by every resource template. Values arrive computed (see ClusterView). -->
<#-- A YAML string scalar, quoted where YAML 1.1 or 1.2 would read it as something else ("3306", "yes", "a b").
     Every key and value that comes from the user goes through it: names, namespaces, label keys. -->
<#function q value>
  <#return yamlScalar(value)>
</#function>
<#-- metadata: of an object, at the top level of a document: name, namespace unless cluster-scoped, labels, the
     user's annotations and then extra ones. The three macros below are its uses. -->
<#macro objectMetadata name labelEntries namespaced extraAnnotations>
metadata:
  name: ${q(name)}
<#if namespaced>
  namespace: ${q(cluster.namespace)}
</#if>
  labels:
<#list labelEntries as key, value>
    ${q(key)}: ${q(value)}
</#list>
<@annotationMap extraAnnotations 2/>
</#macro>
<#-- metadata: of a namespaced object with the cluster's labels. -->
<#macro metadata name extraAnnotations={}>
<@objectMetadata name labels true extraAnnotations/>
</#macro>
<#-- annotations: the user's, then the given ones, at a given indentation; nothing when both are empty. -->
<#macro annotationMap extraAnnotations indent>
<#if annotations?has_content || extraAnnotations?has_content>
${""?left_pad(indent)}annotations:
<@labelMap annotations indent + 2/>
<@labelMap extraAnnotations indent + 2/>
</#if>
</#macro>
<#-- A map of labels at a given indentation. -->
<#macro labelMap entries indent>
<#list entries as key, value>
${""?left_pad(indent)}${q(key)}: ${q(value)}
</#list>
</#macro>
<#-- metadata: of a namespaced object with its own labels (metrics Service, monitoring objects, arbitrator). -->
<#macro metadataLabelled name labelEntries extraAnnotations={}>
<@objectMetadata name labelEntries true extraAnnotations/>
</#macro>
<#-- metadata: of a cluster-scoped object (no namespace). -->
<#macro clusterMetadata name>
<@objectMetadata name labels false {}/>
</#macro>
<#-- One container env entry: a plain value or a field of the pod; secrets are files, never variables. -->
<#macro envVar variable indent>
<#local pad = ""?left_pad(indent)>
${pad}- name: ${variable.name}
<#if variable.fromField()>
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

<#-- A container's resources: requests and limits, each value only when set. -->
<#macro resources values indent>
<#local pad = ""?left_pad(indent)>
<#if values.cpuRequest?? || values.memoryRequest?? || values.cpuLimit?? || values.memoryLimit??>
${pad}resources:
<#if values.cpuRequest?? || values.memoryRequest??>
${pad}  requests:
<#if values.cpuRequest??>
${pad}    cpu: ${q(values.cpuRequest)}
</#if>
<#if values.memoryRequest??>
${pad}    memory: ${q(values.memoryRequest)}
</#if>
</#if>
<#if values.cpuLimit?? || values.memoryLimit??>
${pad}  limits:
<#if values.cpuLimit??>
${pad}    cpu: ${q(values.cpuLimit)}
</#if>
<#if values.memoryLimit??>
${pad}    memory: ${q(values.memoryLimit)}
</#if>
</#if>
</#if>
</#macro>
<#-- Every container: no privilege escalation, no capabilities, nothing written outside its volumes. -->
<#macro containerSecurity indent>
<#local pad = ""?left_pad(indent)>
${pad}securityContext:
${pad}  allowPrivilegeEscalation: false
${pad}  readOnlyRootFilesystem: true
${pad}  capabilities:
${pad}    drop: ["ALL"]
</#macro>
<#-- The pod securityContext of members and arbitrator. -->
<#macro podSecurity indent>
<#local pad = ""?left_pad(indent)>
${pad}securityContext:
${pad}  runAsUser: ${cluster.security.runAsUser?c}
${pad}  runAsGroup: ${cluster.security.runAsGroup?c}
${pad}  fsGroup: ${cluster.security.fsGroup?c}
${pad}  # Change the data volume's group only when its root is not already fsGroup's: not every file at every start.
${pad}  fsGroupChangePolicy: OnRootMismatch
${pad}  runAsNonRoot: true
${pad}  seccompProfile:
${pad}    type: RuntimeDefault
</#macro>
