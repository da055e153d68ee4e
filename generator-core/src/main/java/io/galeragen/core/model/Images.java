package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Container images, each pinned to a tag or digest.
 */
public record Images(
        @JsonPropertyDescription("The official mariadb image, with a tag or digest. The default is the newest "
                + "10.11 release the official image ships; moving to 11.4 or 11.8 LTS is an upgrade, not a tag "
                + "change: see 'Moving to MariaDB 11.4 or 11.8' below.")
        String mariadb,

        @JsonPropertyDescription(
                "prom/mysqld-exporter, at least v0.15, with a tag or digest (v0.17.2 is what the " + "tests run).")
        String exporter,

        @JsonPropertyDescription("Kubernetes imagePullPolicy: Always, IfNotPresent or Never.")
        String pullPolicy) {

    public Images withMariadb(String image) {
        return new Images(image, exporter, pullPolicy);
    }

    public Images withExporter(String image) {
        return new Images(mariadb, image, pullPolicy);
    }

    public Images withPullPolicy(String policy) {
        return new Images(mariadb, exporter, policy);
    }
}
