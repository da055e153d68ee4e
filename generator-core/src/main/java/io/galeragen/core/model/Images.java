package io.galeragen.core.model;

/**
 * Container images, each pinned to a tag or digest.
 *
 * @param mariadb    the official {@code mariadb} image (10.11 or 11.x; ships galera-4 and mariadb-backup)
 * @param exporter   {@code prom/mysqld-exporter}, at least v0.15 (which reads credentials from a my.cnf file)
 * @param pullPolicy Kubernetes imagePullPolicy
 */
public record Images(String mariadb, String exporter, String pullPolicy) {

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
