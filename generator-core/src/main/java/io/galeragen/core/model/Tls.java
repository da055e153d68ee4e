package io.galeragen.core.model;

/**
 * TLS for replication traffic (Galera's group communication, IST and SST), from a Secret of type
 * {@code kubernetes.io/tls} with the keys {@code tls.crt}, {@code tls.key} and {@code ca.crt} (what cert-manager
 * writes). Every member and the arbitrator present this certificate and verify peers against {@code ca.crt}.
 *
 * @param enabled    whether replication traffic is encrypted
 * @param secretName the Secret holding the certificate; defaults to {@code <name>-tls}
 */
public record Tls(boolean enabled, String secretName) {
}
