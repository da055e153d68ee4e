<#import "_helpers.ftl" as h>
apiVersion: v1
kind: ConfigMap
<@h.metadata names.configMap/>
data:
<#list configFiles as file>
  ${file.name}: ${file.yamlValue}
</#list>
