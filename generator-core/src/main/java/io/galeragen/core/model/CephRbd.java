package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Parameters of a ceph-csi RBD StorageClass.
 */
public record CephRbd(
        @JsonPropertyDescription("rbd.csi.ceph.com, or Rook's <operator-namespace>.rbd.csi.ceph.com.")
        String provisioner,

        @JsonPropertyDescription("The Ceph cluster ID as the driver knows it (ceph-csi: the fsid; Rook: the "
                + "CephCluster's namespace).")
        String clusterID,

        @JsonPropertyDescription("The RBD pool images are created in.")
        String pool,

        @JsonPropertyDescription("An erasure-coded data pool, or null.")
        String dataPool,

        @JsonPropertyDescription("RBD image features, e.g. layering.")
        String imageFeatures,

        @JsonPropertyDescription("The filesystem: ext4 or xfs.")
        String fsType,

        @JsonPropertyDescription("Credentials the provisioner uses to create images.")
        CephSecret provisionerSecret,

        @JsonPropertyDescription("Credentials used to grow an image.")
        CephSecret controllerExpandSecret,

        @JsonPropertyDescription("Credentials the node plugin uses to map an image.")
        CephSecret nodeStageSecret) {

    public CephRbd withProvisioner(String value) {
        return new CephRbd(
                value,
                clusterID,
                pool,
                dataPool,
                imageFeatures,
                fsType,
                provisionerSecret,
                controllerExpandSecret,
                nodeStageSecret);
    }

    public CephRbd withClusterID(String value) {
        return new CephRbd(
                provisioner,
                value,
                pool,
                dataPool,
                imageFeatures,
                fsType,
                provisionerSecret,
                controllerExpandSecret,
                nodeStageSecret);
    }

    public CephRbd withPool(String value) {
        return new CephRbd(
                provisioner,
                clusterID,
                value,
                dataPool,
                imageFeatures,
                fsType,
                provisionerSecret,
                controllerExpandSecret,
                nodeStageSecret);
    }

    public CephRbd withDataPool(String value) {
        return new CephRbd(
                provisioner,
                clusterID,
                pool,
                value,
                imageFeatures,
                fsType,
                provisionerSecret,
                controllerExpandSecret,
                nodeStageSecret);
    }

    public CephRbd withFsType(String value) {
        return new CephRbd(
                provisioner,
                clusterID,
                pool,
                dataPool,
                imageFeatures,
                value,
                provisionerSecret,
                controllerExpandSecret,
                nodeStageSecret);
    }

    /** The same Secret for provisioning, expansion and node staging (ceph-csi's usual single csi-rbd-secret). */
    public CephRbd withSecrets(CephSecret secret) {
        return new CephRbd(provisioner, clusterID, pool, dataPool, imageFeatures, fsType, secret, secret, secret);
    }

    public CephRbd withSecrets(CephSecret provisioning, CephSecret expansion, CephSecret nodeStage) {
        return new CephRbd(
                provisioner, clusterID, pool, dataPool, imageFeatures, fsType, provisioning, expansion, nodeStage);
    }
}
