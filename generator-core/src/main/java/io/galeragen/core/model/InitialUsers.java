package io.galeragen.core.model;

/**
 * Accounts the official image creates when it initialises an empty datadir (the bootstrapping member; joiners
 * receive them by SST), so nobody has to run GRANT statements by hand after install. Passwords come only from
 * Secrets.
 *
 * @param rootHost the host root may connect from ({@code MARIADB_ROOT_HOST}): {@code localhost} (default: root only
 *                 inside the pod) or e.g. {@code %} or {@code 10.%}
 * @param database an application database to create ({@code MARIADB_DATABASE}), or {@code null}
 * @param user     an application user to create ({@code MARIADB_USER}) with all privileges on {@code database},
 *                 or {@code null}
 * @param password the Secret key with the application user's password ({@code MARIADB_PASSWORD})
 */
public record InitialUsers(String rootHost, String database, String user, SecretRef password) {

    public InitialUsers withRootHost(String value) {
        return new InitialUsers(value, database, user, password);
    }

    public InitialUsers withDatabase(String value) {
        return new InitialUsers(rootHost, value, user, password);
    }

    public InitialUsers withUser(String value) {
        return new InitialUsers(rootHost, database, value, password);
    }

    public InitialUsers withPassword(SecretRef value) {
        return new InitialUsers(rootHost, database, user, value);
    }
}
