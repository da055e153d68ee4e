package io.galeragen.core.model;

/**
 * An optional StorageClass that galera-gen generates for the members' volumes (ceph-csi RBD). When
 * {@code create} is false the PVCs reference {@code storage.storageClassName}, an existing class (or the
 * cluster's default class when that is unset). When true, the class is generated under the name
 * {@code storage.storageClassName}, which must then be set.
 *
 * @param create               whether the StorageClass is rendered
 * @param reclaimPolicy        {@code Retain} (default: deleting a claim must never delete a database's data) or
 *                             {@code Delete}
 * @param allowVolumeExpansion whether claims may grow (ceph-csi supports online expansion)
 * @param volumeBindingMode    {@code WaitForFirstConsumer} (default: bind after the scheduler placed the pod by its
 *                             anti-affinity and zone rules) or {@code Immediate}
 * @param cephRbd              the ceph-csi RBD parameters
 */
public record StorageClassSpec(
        boolean create,
        String reclaimPolicy,
        boolean allowVolumeExpansion,
        String volumeBindingMode,
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
