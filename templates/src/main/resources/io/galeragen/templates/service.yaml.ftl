<#-- Service names.clientService: renders always. View: names, labels, selectorLabels. (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#-- What applications connect to: ready members only (Synced and in the primary component). -->
apiVersion: v1
kind: Service
<@h.metadata names.clientService/>
spec:
  type: ClusterIP
  selector:
<@h.labelMap selectorLabels 4/>
  ports:
  - name: mysql
    port: 3306
    targetPort: mysql
