package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A Secret of the ceph-csi driver, named with its namespace (the driver reads it, not the database pods).
 */
public record CephSecret(
        @JsonPropertyDescription("The Secret's name, e.g. csi-rbd-secret.")
        String name,

        @JsonPropertyDescription("The namespace the ceph-csi driver runs in, e.g. ceph-csi (Rook: rook-ceph).")
        String namespace) {}
