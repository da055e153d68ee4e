package io.galeragen.core.model;

/**
 * A pod toleration, as Kubernetes spells it. Any field may be {@code null} (not set).
 *
 * @param key               the taint key; {@code null} with operator Exists tolerates every taint
 * @param operator          {@code Equal} or {@code Exists}
 * @param value             the taint value (operator Equal only)
 * @param effect            {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}; {@code null} = all
 * @param tolerationSeconds how long a NoExecute taint is tolerated before eviction
 */
public record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) {
}
