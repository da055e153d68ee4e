package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Compute resources of the MariaDB container. Any value may be {@code null} (not set).
 */
public record Resources(
        @JsonPropertyDescription("CPU request, e.g. 500m.") String cpuRequest,

        @JsonPropertyDescription("Memory request, e.g. 1Gi.")
        String memoryRequest,

        @JsonPropertyDescription("CPU limit; usually unset, since CPU limits throttle a database's appliers.")
        String cpuLimit,

        @JsonPropertyDescription("Memory limit, e.g. 2Gi.") String memoryLimit) {}
