package io.galeragen.core.model;

import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.math.BigDecimal;
import java.util.Set;

/** The {@code storage} and {@code storageClass} keys: the data volume and the ceph-csi RBD StorageClass. */
final class StorageChecks {

    private static final String IN_TREE_RBD = "kubernetes.io/rbd";
    /** A CSI driver name is at most 63 characters. */
    private static final TextFormat CEPH_CSI_RBD = TextFormat.of(
            Limits.DNS_LABEL,
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)?rbd\\.csi\\.ceph\\.com",
            "the ceph-csi RBD driver: rbd.csi.ceph.com, or <operator-namespace>.rbd.csi.ceph.com with Rook");

    private static final TextFormat CEPH_NAME = TextFormat.of(128, "[A-Za-z0-9][-A-Za-z0-9_.]*", "a Ceph name");
    private static final TextFormat IMAGE_FEATURES = TextFormat.of(
            256,
            "[a-z][-a-z]*(,[a-z][-a-z]*)*",
            "comma-separated RBD image features, e.g. layering or layering,exclusive-lock");
    private static final Set<String> RECLAIM_POLICIES = Set.of("Retain", "Delete");
    private static final Set<String> BINDING_MODES = Set.of("WaitForFirstConsumer", "Immediate");
    private static final Set<String> FS_TYPES = Set.of("ext4", "xfs");
    private static final Set<String> ACCESS_MODES =
            Set.of("ReadWriteOnce", "ReadWriteOncePod", "ReadOnlyMany", "ReadWriteMany");

    private final Checks checks;

    StorageChecks(Checks checks) {
        this.checks = checks;
    }

    void checkStorage(Storage storage) {
        if (!checks.notNull("storage", storage)) {
            return;
        }
        if (checks.matches(
                "storage.size", storage.size(), Formats.QUANTITY.describedAs("a Kubernetes quantity, e.g. 10Gi"))) {
            BigDecimal bytes = Quantities.parse(storage.size());
            if (bytes.signum() == 0) {
                checks.add(Problem.badValue(
                        Input.VALUES,
                        "storage.size",
                        storage.size(),
                        "more than 0, e.g. 10Gi (Kubernetes refuses a claim of nothing)"));
            } else {
                checks.inRange(
                        "storage.size",
                        storage.size(),
                        bytes,
                        Limits.MAX_STORAGE_BYTES,
                        "1Pi: no member holds more (a full SST of 1Pi at 10 Gbit/s takes ten days)");
            }
        }
        if (storage.storageClassName() != null) {
            checks.matches("storage.storageClassName", storage.storageClassName(), Formats.DNS_SUBDOMAIN);
        }
        if (checks.atMostItems(
                "storage.accessModes", storage.accessModes().size(), Limits.ACCESS_MODES, "access modes")) {
            if (storage.accessModes().isEmpty()) {
                checks.add(Problem.badValue(
                        Input.VALUES, "storage.accessModes", "[]", "at least one of " + checks.sorted(ACCESS_MODES)));
            }
            for (int i = 0; i < storage.accessModes().size(); i++) {
                checks.oneOf(
                        "storage.accessModes[" + i + "]", storage.accessModes().get(i), ACCESS_MODES);
            }
        }
    }

    void checkStorageClass(StorageClassSpec storageClass, Storage storage) {
        if (!checks.notNull("storageClass", storageClass)) {
            return;
        }
        checks.oneOf("storageClass.reclaimPolicy", storageClass.reclaimPolicy(), RECLAIM_POLICIES);
        checks.oneOf("storageClass.volumeBindingMode", storageClass.volumeBindingMode(), BINDING_MODES);
        CephRbd rbd = storageClass.cephRbd();
        if (!checks.notNull("storageClass.cephRbd", rbd)) {
            return;
        }
        String provisioner = rbd.provisioner();
        if (IN_TREE_RBD.equals(provisioner)) {
            checks.add(Problem.badValue(
                    Input.VALUES,
                    "storageClass.cephRbd.provisioner",
                    provisioner,
                    "the in-tree RBD provisioner was deprecated in Kubernetes 1.28 and removed in 1.31; use the "
                            + "ceph-csi driver: rbd.csi.ceph.com, or <operator-namespace>.rbd.csi.ceph.com with Rook "
                            + "(e.g. rook-ceph.rbd.csi.ceph.com)"));
        } else {
            checks.matches("storageClass.cephRbd.provisioner", provisioner, CEPH_CSI_RBD);
        }
        if (!storageClass.create()) {
            return;
        }
        if (storage != null && storage.storageClassName() == null) {
            checks.add(new Problem(
                    Input.VALUES,
                    "storage.storageClassName",
                    "is missing: storageClass.create generates the class under this name, e.g. ceph-rbd-retain"));
        }
        checks.matches(
                "storageClass.cephRbd.clusterID",
                rbd.clusterID(),
                CEPH_NAME.describedAs("the Ceph cluster ID "
                        + "the driver knows (ceph-csi: the fsid in its config; Rook: the cluster namespace)"));
        checks.matches("storageClass.cephRbd.pool", rbd.pool(), CEPH_NAME.describedAs("an RBD pool name"));
        if (rbd.dataPool() != null) {
            checks.matches(
                    "storageClass.cephRbd.dataPool", rbd.dataPool(), CEPH_NAME.describedAs("a pool name, or unset"));
        }
        checks.matches("storageClass.cephRbd.imageFeatures", rbd.imageFeatures(), IMAGE_FEATURES);
        checks.oneOf("storageClass.cephRbd.fsType", rbd.fsType(), FS_TYPES);
        checkCephSecret("storageClass.cephRbd.provisionerSecret", rbd.provisionerSecret());
        checkCephSecret("storageClass.cephRbd.controllerExpandSecret", rbd.controllerExpandSecret());
        checkCephSecret("storageClass.cephRbd.nodeStageSecret", rbd.nodeStageSecret());
    }

    void checkCephSecret(String path, CephSecret secret) {
        if (checks.notNull(path, secret)) {
            checks.matches(path + ".name", secret.name(), Formats.SECRET_NAME);
            checks.matches(
                    path + ".namespace",
                    secret.namespace(),
                    Formats.DNS_LABEL.describedAs(
                            "the namespace the ceph-csi driver runs in, e.g. ceph-csi or rook-ceph"));
        }
    }
}
