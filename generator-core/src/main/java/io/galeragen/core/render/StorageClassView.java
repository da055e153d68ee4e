package io.galeragen.core.render;

import java.util.Map;

/**
 * The generated ceph-csi RBD StorageClass.
 *
 * @param name                 its name (storage.storageClassName)
 * @param provisioner          the CSI driver name
 * @param parameters           the class's parameters, in a stable order
 * @param reclaimPolicy        Retain or Delete
 * @param allowVolumeExpansion whether claims may grow
 * @param volumeBindingMode    WaitForFirstConsumer or Immediate
 */
public record StorageClassView(
        String name,
        String provisioner,
        Map<String, String> parameters,
        String reclaimPolicy,
        boolean allowVolumeExpansion,
        String volumeBindingMode) {}
