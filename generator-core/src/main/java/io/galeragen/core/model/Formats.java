package io.galeragen.core.model;

/**
 * The text forms several sections check (names, Secret references, quantities, images, label keys and values), each
 * defined once; Toleration parses with the same label patterns.
 */
final class Formats {

    /** A DNS-1123 subdomain's syntax; its length is checked apart. */
    static final String DNS_SUBDOMAIN_SYNTAX = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    /** A label name's or value's syntax: at most 63, alphanumeric at both ends, '-', '_' and '.' between. */
    static final String LABEL_NAME_SYNTAX = "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";

    static final String DNS_LABEL_TEXT = "a DNS-1123 label (lowercase letters, digits and '-', starting with a letter)";
    static final TextFormat DNS_LABEL = TextFormat.of(Limits.DNS_LABEL, "[a-z]([-a-z0-9]*[a-z0-9])?", DNS_LABEL_TEXT);
    static final TextFormat DNS_SUBDOMAIN =
            TextFormat.of(Limits.DNS_SUBDOMAIN, DNS_SUBDOMAIN_SYNTAX, "a DNS-1123 subdomain");
    static final TextFormat SECRET_NAME = DNS_SUBDOMAIN.describedAs("a Secret name (DNS-1123 subdomain)");
    static final TextFormat SECRET_KEY =
            TextFormat.of(Limits.DNS_SUBDOMAIN, "[-._a-zA-Z0-9]+", "a Secret key of letters, digits, '-', '_' and '.'");
    static final TextFormat QUANTITY =
            new TextFormat(Quantities.MAX_LENGTH, Quantities.SYNTAX, "a Kubernetes quantity, e.g. 500m, 2 or 1Gi");
    /** repository[:tag][@digest]: a tag or a digest is required so a restart never pulls another version. */
    static final TextFormat PINNED_IMAGE = TextFormat.of(
            Limits.IMAGE,
            "[a-z0-9]+([._/:-][a-z0-9]+)*(:[\\w][\\w.-]{0,127})?(@sha256:[a-f0-9]{64})?",
            "an image with a tag or digest, e.g. docker.io/library/mariadb:10.11.14");

    static final TextFormat LABEL_NAME = TextFormat.of(Limits.DNS_LABEL, LABEL_NAME_SYNTAX, "a label name");
    static final String LABEL_KEY_TEXT = "a key such as example.com/team (prefix/name: a DNS subdomain of " + "at most "
            + Limits.DNS_SUBDOMAIN + " characters, '/', and a name of at most " + Limits.DNS_LABEL + ")";
    static final TextFormat LABEL_VALUE = TextFormat.of(
            Limits.LABEL_VALUE,
            "(" + LABEL_NAME_SYNTAX + ")?",
            "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric");
    static final TextFormat MARIADB_USER =
            TextFormat.of(80, "[A-Za-z][A-Za-z0-9_]*", "a MariaDB user name of letters, digits and '_' (at most 80)");

    /** A label or taint key: an optional DNS-subdomain prefix and '/', then a label name. */
    static boolean isLabelKey(String key) {
        int slash = key.indexOf('/');
        return key.length() <= Limits.LABEL_KEY
                && (slash < 0 || DNS_SUBDOMAIN.accepts(key.substring(0, slash)))
                && LABEL_NAME.accepts(slash < 0 ? key : key.substring(slash + 1));
    }

    private Formats() {}
}
