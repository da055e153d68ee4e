package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Accounts the official image creates when it initialises an empty datadir (the bootstrapping member; joiners
 * receive them by SST), so nobody has to run GRANT statements by hand after install. Passwords come only from
 * Secrets.
 */
public record InitialUsers(
        @JsonPropertyDescription("The host root may connect from, e.g. localhost, % or 10.%.")
        String rootHost,

        @JsonPropertyDescription("An application database to create, or null.")
        String database,

        @JsonPropertyDescription("An application user with all privileges on initialUsers.database, or null.")
        String user,

        @JsonPropertyDescription("The Secret key with the application user's password.")
        SecretRef password) {

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
