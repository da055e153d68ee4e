package io.galeragen.core.model;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a cluster before anything is rendered. Every problem is collected, each named by its key path
 * (the same path a values file uses), so one run reports all mistakes.
 */
final class ModelValidator {

    /** Longest name that still leaves room for the suffixes of pods, Services and revision hashes. */
    static final int MAX_NAME_LENGTH = 40;
    /** Galera clusters beyond this size spend more on certification than they gain. */
    static final int MAX_REPLICAS = 31;

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern QUANTITY =
            Pattern.compile("([0-9]+(\\.[0-9]+)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][-+]?[0-9]+)?");
    private static final Pattern GALERA_SIZE = Pattern.compile("[1-9][0-9]*[KMG]?");
    /** repository[:tag][@digest]: a tag or a digest is required so a restart never pulls another version. */
    private static final Pattern PINNED_IMAGE =
            Pattern.compile("[a-z0-9]+([._/:-][a-z0-9]+)*(:[\\w][\\w.-]{0,127})?(@sha256:[a-f0-9]{64})?");
    private static final Pattern LABEL_KEY =
            Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
                    + "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
    private static final Pattern CNF_LINE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\s*=\\s*[^\\n\\r]*)?");
    private static final Pattern PROVIDER_KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
    private static final Pattern PROVIDER_VALUE = Pattern.compile("[^;\"'\\n\\r]+");
    private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
    private static final Set<String> ACCESS_MODES =
            Set.of("ReadWriteOnce", "ReadWriteOncePod", "ReadOnlyMany", "ReadWriteMany");

    private final List<Problem> problems = new ArrayList<>();
    /** Secret names derived from a bad cluster name are bad too; the name's own problem says it all. */
    private String derivedSecretName = "";

    private ModelValidator() {
    }

    static void requireValid(GaleraCluster cluster) {
        List<Problem> problems = check(cluster);
        if (!problems.isEmpty()) {
            throw new GaleraGenException(problems);
        }
    }

    static List<Problem> check(GaleraCluster cluster) {
        ModelValidator validator = new ModelValidator();
        validator.checkCluster(cluster);
        return List.copyOf(validator.problems);
    }

    private void checkCluster(GaleraCluster cluster) {
        if (!matches("name", cluster.name(), DNS_LABEL, "a DNS-1123 label (lowercase letters, digits and '-', "
                + "starting with a letter)") || !atMost("name", cluster.name(), MAX_NAME_LENGTH)) {
            derivedSecretName = Defaults.secretName(cluster.name());
        }
        if (matches("namespace", cluster.namespace(), DNS_LABEL, "a DNS-1123 label")) {
            atMost("namespace", cluster.namespace(), 63);
        }
        if (cluster.replicas() < 1 || cluster.replicas() > MAX_REPLICAS) {
            problems.add(Problem.badValue("replicas", cluster.replicas(), "a whole number from 1 to " + MAX_REPLICAS));
        }
        matches("clusterDomain", cluster.clusterDomain(), DNS_SUBDOMAIN, "a DNS-1123 subdomain, e.g. cluster.local");
        checkImages(cluster.images());
        checkStorage(cluster.storage());
        checkResources(cluster.resources());
        checkGalera(cluster.galera());
        checkExporter(cluster.exporter());
        checkSecret("rootPassword", cluster.rootPassword());
        notNull("recoveryPolicy", cluster.recoveryPolicy());
        checkMetadata("labels", cluster.labels(), true);
        checkMetadata("annotations", cluster.annotations(), false);
    }

    private void checkImages(Images images) {
        if (notNull("images", images)) {
            String pinned = "an image with a tag or digest, e.g. docker.io/library/mariadb:10.11.14";
            checkImage("images.mariadb", images.mariadb(), pinned);
            checkImage("images.exporter", images.exporter(), pinned);
            oneOf("images.pullPolicy", images.pullPolicy(), PULL_POLICIES);
        }
    }

    private void checkImage(String path, String image, String allowed) {
        if (matches(path, image, PINNED_IMAGE, allowed) && !hasTagOrDigest(image)) {
            problems.add(Problem.badValue(path, image, allowed + " (no tag means 'latest', which changes under you)"));
        }
    }

    private static boolean hasTagOrDigest(String image) {
        int lastSlash = image.lastIndexOf('/');
        return image.contains("@") || image.indexOf(':', lastSlash + 1) > 0;
    }

    private void checkStorage(Storage storage) {
        if (notNull("storage", storage)) {
            matches("storage.size", storage.size(), QUANTITY, "a Kubernetes quantity, e.g. 10Gi");
            if (storage.storageClassName() != null) {
                matches("storage.storageClassName", storage.storageClassName(), DNS_SUBDOMAIN, "a DNS-1123 subdomain");
            }
            if (storage.accessModes().isEmpty()) {
                problems.add(Problem.badValue("storage.accessModes", "[]", "at least one of " + sorted(ACCESS_MODES)));
            }
            for (int i = 0; i < storage.accessModes().size(); i++) {
                oneOf("storage.accessModes[" + i + "]", storage.accessModes().get(i), ACCESS_MODES);
            }
        }
    }

    private void checkResources(Resources resources) {
        if (notNull("resources", resources)) {
            optionalQuantity("resources.cpuRequest", resources.cpuRequest());
            optionalQuantity("resources.memoryRequest", resources.memoryRequest());
            optionalQuantity("resources.cpuLimit", resources.cpuLimit());
            optionalQuantity("resources.memoryLimit", resources.memoryLimit());
        }
    }

    private void checkGalera(GaleraSettings galera) {
        if (!notNull("galera", galera)) {
            return;
        }
        notNull("galera.sstMethod", galera.sstMethod());
        checkSecret("galera.sstCredentials", galera.sstCredentials());
        matches("galera.sstUser", galera.sstUser(), Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}"),
                "a MariaDB user name of letters, digits and '_' (at most 32)");
        if (galera.applierThreads() < 1 || galera.applierThreads() > 256) {
            problems.add(Problem.badValue("galera.applierThreads", galera.applierThreads(), "a whole number from 1 to 256"));
        }
        matches("galera.gcacheSize", galera.gcacheSize(), GALERA_SIZE, "a Galera size such as 512M or 2G");
        galera.providerOptions().forEach((key, value) -> {
            String path = "galera.providerOptions." + key;
            if (!PROVIDER_KEY.matcher(key).matches()) {
                problems.add(Problem.badValue("galera.providerOptions", key,
                        "a provider option name such as evs.suspect_timeout"));
            } else if (key.equals("gcache.size")) {
                problems.add(new Problem(path, "is set by galera.gcacheSize; set it there"));
            } else {
                matches(path, value, PROVIDER_VALUE, "a value without ';' or quotes");
            }
        });
        for (int i = 0; i < galera.extraCnf().size(); i++) {
            matches("galera.extraCnf[" + i + "]", galera.extraCnf().get(i), CNF_LINE,
                    "one cnf line, 'key=value' or 'key'");
        }
    }

    private void checkExporter(Exporter exporter) {
        if (notNull("exporter", exporter)) {
            if (exporter.port() < 1024 || exporter.port() > 65535) {
                problems.add(Problem.badValue("exporter.port", exporter.port(), "a port from 1024 to 65535"));
            }
            checkSecret("exporter.credentials", exporter.credentials());
        }
    }

    private void checkSecret(String path, SecretRef secret) {
        if (notNull(path, secret)) {
            if (!secret.name().equals(derivedSecretName)) {
                matches(path + ".name", secret.name(), DNS_SUBDOMAIN, "a Secret name (DNS-1123 subdomain)");
            }
            matches(path + ".key", secret.key(), Pattern.compile("[-._a-zA-Z0-9]+"),
                    "a Secret key of letters, digits, '-', '_' and '.'");
        }
    }

    private void checkMetadata(String path, Map<String, String> entries, boolean valuesAreLabels) {
        entries.forEach((key, value) -> {
            if (!LABEL_KEY.matcher(key).matches() || key.length() > 316) {
                problems.add(Problem.badValue(path, key, "a key such as example.com/team (prefix/name, name at most 63)"));
            } else if (valuesAreLabels && !LABEL_VALUE.matcher(value).matches()) {
                problems.add(Problem.badValue(path + "." + key, value,
                        "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric"));
            }
        });
    }

    private void optionalQuantity(String path, String value) {
        if (value != null) {
            matches(path, value, QUANTITY, "a Kubernetes quantity, e.g. 500m, 2 or 1Gi");
        }
    }

    private boolean matches(String path, String value, Pattern pattern, String allowed) {
        if (!notNull(path, value)) {
            return false;
        }
        if (!pattern.matcher(value).matches()) {
            problems.add(Problem.badValue(path, value, allowed));
            return false;
        }
        return true;
    }

    private boolean atMost(String path, String value, int length) {
        if (value.length() > length) {
            problems.add(Problem.badValue(path, value, "at most " + length + " characters"));
            return false;
        }
        return true;
    }

    private void oneOf(String path, String value, Set<String> allowed) {
        if (notNull(path, value) && !allowed.contains(value)) {
            problems.add(Problem.badValue(path, value, "one of " + sorted(allowed)));
        }
    }

    private boolean notNull(String path, Object value) {
        if (value == null) {
            problems.add(new Problem(path, "is missing"));
            return false;
        }
        return true;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
