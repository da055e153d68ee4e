package io.galeragen.core.model;

/**
 * Parameters of a ceph-csi RBD StorageClass.
 *
 * @param provisioner            {@code rbd.csi.ceph.com}, or Rook's {@code <operator-namespace>.rbd.csi.ceph.com};
 *                               the in-tree {@code kubernetes.io/rbd} (removed in Kubernetes 1.31) is rejected
 * @param clusterID              the Ceph cluster ID as the driver knows it (ceph-csi: the cluster's fsid from
 *                               its config map; Rook: the namespace of the CephCluster)
 * @param pool                   the RBD pool images are created in
 * @param dataPool               an erasure-coded data pool, or {@code null}
 * @param imageFeatures          RBD image features, e.g. {@code layering}
 * @param fsType                 the filesystem ({@code csi.storage.k8s.io/fstype}): ext4 or xfs
 * @param provisionerSecret      credentials the provisioner uses to create images
 * @param controllerExpandSecret credentials used to grow an image
 * @param nodeStageSecret        credentials the node plugin uses to map an image
 */
public record CephRbd(
        String provisioner,
        String clusterID,
        String pool,
        String dataPool,
        String imageFeatures,
        String fsType,
        CephSecret provisionerSecret,
        CephSecret controllerExpandSecret,
        CephSecret nodeStageSecret) {

    public CephRbd withProvisioner(String value) {
        return new CephRbd(value, clusterID, pool, dataPool, imageFeatures, fsType, provisionerSecret,
                controllerExpandSecret, nodeStageSecret);
    }

    public CephRbd withClusterID(String value) {
        return new CephRbd(provisioner, value, pool, dataPool, imageFeatures, fsType, provisionerSecret,
                controllerExpandSecret, nodeStageSecret);
    }

    public CephRbd withPool(String value) {
        return new CephRbd(provisioner, clusterID, value, dataPool, imageFeatures, fsType, provisionerSecret,
                controllerExpandSecret, nodeStageSecret);
    }

    public CephRbd withDataPool(String value) {
        return new CephRbd(provisioner, clusterID, pool, value, imageFeatures, fsType, provisionerSecret,
                controllerExpandSecret, nodeStageSecret);
    }

    public CephRbd withFsType(String value) {
        return new CephRbd(provisioner, clusterID, pool, dataPool, imageFeatures, value, provisionerSecret,
                controllerExpandSecret, nodeStageSecret);
    }

    /** The same Secret for provisioning, expansion and node staging (ceph-csi's usual single csi-rbd-secret). */
    public CephRbd withSecrets(CephSecret secret) {
        return new CephRbd(provisioner, clusterID, pool, dataPool, imageFeatures, fsType, secret, secret, secret);
    }

    public CephRbd withSecrets(CephSecret provisioning, CephSecret expansion, CephSecret nodeStage) {
        return new CephRbd(provisioner, clusterID, pool, dataPool, imageFeatures, fsType, provisioning, expansion,
                nodeStage);
    }
}
