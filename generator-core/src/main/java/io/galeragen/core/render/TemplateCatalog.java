package io.galeragen.core.render;

import io.galeragen.core.model.GaleraCluster;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The built-in templates: one per Kubernetes resource, named after it, and the files the ConfigMap carries.
 * A template override folder may replace any of these names and no other.
 */
public final class TemplateCatalog {

    /**
     * A resource template, when it is rendered, and what it renders: the kind and name of its object are known
     * without parsing the output (a test holds every built-in template to them).
     */
    record ResourceTemplate(
            String name, Predicate<GaleraCluster> included, String kind, Function<ClusterView, String> objectName) {}

    /** A ConfigMap file: rendered by FreeMarker when its template name ends in .ftl, else copied verbatim. */
    record FileTemplate(String fileName, String templateName) {
        boolean parsed() {
            return templateName.endsWith(".ftl");
        }
    }

    static final List<ResourceTemplate> RESOURCES = List.of(
            new ResourceTemplate(
                    "namespace.yaml.ftl",
                    GaleraCluster::createNamespace,
                    "Namespace",
                    view -> view.cluster().namespace()),
            new ResourceTemplate(
                    "configmap.yaml.ftl",
                    cluster -> true,
                    "ConfigMap",
                    view -> view.names().configMap()),
            new ResourceTemplate(
                    "service-headless.yaml.ftl",
                    cluster -> true,
                    "Service",
                    view -> view.names().peerService()),
            new ResourceTemplate(
                    "service-ready.yaml.ftl",
                    cluster -> true,
                    "Service",
                    view -> view.names().readyService()),
            new ResourceTemplate(
                    "service.yaml.ftl",
                    cluster -> true,
                    "Service",
                    view -> view.names().clientService()),
            new ResourceTemplate(
                    "statefulset.yaml.ftl",
                    cluster -> true,
                    "StatefulSet",
                    view -> view.names().statefulSet()),
            new ResourceTemplate(
                    "storageclass.yaml.ftl",
                    cluster -> cluster.storageClass().create(),
                    "StorageClass",
                    view -> view.storageClass().name()),
            new ResourceTemplate(
                    "poddisruptionbudget.yaml.ftl",
                    cluster -> cluster.podDisruptionBudget().enabled() && cluster.wsrepEnabled(),
                    "PodDisruptionBudget",
                    view -> view.names().statefulSet()),
            new ResourceTemplate(
                    "networkpolicy.yaml.ftl",
                    cluster -> cluster.networkPolicy().enabled(),
                    "NetworkPolicy",
                    view -> view.networkPolicy().name()),
            new ResourceTemplate(
                    "service-metrics.yaml.ftl",
                    cluster ->
                            cluster.exporter().enabled() && cluster.monitoring().serviceMonitor(),
                    "Service",
                    view -> view.monitoring().metricsService()),
            new ResourceTemplate(
                    "servicemonitor.yaml.ftl",
                    cluster ->
                            cluster.exporter().enabled() && cluster.monitoring().serviceMonitor(),
                    "ServiceMonitor",
                    view -> view.monitoring().serviceMonitorName()),
            new ResourceTemplate(
                    "prometheusrule.yaml.ftl",
                    cluster -> cluster.monitoring().prometheusRule(),
                    "PrometheusRule",
                    view -> view.monitoring().prometheusRuleName()),
            new ResourceTemplate(
                    "deployment-arbitrator.yaml.ftl",
                    GaleraCluster::arbitratorEnabled,
                    "Deployment",
                    view -> view.arbitrator().name()),
            new ResourceTemplate(
                    "networkpolicy-arbitrator.yaml.ftl",
                    cluster -> cluster.networkPolicy().enabled() && cluster.arbitratorEnabled(),
                    "NetworkPolicy",
                    view -> view.arbitrator().name()));

    static final List<FileTemplate> CONFIG_FILES = List.of(
            new FileTemplate("galera.cnf", "files/galera.cnf.ftl"),
            new FileTemplate("init.sh", "files/init.sh"),
            new FileTemplate("member-state.sh", "files/member-state.sh"),
            new FileTemplate("recovery-plan.sh", "files/recovery-plan.sh"),
            new FileTemplate("start.sh", "files/start.sh"),
            new FileTemplate("probe.sh", "files/probe.sh"),
            new FileTemplate("init-users.sh", "files/init-users.sh"),
            new FileTemplate("exporter-config.sh", "files/exporter-config.sh"));

    /** Files written beside the manifests, for a person to run: copied, with the planning rule inserted. */
    static final List<FileTemplate> TOOLS = List.of(new FileTemplate("galera-recover", "files/galera-recover"));

    /** The one planning rule: the pods source it from the ConfigMap, galera-recover carries a copy. */
    static final String PLAN = "files/recovery-plan.sh";
    /** The lines of galera-recover that source the rule beside it (in the templates folder); replaced by the rule. */
    static final String PLAN_SOURCE_LINE =
            "# shellcheck source=SCRIPTDIR/recovery-plan.sh\nsource \"$(dirname \"${BASH_SOURCE[0]}\")/recovery-plan.sh\""
                    + " # galera-gen inserts recovery-plan.sh here";

    /**
     * A tool with recovery-plan.sh in place of the lines that source it, so that the file a person runs stands alone
     * and plans exactly as the pods do. A tool without those lines is returned as it is.
     */
    static String withPlanInserted(String tool, String plan) {
        int at = tool.indexOf(PLAN_SOURCE_LINE + "\n");
        if (at < 0) {
            return tool;
        }
        String body = plan.lines()
                .filter(line -> !line.startsWith("#!") && !line.startsWith("# shellcheck shell="))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
        return tool.substring(0, at) + "# ---- recovery-plan.sh, as the pods run it from their ConfigMap ----\n" + body
                + "# ---- end of recovery-plan.sh ----\n" + tool.substring(at + PLAN_SOURCE_LINE.length() + 1);
    }

    private TemplateCatalog() {}

    /** Every name a template override folder may use. */
    public static List<String> names() {
        return Stream.of(
                        RESOURCES.stream().map(ResourceTemplate::name),
                        Stream.concat(CONFIG_FILES.stream(), TOOLS.stream()).map(FileTemplate::templateName))
                .flatMap(names -> names)
                .sorted()
                .toList();
    }
}
