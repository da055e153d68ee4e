package io.galeragen.core.model;

import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.Set;

/** The {@code images}, {@code resources} and {@code arbitrator} keys: what the containers run and with how much. */
final class ContainerChecks {

    private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");

    private final Checks checks;

    ContainerChecks(Checks checks) {
        this.checks = checks;
    }

    void checkImages(Images images) {
        if (checks.notNull("images", images)) {
            checks.checkImage("images.mariadb", images.mariadb(), Formats.PINNED_IMAGE);
            checks.checkImage("images.exporter", images.exporter(), Formats.PINNED_IMAGE);
            checks.oneOf("images.pullPolicy", images.pullPolicy(), PULL_POLICIES);
        }
    }

    void checkArbitrator(Arbitrator arbitrator, int replicas) {
        if (!checks.notNull("arbitrator", arbitrator)) {
            return;
        }
        checks.checkImage(
                "arbitrator.image",
                arbitrator.image(),
                Formats.PINNED_IMAGE.describedAs(
                        "an image with garbd and a tag or digest, e.g. " + Defaults.MARIADB_IMAGE));
        checks.checkResources("arbitrator.resources", arbitrator.resources());
        if (arbitrator.enabled() && replicas == 1) {
            checks.add(Problem.badValue(
                    Input.VALUES,
                    "arbitrator.enabled",
                    true,
                    "only with replicas of 2 or more: a standalone server (replicas: 1) runs no Galera to arbitrate"));
        }
    }
}
