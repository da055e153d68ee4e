package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * An optional Galera arbitrator ({@code garbd}): a member that votes but keeps no data, rendered as a one-replica
 * Deployment. It gives an even-sized cluster (typically two members) the tie-breaking vote, so losing one
 * member does not stop the other.
 */
public record Arbitrator(
        @JsonPropertyDescription("Whether the arbitrator is rendered.")
        boolean enabled,

        @JsonPropertyDescription("An image with garbd on its PATH.")
        String image,

        @JsonPropertyDescription("The garbd container's resources.")
        Resources resources) {

    public Arbitrator withEnabled(boolean value) {
        return new Arbitrator(value, image, resources);
    }

    public Arbitrator withImage(String value) {
        return new Arbitrator(enabled, value, resources);
    }
}
