<#-- ConfigMap names.configMap: renders always; holds galera.cnf, init.sh and the other files/. View: names,
     configFiles, configHash. (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
apiVersion: v1
kind: ConfigMap
<@h.metadata names.configMap/>
data:
<#list configFiles as file>
  ${file.name}: ${file.yamlValue}
</#list>
