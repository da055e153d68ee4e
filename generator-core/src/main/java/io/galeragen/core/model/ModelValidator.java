package io.galeragen.core.model;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a cluster before anything is rendered. Every problem is collected, each named by its key path
 * (the same path a values file uses), so one run reports all mistakes.
 */
final class ModelValidator {

    /** Longest name that still leaves room for the suffixes of pods, Services and revision hashes. */
    static final int MAX_NAME_LENGTH = 40;
    /** Galera clusters beyond this size spend more on certification than they gain. */
    static final int MAX_REPLICAS = 31;

    private static final String DNS_LABEL_TEXT =
            "a DNS-1123 label (lowercase letters, digits and '-', starting with a letter)";
    private static final TextFormat DNS_LABEL = TextFormat.of(Limits.DNS_LABEL, "[a-z]([-a-z0-9]*[a-z0-9])?",
            DNS_LABEL_TEXT);
    private static final TextFormat CLUSTER_NAME = DNS_LABEL.limitedTo(MAX_NAME_LENGTH, DNS_LABEL_TEXT);
    private static final TextFormat DNS_SUBDOMAIN = TextFormat.of(Limits.DNS_SUBDOMAIN,
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", "a DNS-1123 subdomain");
    private static final TextFormat SECRET_NAME = DNS_SUBDOMAIN.describedAs("a Secret name (DNS-1123 subdomain)");
    private static final TextFormat SECRET_KEY = TextFormat.of(Limits.DNS_SUBDOMAIN, "[-._a-zA-Z0-9]+",
            "a Secret key of letters, digits, '-', '_' and '.'");
    private static final TextFormat QUANTITY = TextFormat.of(Quantities.MAX_LENGTH,
            "([0-9]+(\\.[0-9]+)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][-+]?[0-9]+)?",
            "a Kubernetes quantity, e.g. 500m, 2 or 1Gi");
    /** Ports mariadbd listens on in every member's pod. */
    private static final Set<Integer> MEMBER_PORTS = Set.of(3306, 4444, 4567, 4568);
    /** Digits and a unit: the largest Galera reads, 1048576G (a pebibyte), has 8. */
    private static final TextFormat GALERA_SIZE = TextFormat.of(16, "[1-9][0-9]*[KMG]?",
            "a Galera size such as 512M or 2G, or unset to derive it from storage.size and memory");
    private static final long MAX_GALERA_SIZE_MIB = Limits.MAX_STORAGE_BYTES.longValueExact() >> 20;
    /** repository[:tag][@digest]: a tag or a digest is required so a restart never pulls another version. */
    private static final TextFormat PINNED_IMAGE = TextFormat.of(Limits.IMAGE,
            "[a-z0-9]+([._/:-][a-z0-9]+)*(:[\\w][\\w.-]{0,127})?(@sha256:[a-f0-9]{64})?",
            "an image with a tag or digest, e.g. docker.io/library/mariadb:10.11.14");
    private static final TextFormat LABEL_NAME = TextFormat.of(Limits.DNS_LABEL,
            "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?", "a label name");
    private static final String LABEL_KEY_TEXT = "a key such as example.com/team (prefix/name: a DNS subdomain of "
            + "at most " + Limits.DNS_SUBDOMAIN + " characters, '/', and a name of at most " + Limits.DNS_LABEL + ")";
    private static final TextFormat LABEL_VALUE = TextFormat.of(Limits.LABEL_VALUE,
            "([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?",
            "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending alphanumeric");
    private static final TextFormat ZONE = TextFormat.of(Limits.LABEL_VALUE, "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?",
            "a zone name as in the nodes' topology.kubernetes.io/zone label "
                    + "(letters, digits, '-', '_', '.'; at most 63)");
    private static final TextFormat CNF_LINE = TextFormat.of(Limits.CNF_LINE,
            "[A-Za-z][A-Za-z0-9_-]*(\\s*=\\s*[^\\n\\r]*)?", "one cnf line, 'key=value' or 'key'");
    private static final TextFormat PROVIDER_KEY = TextFormat.of(64, "[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+",
            "a provider option name such as evs.suspect_timeout");
    private static final TextFormat PROVIDER_VALUE = TextFormat.of(Limits.PROVIDER_OPTIONS, "[^;\"'\\n\\r]+",
            "a value without ';' or quotes");
    private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
    private static final String IN_TREE_RBD = "kubernetes.io/rbd";
    /** A CSI driver name is at most 63 characters. */
    private static final TextFormat CEPH_CSI_RBD = TextFormat.of(Limits.DNS_LABEL,
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?\\.)?rbd\\.csi\\.ceph\\.com",
            "the ceph-csi RBD driver: rbd.csi.ceph.com, or <operator-namespace>.rbd.csi.ceph.com with Rook");
    private static final TextFormat CEPH_NAME = TextFormat.of(128, "[A-Za-z0-9][-A-Za-z0-9_.]*", "a Ceph name");
    private static final TextFormat IMAGE_FEATURES = TextFormat.of(256, "[a-z][-a-z]*(,[a-z][-a-z]*)*",
            "comma-separated RBD image features, e.g. layering or layering,exclusive-lock");
    private static final TextFormat PROMETHEUS_DURATION = TextFormat.of(32, "([0-9]+(ms|s|m|h|d|w|y))+",
            "a Prometheus duration such as 30s or 1m");
    /** MariaDB keeps a user's host in a column of 255 characters. */
    private static final TextFormat MARIADB_HOST = TextFormat.of(255, "[A-Za-z0-9._%:-]+",
            "a MariaDB host: localhost, %, an address or a pattern such as 10.%");
    private static final TextFormat DATABASE_NAME = TextFormat.of(64, "[A-Za-z0-9_]+",
            "a database name of letters, digits and '_' (at most 64)");
    private static final TextFormat USER_NAME = TextFormat.of(80, "[A-Za-z][A-Za-z0-9_]*",
            "a MariaDB user name of letters, digits and '_' (at most 80)");
    private static final TextFormat SST_USER = TextFormat.of(32, "[A-Za-z][A-Za-z0-9_]*",
            "a MariaDB user name of letters, digits and '_' (at most 32)");
    private static final Set<String> RECLAIM_POLICIES = Set.of("Retain", "Delete");
    private static final Set<String> BINDING_MODES = Set.of("WaitForFirstConsumer", "Immediate");
    private static final Set<String> FS_TYPES = Set.of("ext4", "xfs");
    private static final Set<String> ACCESS_MODES =
            Set.of("ReadWriteOnce", "ReadWriteOncePod", "ReadOnlyMany", "ReadWriteMany");

    private final List<Problem> problems = new ArrayList<>();
    /**
     * Secret names derived from a bad cluster name are bad too; the name's own problem says it all. Null while the
     * name is good, so that no Secret name (not even an empty one) is taken for a derived one.
     */
    private String derivedSecretName;
    private String derivedTlsSecretName;

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
        if (!matches("name", cluster.name(), CLUSTER_NAME)) {
            derivedSecretName = Defaults.secretName(cluster.name());
            derivedTlsSecretName = Defaults.tlsSecretName(cluster.name());
        }
        matches("namespace", cluster.namespace(), DNS_LABEL);
        if (cluster.replicas() < 1 || cluster.replicas() > MAX_REPLICAS) {
            problems.add(Problem.badValue(Input.VALUES, "replicas", cluster.replicas(), "a whole number from 1 to " + MAX_REPLICAS));
        }
        matches("clusterDomain", cluster.clusterDomain(), DNS_SUBDOMAIN.describedAs(
                "a DNS-1123 subdomain, e.g. cluster.local"));
        checkImages(cluster.images());
        checkStorage(cluster.storage());
        checkResources("resources", cluster.resources());
        checkGalera(cluster.galera());
        checkExporter(cluster.exporter());
        checkSecret("rootPassword", cluster.rootPassword());
        notNull("recoveryPolicy", cluster.recoveryPolicy());
        checkLabels("labels", cluster.labels());
        checkAnnotations(cluster.annotations());
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
            problems.add(Problem.badValue(Input.VALUES, "storageClass.cephRbd.provisioner", provisioner,
                    "the in-tree RBD provisioner was deprecated in Kubernetes 1.28 and removed in 1.31; use the "
                            + "ceph-csi driver: rbd.csi.ceph.com, or <operator-namespace>.rbd.csi.ceph.com with Rook "
                            + "(e.g. rook-ceph.rbd.csi.ceph.com)"));
        } else {
            matches("storageClass.cephRbd.provisioner", provisioner, CEPH_CSI_RBD);
        }
        if (!storageClass.create()) {
            return;
        }
        if (storage != null && storage.storageClassName() == null) {
            problems.add(new Problem(Input.VALUES, "storage.storageClassName",
                    "is missing: storageClass.create generates the class under this name, e.g. ceph-rbd-retain"));
        }
        matches("storageClass.cephRbd.clusterID", rbd.clusterID(), CEPH_NAME.describedAs("the Ceph cluster ID "
                + "the driver knows (ceph-csi: the fsid in its config; Rook: the cluster namespace)"));
        matches("storageClass.cephRbd.pool", rbd.pool(), CEPH_NAME.describedAs("an RBD pool name"));
        if (rbd.dataPool() != null) {
            matches("storageClass.cephRbd.dataPool", rbd.dataPool(), CEPH_NAME.describedAs("a pool name, or unset"));
        }
        matches("storageClass.cephRbd.imageFeatures", rbd.imageFeatures(), IMAGE_FEATURES);
        oneOf("storageClass.cephRbd.fsType", rbd.fsType(), FS_TYPES);
        checkCephSecret("storageClass.cephRbd.provisionerSecret", rbd.provisionerSecret());
        checkCephSecret("storageClass.cephRbd.controllerExpandSecret", rbd.controllerExpandSecret());
        checkCephSecret("storageClass.cephRbd.nodeStageSecret", rbd.nodeStageSecret());
    }

    private void checkCephSecret(String path, CephSecret secret) {
        if (notNull(path, secret)) {
            matches(path + ".name", secret.name(), SECRET_NAME);
            matches(path + ".namespace", secret.namespace(), DNS_LABEL.describedAs(
                    "the namespace the ceph-csi driver runs in, e.g. ceph-csi or rook-ceph"));
        }
    }

    private void checkTopology(Topology topology) {
        if (!notNull("topology", topology)) {
            return;
        }
        notNull("topology.antiAffinity", topology.antiAffinity());
        notNull("topology.zoneSpread", topology.zoneSpread());
        if (atMostItems("topology.zones", topology.zones().size(), Limits.ZONES, "zones")) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < topology.zones().size(); i++) {
                String zone = topology.zones().get(i);
                String path = "topology.zones[" + i + "]";
                if (matches(path, zone, ZONE) && !seen.add(zone)) {
                    problems.add(Problem.badValue(Input.VALUES, path, zone, "each zone once"));
                }
            }
        }
        if (topology.nodeCount() < 0 || topology.nodeCount() > Limits.NODES) {
            problems.add(Problem.badValue(Input.VALUES, "topology.nodeCount", topology.nodeCount(), "a whole number of nodes up to "
                    + Limits.NODES + " (the largest cluster Kubernetes supports), or 0 when unknown"));
        }
        checkLabels("topology.nodeSelector", topology.nodeSelector());
        if (atMostItems("topology.tolerations", topology.tolerations().size(), Limits.TOLERATIONS, "tolerations")) {
            for (int i = 0; i < topology.tolerations().size(); i++) {
                checkToleration("topology.tolerations[" + i + "]", topology.tolerations().get(i));
            }
        }
        if (topology.priorityClassName() != null) {
            matches("topology.priorityClassName", topology.priorityClassName(),
                    DNS_SUBDOMAIN.describedAs("a PriorityClass name (DNS-1123 subdomain)"));
        }
    }

    private void checkToleration(String path, String toleration) {
        String allowed = "a taint as kubectl writes it: key=value:Effect, key:Effect or key, with Effect one of "
                + "NoSchedule, PreferNoSchedule, NoExecute (e.g. dedicated=database:NoSchedule)";
        if (toleration == null || toleration.length() > Toleration.MAX_LENGTH) {
            problems.add(Problem.badValue(Input.VALUES, path, toleration, toleration == null ? allowed
                    : "at most " + Toleration.MAX_LENGTH + " characters: " + allowed));
        } else if (Toleration.parse(toleration).filter(parsed -> isLabelKey(parsed.key())).isEmpty()) {
            problems.add(Problem.badValue(Input.VALUES, path, toleration, allowed));
        }
    }

    private void checkDisruptionBudget(DisruptionBudget budget, int replicas) {
        if (notNull("podDisruptionBudget", budget) && budget.enabled()) {
            if (budget.maxUnavailable() < 1) {
                problems.add(Problem.badValue(Input.VALUES, "podDisruptionBudget.maxUnavailable", budget.maxUnavailable(),
                        "at least 1 (0 blocks every node drain forever)"));
            } else if (replicas > 1 && budget.maxUnavailable() >= replicas) {
                problems.add(Problem.badValue(Input.VALUES, "podDisruptionBudget.maxUnavailable", budget.maxUnavailable(),
                        "fewer than replicas (" + replicas + "), or the budget protects nothing"));
            }
        }
    }

    private void checkMonitoring(Monitoring monitoring, GaleraCluster cluster) {
        if (!notNull("monitoring", monitoring)) {
            return;
        }
        matches("monitoring.scrapeInterval", monitoring.scrapeInterval(), PROMETHEUS_DURATION);
        matches("monitoring.alertFor", monitoring.alertFor(),
                PROMETHEUS_DURATION.describedAs("a Prometheus duration such as 5m"));
        checkLabels("monitoring.labels", monitoring.labels());
        boolean exporter = cluster.exporter() != null && cluster.exporter().enabled();
        if (monitoring.serviceMonitor() && !exporter) {
            problems.add(Problem.badValue(Input.VALUES, "monitoring.serviceMonitor", true,
                    "only with exporter.enabled: true (the ServiceMonitor scrapes the exporter sidecar)"));
        }
        if (monitoring.prometheusRule() && !exporter) {
            problems.add(Problem.badValue(Input.VALUES, "monitoring.prometheusRule", true,
                    "only with exporter.enabled: true (the alerts read the exporter's metrics)"));
        }
        if (monitoring.prometheusRule() && !cluster.wsrepEnabled()) {
            problems.add(Problem.badValue(Input.VALUES, "monitoring.prometheusRule", true,
                    "only with replicas of 2 or more: the alerts watch Galera, which a standalone server does not run"));
        }
    }

    private void checkNetworkPolicy(NetworkPolicySpec policy) {
        if (notNull("networkPolicy", policy)) {
            checkLabels("networkPolicy.clientPodLabels", policy.clientPodLabels());
            checkLabels("networkPolicy.clientNamespaceLabels", policy.clientNamespaceLabels());
            matches("networkPolicy.monitoringNamespace", policy.monitoringNamespace(),
                    DNS_LABEL.describedAs("the namespace Prometheus runs in (DNS-1123 label)"));
        }
    }

    private void checkSecurity(Security security) {
        if (notNull("security", security)) {
            if (security.runAsUser() < 1) {
                problems.add(Problem.badValue(Input.VALUES, "security.runAsUser", security.runAsUser(),
                        "a uid of 1 or more: the pods run as non-root (999 is the official image's mysql user)"));
            }
            if (security.runAsGroup() < 1) {
                problems.add(Problem.badValue(Input.VALUES, "security.runAsGroup", security.runAsGroup(),
                        "a gid of 1 or more (999 is the official image's mysql group)"));
            }
            if (security.fsGroup() < 1) {
                problems.add(Problem.badValue(Input.VALUES, "security.fsGroup", security.fsGroup(),
                        "a gid of 1 or more that owns the data volume (999 is the official image's mysql group)"));
            }
        }
    }

    private void checkTls(Tls tls) {
        if (notNull("tls", tls)
                && (derivedTlsSecretName == null || !derivedTlsSecretName.equals(tls.secretName()))) {
            matches("tls.secretName", tls.secretName(), SECRET_NAME.describedAs(
                    "a Secret name (DNS-1123 subdomain) of a kubernetes.io/tls Secret with ca.crt"));
        }
    }

    private void checkInitialUsers(InitialUsers users) {
        if (!notNull("initialUsers", users)) {
            return;
        }
        matches("initialUsers.rootHost", users.rootHost(), MARIADB_HOST);
        if (users.database() != null) {
            matches("initialUsers.database", users.database(), DATABASE_NAME);
        }
        if (users.user() != null) {
            if (matches("initialUsers.user", users.user(), USER_NAME) && users.user().equals("root")) {
                problems.add(Problem.badValue(Input.VALUES, "initialUsers.user", "root",
                        "an application user other than root (root's password is rootPassword)"));
            }
            checkSecret("initialUsers.password", users.password());
        }
    }

    private void checkArbitrator(Arbitrator arbitrator, int replicas) {
        if (!notNull("arbitrator", arbitrator)) {
            return;
        }
        checkImage("arbitrator.image", arbitrator.image(), PINNED_IMAGE.describedAs(
                "an image with garbd and a tag or digest, e.g. " + Defaults.MARIADB_IMAGE));
        checkResources("arbitrator.resources", arbitrator.resources());
        if (arbitrator.enabled() && replicas == 1) {
            problems.add(Problem.badValue(Input.VALUES, "arbitrator.enabled", true,
                    "only with replicas of 2 or more: a standalone server (replicas: 1) runs no Galera to arbitrate"));
        }
    }

    private void checkImages(Images images) {
        if (notNull("images", images)) {
            checkImage("images.mariadb", images.mariadb(), PINNED_IMAGE);
            checkImage("images.exporter", images.exporter(), PINNED_IMAGE);
            oneOf("images.pullPolicy", images.pullPolicy(), PULL_POLICIES);
        }
    }

    private void checkImage(String path, String image, TextFormat format) {
        if (matches(path, image, format) && !hasTagOrDigest(image)) {
            problems.add(Problem.badValue(Input.VALUES, path, image,
                    format.description() + " (no tag means 'latest', which changes under you)"));
        }
    }

    private static boolean hasTagOrDigest(String image) {
        int lastSlash = image.lastIndexOf('/');
        return image.contains("@") || image.indexOf(':', lastSlash + 1) > 0;
    }

    private void checkStorage(Storage storage) {
        if (!notNull("storage", storage)) {
            return;
        }
        if (matches("storage.size", storage.size(), QUANTITY.describedAs("a Kubernetes quantity, e.g. 10Gi"))) {
            BigDecimal bytes = Quantities.parse(storage.size());
            if (bytes.signum() == 0) {
                problems.add(Problem.badValue(Input.VALUES, "storage.size", storage.size(),
                        "more than 0, e.g. 10Gi (Kubernetes refuses a claim of nothing)"));
            } else {
                inRange("storage.size", storage.size(), bytes, Limits.MAX_STORAGE_BYTES,
                        "1Pi: no member holds more (a full SST of 1Pi at 10 Gbit/s takes ten days)");
            }
        }
        if (storage.storageClassName() != null) {
            matches("storage.storageClassName", storage.storageClassName(), DNS_SUBDOMAIN);
        }
        if (atMostItems("storage.accessModes", storage.accessModes().size(), Limits.ACCESS_MODES, "access modes")) {
            if (storage.accessModes().isEmpty()) {
                problems.add(Problem.badValue(Input.VALUES, "storage.accessModes", "[]", "at least one of " + sorted(ACCESS_MODES)));
            }
            for (int i = 0; i < storage.accessModes().size(); i++) {
                oneOf("storage.accessModes[" + i + "]", storage.accessModes().get(i), ACCESS_MODES);
            }
        }
    }

    private void checkResources(String path, Resources resources) {
        if (notNull(path, resources)) {
            cpu(path + ".cpuRequest", resources.cpuRequest());
            memory(path + ".memoryRequest", resources.memoryRequest());
            cpu(path + ".cpuLimit", resources.cpuLimit());
            memory(path + ".memoryLimit", resources.memoryLimit());
        }
    }

    private void cpu(String path, String value) {
        if (value != null && matches(path, value, QUANTITY)) {
            inRange(path, value, Quantities.parse(value), Limits.MAX_CPU_CORES,
                    "4096 cores: more than any node has");
        }
    }

    private void memory(String path, String value) {
        if (value != null && matches(path, value, QUANTITY)) {
            inRange(path, value, Quantities.parse(value), Limits.MAX_MEMORY_BYTES, "64Ti: more than any node has");
        }
    }

    /** A quantity that is 0 or from 1m (Kubernetes' precision) to {@code max}. */
    private void inRange(String path, String text, BigDecimal value, BigDecimal max, String maxText) {
        if (value.compareTo(max) > 0) {
            problems.add(Problem.badValue(Input.VALUES, path, text, "at most " + maxText));
        } else if (value.signum() > 0 && value.compareTo(Limits.MIN_QUANTITY) < 0) {
            problems.add(Problem.badValue(Input.VALUES, path, text, "0, or at least 1m (Kubernetes rounds a smaller quantity up)"));
        }
    }

    private void checkGalera(GaleraSettings galera) {
        if (!notNull("galera", galera)) {
            return;
        }
        notNull("galera.sstMethod", galera.sstMethod());
        checkSecret("galera.sstCredentials", galera.sstCredentials());
        matches("galera.sstUser", galera.sstUser(), SST_USER);
        if (galera.applierThreads() < 0 || galera.applierThreads() > 256) {
            problems.add(Problem.badValue(Input.VALUES, "galera.applierThreads", galera.applierThreads(),
                    "a whole number from 1 to 256, or 0 to derive it from resources.cpuRequest"));
        }
        if (galera.gcacheSize() != null && matches("galera.gcacheSize", galera.gcacheSize(), GALERA_SIZE)
                && MemoryBudget.galeraSizeMiB(galera.gcacheSize()) > MAX_GALERA_SIZE_MIB) {
            problems.add(Problem.badValue(Input.VALUES, "galera.gcacheSize", galera.gcacheSize(),
                    "at most 1048576G (1Pi, the most storage.size can be)"));
        }
        checkProviderOptions(galera.providerOptions());
        if (atMostItems("galera.extraCnf", galera.extraCnf().size(), Limits.EXTRA_CNF, "lines")) {
            for (int i = 0; i < galera.extraCnf().size(); i++) {
                matches("galera.extraCnf[" + i + "]", galera.extraCnf().get(i), CNF_LINE);
            }
        }
    }

    private void checkProviderOptions(Map<String, String> options) {
        String path = "galera.providerOptions";
        if (!atMostItems(path, options.size(), Limits.PROVIDER_OPTION_ENTRIES, "options")) {
            return;
        }
        int joined = 0;
        for (Map.Entry<String, String> option : new TreeMap<>(options).entrySet()) {
            String key = option.getKey();
            if (!PROVIDER_KEY.accepts(key)) {
                problems.add(Problem.badValue(Input.VALUES, path, key, key.length() > PROVIDER_KEY.maxLength()
                        ? PROVIDER_KEY.tooLong() : PROVIDER_KEY.description()));
            } else if (key.equals("gcache.size")) {
                problems.add(new Problem(Input.VALUES, path + "." + key, "is set by galera.gcacheSize; set it there"));
            } else if (matches(path + "." + key, option.getValue(), PROVIDER_VALUE)) {
                joined += key.length() + option.getValue().length() + 2;
            }
        }
        if (joined > Limits.PROVIDER_OPTIONS) {
            problems.add(new Problem(Input.VALUES, path, joined + " characters of options (key=value;...) are not allowed: at most "
                    + Limits.PROVIDER_OPTIONS + " (they share galera.cnf's wsrep_provider_options line, which MariaDB "
                    + "reads up to " + Limits.CNF_LINE + " characters, with galera-gen's own options)"));
        }
    }

    private void checkExporter(Exporter exporter) {
        if (notNull("exporter", exporter)) {
            if (exporter.port() < 1024 || exporter.port() > 65535) {
                problems.add(Problem.badValue(Input.VALUES, "exporter.port", exporter.port(), "a port from 1024 to 65535"));
            } else if (MEMBER_PORTS.contains(exporter.port())) {
                // The exporter would fail to listen, or take the port from mariadbd, in the members' shared network.
                problems.add(Problem.badValue(Input.VALUES, "exporter.port", exporter.port(),
                        "a port from 1024 to 65535 other than the member's own (3306, 4444, 4567, 4568)"));
            }
            checkSecret("exporter.credentials", exporter.credentials());
        }
    }

    private void checkSecret(String path, SecretRef secret) {
        if (notNull(path, secret)) {
            if (derivedSecretName == null || !derivedSecretName.equals(secret.name())) {
                matches(path + ".name", secret.name(), SECRET_NAME);
            }
            matches(path + ".key", secret.key(), SECRET_KEY);
        }
    }

    /** Labels, node selectors: at most {@link Limits#LABELS} entries, each a label key and a label value. */
    private void checkLabels(String path, Map<String, String> labels) {
        if (atMostItems(path, labels.size(), Limits.LABELS, "labels")) {
            new TreeMap<>(labels).forEach((key, value) -> {
                if (checkMetadataKey(path, key)) {
                    matches(path + "." + key, value, LABEL_VALUE);
                }
            });
        }
    }

    /** At most {@link Limits#ANNOTATIONS} entries and {@link Limits#ANNOTATIONS_BYTES} bytes, keys as labels'. */
    private void checkAnnotations(Map<String, String> annotations) {
        if (!atMostItems("annotations", annotations.size(), Limits.ANNOTATIONS, "annotations")) {
            return;
        }
        long bytes = 0;
        for (Map.Entry<String, String> annotation : new TreeMap<>(annotations).entrySet()) {
            checkMetadataKey("annotations", annotation.getKey());
            notNull("annotations." + annotation.getKey(), annotation.getValue());
            bytes += Limits.utf8Bytes(annotation.getKey())
                    + (annotation.getValue() == null ? 0 : Limits.utf8Bytes(annotation.getValue()));
        }
        if (bytes > Limits.ANNOTATIONS_BYTES) {
            problems.add(new Problem(Input.VALUES, "annotations", bytes + " bytes of keys and values are not allowed: at most "
                    + Limits.ANNOTATIONS_BYTES + " (Kubernetes allows 256 KiB of annotations per object; galera-gen's "
                    + "own pod annotation takes " + Limits.RESERVED_ANNOTATION_BYTES + ")"));
        }
    }

    /** A label or annotation key: an optional DNS-subdomain prefix and '/', then a name of at most 63. */
    private boolean checkMetadataKey(String path, String key) {
        boolean valid = isLabelKey(key);
        if (!valid) {
            problems.add(Problem.badValue(Input.VALUES, path, key, LABEL_KEY_TEXT));
        }
        return valid;
    }

    private static boolean isLabelKey(String key) {
        int slash = key.indexOf('/');
        return key.length() <= Limits.LABEL_KEY
                && (slash < 0 || DNS_SUBDOMAIN.accepts(key.substring(0, slash)))
                && LABEL_NAME.accepts(slash < 0 ? key : key.substring(slash + 1));
    }

    /** Whether a list or map is within its limit; one problem, and no look at its items, when it is not. */
    private boolean atMostItems(String path, int count, int limit, String items) {
        if (count > limit) {
            problems.add(new Problem(Input.VALUES, path, count + " " + items + " are not allowed: at most " + limit));
            return false;
        }
        return true;
    }

    /** Null, then the length, then the syntax: a regular expression never sees an overlong value. */
    private boolean matches(String path, String value, TextFormat format) {
        if (value == null) {
            problems.add(Problem.badValue(Input.VALUES, path, null, format.description()));
            return false;
        }
        if (value.length() > format.maxLength()) {
            problems.add(Problem.badValue(Input.VALUES, path, value, format.tooLong()));
            return false;
        }
        if (!format.pattern().matcher(value).matches()) {
            problems.add(Problem.badValue(Input.VALUES, path, value, format.description()));
            return false;
        }
        return true;
    }

    private void oneOf(String path, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            problems.add(Problem.badValue(Input.VALUES, path, value, "one of " + sorted(allowed)));
        }
    }

    private boolean notNull(String path, Object value) {
        if (value == null) {
            problems.add(new Problem(Input.VALUES, path, "is missing"));
            return false;
        }
        return true;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
