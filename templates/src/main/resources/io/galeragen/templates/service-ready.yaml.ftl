<#-- Service names.readyService: renders always. View: names, labels, selectorLabels. (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#-- Headless and ready-only: its DNS name resolves while at least one member is ready. init.sh asks it "is any peer up?". -->
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
