package io.galeragen.core.model;

/**
 * A Secret of the ceph-csi driver, named with its namespace (the driver reads it, not the database pods).
 *
 * @param name      the Secret's name, e.g. {@code csi-rbd-secret}
 * @param namespace the namespace the driver runs in, e.g. {@code ceph-csi} (Rook: {@code rook-ceph})
 */
public record CephSecret(String name, String namespace) {
}
