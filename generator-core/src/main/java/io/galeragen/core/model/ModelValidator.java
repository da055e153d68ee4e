package io.galeragen.core.model;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.List;

/**
 * Checks a cluster before anything is rendered. Every problem is collected, each named by its key path
 * (the same path a values file uses), so one run reports all mistakes. The top-level keys are checked here; each
 * section of keys has its own class ({@link StorageChecks}, {@link GaleraChecks}, ...), over the shared forms of
 * {@link Formats} and the shared checks of {@link Checks}.
 */
final class ModelValidator {

    /** Longest name that still leaves room for the suffixes of pods, Services and revision hashes. */
    static final int MAX_NAME_LENGTH = 40;
    /** Galera clusters beyond this size spend more on certification than they gain. */
    static final int MAX_REPLICAS = 31;

    private static final TextFormat CLUSTER_NAME = Formats.DNS_LABEL.limitedTo(MAX_NAME_LENGTH, Formats.DNS_LABEL_TEXT);

    private ModelValidator() {}

    static void requireValid(GaleraCluster cluster) {
        List<Problem> problems = check(cluster);
        if (!problems.isEmpty()) {
            throw new GaleraGenException(problems);
        }
    }

    static List<Problem> check(GaleraCluster cluster) {
        Checks checks = new Checks();
        if (!checks.matches("name", cluster.name(), CLUSTER_NAME)) {
            checks.badClusterName(cluster.name());
        }
        checks.matches("namespace", cluster.namespace(), Formats.DNS_LABEL);
        if (cluster.replicas() < 1 || cluster.replicas() > MAX_REPLICAS) {
            checks.add(Problem.badValue(
                    Input.VALUES, "replicas", cluster.replicas(), "a whole number from 1 to " + MAX_REPLICAS));
        }
        checks.matches(
                "clusterDomain",
                cluster.clusterDomain(),
                Formats.DNS_SUBDOMAIN.describedAs("a DNS-1123 subdomain, e.g. cluster.local"));
        ContainerChecks containers = new ContainerChecks(checks);
        containers.checkImages(cluster.images());
        StorageChecks storage = new StorageChecks(checks);
        storage.checkStorage(cluster.storage());
        checks.checkResources("resources", cluster.resources());
        new GaleraChecks(checks).checkGalera(cluster.galera());
        MonitoringChecks monitoring = new MonitoringChecks(checks);
        monitoring.checkExporter(cluster.exporter());
        checks.checkSecret("rootPassword", cluster.rootPassword());
        checks.notNull("recoveryPolicy", cluster.recoveryPolicy());
        checks.checkLabels("labels", cluster.labels());
        checks.checkAnnotations(cluster.annotations());
        storage.checkStorageClass(cluster.storageClass(), cluster.storage());
        PlacementChecks placement = new PlacementChecks(checks);
        placement.checkTopology(cluster.topology());
        placement.checkDisruptionBudget(cluster.podDisruptionBudget(), cluster.replicas());
        monitoring.checkMonitoring(cluster.monitoring(), cluster);
        AccessChecks access = new AccessChecks(checks);
        access.checkNetworkPolicy(cluster.networkPolicy());
        access.checkSecurity(cluster.security());
        access.checkTls(cluster.tls());
        access.checkInitialUsers(cluster.initialUsers());
        containers.checkArbitrator(cluster.arbitrator(), cluster.replicas());
        return checks.problems();
    }
}
