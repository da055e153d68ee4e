<#-- StorageClass storageClass.name: renders when storageClass.create is true. View: storageClass
     (StorageClassView). (When: TemplateCatalog.) -->
<#import "_helpers.ftl" as h>
<#-- A ceph-csi RBD class for the members' volumes. Cluster-scoped: no namespace. -->
apiVersion: storage.k8s.io/v1
kind: StorageClass
<@h.clusterMetadata storageClass.name/>
provisioner: ${storageClass.provisioner}
parameters:
<#list storageClass.parameters as key, value>
  ${key}: ${h.q(value)}
</#list>
reclaimPolicy: ${storageClass.reclaimPolicy}
allowVolumeExpansion: ${storageClass.allowVolumeExpansion?c}
volumeBindingMode: ${storageClass.volumeBindingMode}
