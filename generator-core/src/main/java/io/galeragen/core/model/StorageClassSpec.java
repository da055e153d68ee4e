package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * An optional StorageClass that galera-gen generates for the members' volumes (ceph-csi RBD). When
 * {@code create} is false the PVCs reference {@code storage.storageClassName}, an existing class (or the
 * cluster's default class when that is unset). When true, the class is generated under the name
 * {@code storage.storageClassName}, which must then be set.
 */
public record StorageClassSpec(
        @JsonPropertyDescription("Whether the StorageClass is rendered; storage.storageClassName must then be set.")
        boolean create,

        @JsonPropertyDescription("Retain (deleting a claim never deletes a database's data) or Delete.")
        String reclaimPolicy,

        @JsonPropertyDescription("Whether claims may grow (ceph-csi supports online expansion).")
        boolean allowVolumeExpansion,

        @JsonPropertyDescription("WaitForFirstConsumer (bind after the pod is placed) or Immediate.")
        String volumeBindingMode,

        @JsonPropertyDescription("The ceph-csi RBD parameters.")
        CephRbd cephRbd) {

    public StorageClassSpec withCreate(boolean value) {
        return new StorageClassSpec(value, reclaimPolicy, allowVolumeExpansion, volumeBindingMode, cephRbd);
    }

    public StorageClassSpec withReclaimPolicy(String value) {
        return new StorageClassSpec(create, value, allowVolumeExpansion, volumeBindingMode, cephRbd);
    }

    public StorageClassSpec withVolumeBindingMode(String value) {
        return new StorageClassSpec(create, reclaimPolicy, allowVolumeExpansion, value, cephRbd);
    }

    public StorageClassSpec withCephRbd(CephRbd value) {
        return new StorageClassSpec(create, reclaimPolicy, allowVolumeExpansion, volumeBindingMode, value);
    }
}
