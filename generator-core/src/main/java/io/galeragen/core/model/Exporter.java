package io.galeragen.core.model;

/**
 * The Prometheus mysqld-exporter sidecar.
 *
 * @param enabled     whether the sidecar is rendered
 * @param port        the metrics port
 * @param credentials a Secret key holding a my.cnf with a {@code [client]} section (user, password) for the
 *                    exporter's least-privilege account; read by {@code --config.my-cnf}
 */
public record Exporter(boolean enabled, int port, SecretRef credentials) {
}
