package io.galeragen.core.model;

/**
 * Compute resources of the MariaDB container. Any value may be {@code null} (not set).
 *
 * @param cpuRequest    e.g. {@code 500m}
 * @param memoryRequest e.g. {@code 1Gi}
 * @param cpuLimit      usually unset: CPU limits throttle a database's appliers
 * @param memoryLimit   e.g. {@code 2Gi}
 */
public record Resources(String cpuRequest, String memoryRequest, String cpuLimit, String memoryLimit) {
}
