package io.galeragen.core.model;

/**
 * An optional Galera arbitrator ({@code garbd}): a member that votes but keeps no data, rendered as a one-replica
 * Deployment. It gives an even-sized cluster (typically two members) the tie-breaking vote, so losing one
 * member does not stop the other.
 *
 * @param enabled   whether the arbitrator is rendered
 * @param image     an image with {@code garbd} on its PATH; defaults to the MariaDB image of {@link Defaults}.
 *                  Check yours with {@code garbd --version} inside it; if it lacks garbd, name an image that has it
 * @param resources the garbd container's resources
 */
public record Arbitrator(boolean enabled, String image, Resources resources) {

    public Arbitrator withEnabled(boolean value) {
        return new Arbitrator(value, image, resources);
    }

    public Arbitrator withImage(String value) {
        return new Arbitrator(enabled, value, resources);
    }
}
