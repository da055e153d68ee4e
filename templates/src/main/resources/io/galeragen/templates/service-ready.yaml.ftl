<#-- Service names.readyService: renders always. View: names, labels, selectorLabels. (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#-- Headless and ready-only: its DNS name resolves to the members that are Ready (Synced in the Primary component). -->
apiVersion: v1
kind: Service
<@h.metadata names.readyService/>
spec:
  clusterIP: None
  publishNotReadyAddresses: false
  selector:
<@h.labelMap selectorLabels 4/>
  ports:
  - name: mysql
    port: 3306
    targetPort: mysql
