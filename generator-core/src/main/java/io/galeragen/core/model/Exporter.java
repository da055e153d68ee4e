package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The Prometheus mysqld-exporter sidecar.
 */
public record Exporter(
        @JsonPropertyDescription("Whether the sidecar is rendered.")
        boolean enabled,

        @JsonPropertyDescription("The metrics port (1024 to 65535).")
        int port,

        @JsonPropertyDescription(
                "The Secret key holding a my.cnf with a [client] section for the exporter's " + "account.")
        SecretRef credentials) {}
