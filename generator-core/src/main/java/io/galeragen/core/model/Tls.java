package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * TLS for replication traffic (Galera's group communication, IST and SST), from a Secret of type
 * {@code kubernetes.io/tls} with the keys {@code tls.crt}, {@code tls.key} and {@code ca.crt} (what cert-manager
 * writes). Every member and the arbitrator present this certificate and verify peers against {@code ca.crt}.
 */
public record Tls(
        @JsonPropertyDescription("Whether replication traffic is encrypted.")
        boolean enabled,

        @JsonPropertyDescription("The Secret holding the certificate; defaults to <name>-tls.")
        String secretName) {}
