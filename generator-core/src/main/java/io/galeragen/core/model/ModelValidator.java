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
    /** Ports mariadbd listens on in every member's pod. */
    private static final Set<Integer> MEMBER_PORTS = Set.of(3306, 4444, 4567, 4568);
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
    private static final String IN_TREE_RBD = "kubernetes.io/rbd";
    private static final Pattern CEPH_CSI_RBD = Pattern.compile("([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)?rbd\\.csi\\.ceph\\.com");
    private static final Pattern CEPH_NAME = Pattern.compile("[A-Za-z0-9][-A-Za-z0-9_.]{0,127}");
    private static final Pattern IMAGE_FEATURES = Pattern.compile("[a-z][-a-z]*(,[a-z][-a-z]*)*");
    private static final Pattern NON_EMPTY_LABEL_VALUE = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern PROMETHEUS_DURATION = Pattern.compile("([0-9]+(ms|s|m|h|d|w|y))+");
    private static final Pattern MARIADB_HOST = Pattern.compile("[A-Za-z0-9._%:-]+");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    private static final Set<String> RECLAIM_POLICIES = Set.of("Retain", "Delete");
    private static final Set<String> BINDING_MODES = Set.of("WaitForFirstConsumer", "Immediate");
    private static final Set<String> FS_TYPES = Set.of("ext4", "xfs");
    private static final Set<String> ACCESS_MODES =
            Set.of("ReadWriteOnce", "ReadWriteOncePod", "ReadOnlyMany", "ReadWriteMany");

    private final List<Problem> problems = new ArrayList<>();
    /** Secret names derived from a bad cluster name are bad too; the name's own problem says it all. */
    private String derivedSecretName = "";
    private String derivedTlsSecretName = "";

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
            derivedTlsSecretName = Defaults.tlsSecretName(cluster.name());
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
        checkStorageClass(cluster.storageClass(), cluster.storage());
        checkTopology(cluster.topology());
        checkDisruptionBudget(cluster.podDisruptionBudget(), cluster.replicas());
        checkMonitoring(cluster.monitoring(), cluster);
        checkNetworkPolicy(cluster.networkPolicy());
        checkSecurity(cluster.security());
        checkTls(cluster.tls());
        checkInitialUsers(cluster.initialUsers());
        checkArbitrator(cluster.arbitrator(), cluster.replicas());
    }

    private void checkStorageClass(StorageClassSpec storageClass, Storage storage) {
        if (!notNull("storageClass", storageClass)) {
            return;
        }
        oneOf("storageClass.reclaimPolicy", storageClass.reclaimPolicy(), RECLAIM_POLICIES);
        oneOf("storageClass.volumeBindingMode", storageClass.volumeBindingMode(), BINDING_MODES);
        CephRbd rbd = storageClass.cephRbd();
        if (!notNull("storageClass.cephRbd", rbd)) {
            return;
        }
        String provisioner = rbd.provisioner();
        if (IN_TREE_RBD.equals(provisioner)) {
            problems.add(Problem.badValue("storageClass.cephRbd.provisioner", provisioner,
                    "the in-tree RBD provisioner was deprecated in Kubernetes 1.28 and removed in 1.31; use the "
                            + "ceph-csi driver: rbd.csi.ceph.com, or <operator-namespace>.rbd.csi.ceph.com with Rook "
                            + "(e.g. rook-ceph.rbd.csi.ceph.com)"));
        } else {
            matches("storageClass.cephRbd.provisioner", provisioner, CEPH_CSI_RBD,
                    "the ceph-csi RBD driver: rbd.csi.ceph.com, or <operator-namespace>.rbd.csi.ceph.com with Rook");
        }
        if (!storageClass.create()) {
            return;
        }
        if (storage != null && storage.storageClassName() == null) {
            problems.add(new Problem("storage.storageClassName",
                    "is missing: storageClass.create generates the class under this name, e.g. ceph-rbd-retain"));
        }
        matches("storageClass.cephRbd.clusterID", rbd.clusterID(), CEPH_NAME,
                "the Ceph cluster ID the driver knows (ceph-csi: the fsid in its config; Rook: the cluster namespace)");
        matches("storageClass.cephRbd.pool", rbd.pool(), CEPH_NAME, "an RBD pool name");
        if (rbd.dataPool() != null) {
            matches("storageClass.cephRbd.dataPool", rbd.dataPool(), CEPH_NAME, "a pool name, or unset");
        }
        matches("storageClass.cephRbd.imageFeatures", rbd.imageFeatures(), IMAGE_FEATURES,
                "comma-separated RBD image features, e.g. layering or layering,exclusive-lock");
        oneOf("storageClass.cephRbd.fsType", rbd.fsType(), FS_TYPES);
        checkCephSecret("storageClass.cephRbd.provisionerSecret", rbd.provisionerSecret());
        checkCephSecret("storageClass.cephRbd.controllerExpandSecret", rbd.controllerExpandSecret());
        checkCephSecret("storageClass.cephRbd.nodeStageSecret", rbd.nodeStageSecret());
    }

    private void checkCephSecret(String path, CephSecret secret) {
        if (notNull(path, secret)) {
            matches(path + ".name", secret.name(), DNS_SUBDOMAIN, "a Secret name (DNS-1123 subdomain)");
            matches(path + ".namespace", secret.namespace(), DNS_LABEL,
                    "the namespace the ceph-csi driver runs in, e.g. ceph-csi or rook-ceph");
        }
    }

    private void checkTopology(Topology topology) {
        if (!notNull("topology", topology)) {
            return;
        }
        notNull("topology.antiAffinity", topology.antiAffinity());
        notNull("topology.zoneSpread", topology.zoneSpread());
        for (int i = 0; i < topology.zones().size(); i++) {
            String zone = topology.zones().get(i);
            String path = "topology.zones[" + i + "]";
            if (matches(path, zone, NON_EMPTY_LABEL_VALUE, "a zone name as in the nodes' topology.kubernetes.io/zone "
                    + "label (letters, digits, '-', '_', '.'; at most 63)")
                    && topology.zones().indexOf(zone) != i) {
                problems.add(Problem.badValue(path, zone, "each zone once"));
            }
        }
        if (topology.nodeCount() < 0) {
            problems.add(Problem.badValue("topology.nodeCount", topology.nodeCount(),
                    "a whole number of nodes, or 0 when unknown"));
        }
        checkMetadata("topology.nodeSelector", topology.nodeSelector(), true);
        for (int i = 0; i < topology.tolerations().size(); i++) {
            String toleration = topology.tolerations().get(i);
            if (notNull("topology.tolerations[" + i + "]", toleration) && Toleration.parse(toleration).isEmpty()) {
                problems.add(Problem.badValue("topology.tolerations[" + i + "]", toleration,
                        "a taint as kubectl writes it: key=value:Effect, key:Effect or key, with Effect one of "
                                + "NoSchedule, PreferNoSchedule, NoExecute (e.g. dedicated=database:NoSchedule)"));
            }
        }
        if (topology.priorityClassName() != null) {
            matches("topology.priorityClassName", topology.priorityClassName(), DNS_SUBDOMAIN,
                    "a PriorityClass name (DNS-1123 subdomain)");
        }
    }

    private void checkDisruptionBudget(DisruptionBudget budget, int replicas) {
        if (notNull("podDisruptionBudget", budget) && budget.enabled()) {
            if (budget.maxUnavailable() < 1) {
                problems.add(Problem.badValue("podDisruptionBudget.maxUnavailable", budget.maxUnavailable(),
                        "at least 1 (0 blocks every node drain forever)"));
            } else if (replicas > 1 && budget.maxUnavailable() >= replicas) {
                problems.add(Problem.badValue("podDisruptionBudget.maxUnavailable", budget.maxUnavailable(),
                        "fewer than replicas (" + replicas + "), or the budget protects nothing"));
            }
        }
    }

    private void checkMonitoring(Monitoring monitoring, GaleraCluster cluster) {
        if (!notNull("monitoring", monitoring)) {
            return;
        }
        matches("monitoring.scrapeInterval", monitoring.scrapeInterval(), PROMETHEUS_DURATION,
                "a Prometheus duration such as 30s or 1m");
        matches("monitoring.alertFor", monitoring.alertFor(), PROMETHEUS_DURATION,
                "a Prometheus duration such as 5m");
        checkMetadata("monitoring.labels", monitoring.labels(), true);
        boolean exporter = cluster.exporter() != null && cluster.exporter().enabled();
        if (monitoring.serviceMonitor() && !exporter) {
            problems.add(Problem.badValue("monitoring.serviceMonitor", true,
                    "only with exporter.enabled: true (the ServiceMonitor scrapes the exporter sidecar)"));
        }
        if (monitoring.prometheusRule() && !exporter) {
            problems.add(Problem.badValue("monitoring.prometheusRule", true,
                    "only with exporter.enabled: true (the alerts read the exporter's metrics)"));
        }
        if (monitoring.prometheusRule() && !cluster.wsrepEnabled()) {
            problems.add(Problem.badValue("monitoring.prometheusRule", true,
                    "only with replicas of 2 or more: the alerts watch Galera, which a standalone server does not run"));
        }
    }

    private void checkNetworkPolicy(NetworkPolicySpec policy) {
        if (notNull("networkPolicy", policy)) {
            checkMetadata("networkPolicy.clientPodLabels", policy.clientPodLabels(), true);
            checkMetadata("networkPolicy.clientNamespaceLabels", policy.clientNamespaceLabels(), true);
            matches("networkPolicy.monitoringNamespace", policy.monitoringNamespace(), DNS_LABEL,
                    "the namespace Prometheus runs in (DNS-1123 label)");
        }
    }

    private void checkSecurity(Security security) {
        if (notNull("security", security)) {
            if (security.runAsUser() < 1) {
                problems.add(Problem.badValue("security.runAsUser", security.runAsUser(),
                        "a uid of 1 or more: the pods run as non-root (999 is the official image's mysql user)"));
            }
            if (security.runAsGroup() < 1) {
                problems.add(Problem.badValue("security.runAsGroup", security.runAsGroup(),
                        "a gid of 1 or more (999 is the official image's mysql group)"));
            }
            if (security.fsGroup() < 1) {
                problems.add(Problem.badValue("security.fsGroup", security.fsGroup(),
                        "a gid of 1 or more that owns the data volume (999 is the official image's mysql group)"));
            }
        }
    }

    private void checkTls(Tls tls) {
        if (notNull("tls", tls) && !derivedTlsSecretName.equals(tls.secretName())) {
            matches("tls.secretName", tls.secretName(), DNS_SUBDOMAIN,
                    "a Secret name (DNS-1123 subdomain) of a kubernetes.io/tls Secret with ca.crt");
        }
    }

    private void checkInitialUsers(InitialUsers users) {
        if (!notNull("initialUsers", users)) {
            return;
        }
        if (matches("initialUsers.rootHost", users.rootHost(), MARIADB_HOST,
                "a MariaDB host: localhost, %, an address or a pattern such as 10.%")) {
            atMost("initialUsers.rootHost", users.rootHost(), 255);
        }
        if (users.database() != null) {
            matches("initialUsers.database", users.database(), DATABASE_NAME,
                    "a database name of letters, digits and '_' (at most 64)");
        }
        if (users.user() != null) {
            if (matches("initialUsers.user", users.user(), USER_NAME,
                    "a MariaDB user name of letters, digits and '_' (at most 80)") && users.user().equals("root")) {
                problems.add(Problem.badValue("initialUsers.user", "root",
                        "an application user other than root (root's password is rootPassword)"));
            }
            checkSecret("initialUsers.password", users.password());
        }
    }

    private void checkArbitrator(Arbitrator arbitrator, int replicas) {
        if (!notNull("arbitrator", arbitrator)) {
            return;
        }
        checkImage("arbitrator.image", arbitrator.image(),
                "an image with garbd and a tag or digest, e.g. " + Defaults.MARIADB_IMAGE);
        if (notNull("arbitrator.resources", arbitrator.resources())) {
            optionalQuantity("arbitrator.resources.cpuRequest", arbitrator.resources().cpuRequest());
            optionalQuantity("arbitrator.resources.memoryRequest", arbitrator.resources().memoryRequest());
            optionalQuantity("arbitrator.resources.cpuLimit", arbitrator.resources().cpuLimit());
            optionalQuantity("arbitrator.resources.memoryLimit", arbitrator.resources().memoryLimit());
        }
        if (arbitrator.enabled() && replicas == 1) {
            problems.add(Problem.badValue("arbitrator.enabled", true,
                    "only with replicas of 2 or more: a standalone server (replicas: 1) runs no Galera to arbitrate"));
        }
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
        if (galera.applierThreads() < 0 || galera.applierThreads() > 256) {
            problems.add(Problem.badValue("galera.applierThreads", galera.applierThreads(),
                    "a whole number from 1 to 256, or 0 to derive it from resources.cpuRequest"));
        }
        if (galera.gcacheSize() != null) {
            matches("galera.gcacheSize", galera.gcacheSize(), GALERA_SIZE,
                    "a Galera size such as 512M or 2G, or unset to derive it from storage.size and memory");
        }
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
            } else if (MEMBER_PORTS.contains(exporter.port())) {
                // The exporter would fail to listen, or take the port from mariadbd, in the members' shared network.
                problems.add(Problem.badValue("exporter.port", exporter.port(),
                        "a port from 1024 to 65535 other than the member's own (3306, 4444, 4567, 4568)"));
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
