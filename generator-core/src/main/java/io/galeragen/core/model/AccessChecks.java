package io.galeragen.core.model;

import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;

/** The {@code networkPolicy}, {@code security}, {@code tls} and {@code initialUsers} keys: who may reach the members, as whom they run, and the accounts they start with. */
final class AccessChecks {

    /** MariaDB keeps a user's host in a column of 255 characters. */
    private static final TextFormat MARIADB_HOST = TextFormat.of(
            255, "[A-Za-z0-9._%:-]+", "a MariaDB host: localhost, %, an address or a pattern such as 10.%");

    private static final TextFormat DATABASE_NAME =
            TextFormat.of(64, "[A-Za-z0-9_]+", "a database name of letters, digits and '_' (at most 64)");

    private final Checks checks;

    AccessChecks(Checks checks) {
        this.checks = checks;
    }

    void checkNetworkPolicy(NetworkPolicySpec policy) {
        if (checks.notNull("networkPolicy", policy)) {
            checks.checkLabels("networkPolicy.clientPodLabels", policy.clientPodLabels());
            checks.checkLabels("networkPolicy.clientNamespaceLabels", policy.clientNamespaceLabels());
            checks.matches(
                    "networkPolicy.monitoringNamespace",
                    policy.monitoringNamespace(),
                    Formats.DNS_LABEL.describedAs("the namespace Prometheus runs in (DNS-1123 label)"));
        }
    }

    void checkSecurity(Security security) {
        if (checks.notNull("security", security)) {
            if (security.runAsUser() < 1) {
                checks.add(Problem.badValue(
                        Input.VALUES,
                        "security.runAsUser",
                        security.runAsUser(),
                        "a uid of 1 or more: the pods run as non-root (999 is the official image's mysql user)"));
            }
            if (security.runAsGroup() < 1) {
                checks.add(Problem.badValue(
                        Input.VALUES,
                        "security.runAsGroup",
                        security.runAsGroup(),
                        "a gid of 1 or more (999 is the official image's mysql group)"));
            }
            if (security.fsGroup() < 1) {
                checks.add(Problem.badValue(
                        Input.VALUES,
                        "security.fsGroup",
                        security.fsGroup(),
                        "a gid of 1 or more that owns the data volume (999 is the official image's mysql group)"));
            }
        }
    }

    void checkTls(Tls tls) {
        if (checks.notNull("tls", tls)
                && (checks.derivedTlsSecretName() == null
                        || !checks.derivedTlsSecretName().equals(tls.secretName()))) {
            checks.matches(
                    "tls.secretName",
                    tls.secretName(),
                    Formats.SECRET_NAME.describedAs(
                            "a Secret name (DNS-1123 subdomain) of a kubernetes.io/tls Secret with ca.crt"));
        }
    }

    void checkInitialUsers(InitialUsers users) {
        if (!checks.notNull("initialUsers", users)) {
            return;
        }
        checks.matches("initialUsers.rootHost", users.rootHost(), MARIADB_HOST);
        if (users.database() != null) {
            checks.matches("initialUsers.database", users.database(), DATABASE_NAME);
        }
        if (users.user() != null) {
            if (checks.matches("initialUsers.user", users.user(), Formats.MARIADB_USER)
                    && users.user().equals("root")) {
                checks.add(Problem.badValue(
                        Input.VALUES,
                        "initialUsers.user",
                        "root",
                        "an application user other than root (root's password is rootPassword)"));
            }
            checks.checkSecret("initialUsers.password", users.password());
        }
    }
}
