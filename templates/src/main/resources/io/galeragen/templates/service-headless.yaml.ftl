<#-- Service names.peerService: renders always. View: names, labels, selectorLabels. (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#-- Gives every member a stable DNS name from the moment it exists, ready or not: Galera peers need it to join. -->
apiVersion: v1
kind: Service
<@h.metadata names.peerService/>
spec:
  clusterIP: None
  publishNotReadyAddresses: true
  selector:
<@h.labelMap selectorLabels 4/>
  ports:
  - name: mysql
    port: 3306
    targetPort: mysql
  - name: sst
    port: 4444
    targetPort: sst
  - name: galera
    port: 4567
    targetPort: galera
  - name: galera-udp
    port: 4567
    protocol: UDP
    targetPort: galera-udp
  - name: ist
    port: 4568
    targetPort: ist
  - name: galera-state
    port: 4569
    targetPort: galera-state
