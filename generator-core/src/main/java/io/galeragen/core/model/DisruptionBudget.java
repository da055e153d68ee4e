package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The PodDisruptionBudget that keeps voluntary disruptions (node drains, cluster upgrades) from taking quorum.
 */
public record DisruptionBudget(
        @JsonPropertyDescription("Whether it is rendered (only for two or more members).")
        boolean enabled,

        @JsonPropertyDescription("How many members a drain may take down at once.")
        int maxUnavailable) {}
