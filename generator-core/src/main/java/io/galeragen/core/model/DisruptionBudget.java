package io.galeragen.core.model;

/**
 * The PodDisruptionBudget that keeps voluntary disruptions (node drains, cluster upgrades) from taking quorum.
 *
 * @param enabled        whether it is rendered (only for two or more members)
 * @param maxUnavailable how many members a drain may take down at once
 */
public record DisruptionBudget(boolean enabled, int maxUnavailable) {
}
