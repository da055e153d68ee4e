package io.galeragen.core.render;

import io.galeragen.core.model.GaleraCluster;
import java.util.List;

/**
 * One alerting rule of the PrometheusRule, and the Galera alerts themselves ({@link #galeraAlerts}): the view of
 * prometheusrule.yaml.ftl.
 *
 * @param alert       its name
 * @param expr        the PromQL expression
 * @param duration    how long it must hold ({@code for})
 * @param severity    the {@code severity} label
 * @param summary     a one-line summary annotation
 * @param description what it means and what to do, with Prometheus template variables
 */
public record AlertRule(
        String alert, String expr, String duration, String severity, String summary, String description) {

    /**
     * The Galera alerts. Each selects this cluster's members by namespace and pod name, which Prometheus Operator's
     * Kubernetes discovery always attaches, so several clusters can share one Prometheus.
     */
    static List<AlertRule> galeraAlerts(GaleraCluster cluster) {
        String members = "{namespace=\"" + cluster.namespace() + "\",pod=~\"" + cluster.name() + "-[0-9]+\"}";
        String duration = cluster.monitoring().alertFor();
        int votes = cluster.votes();
        String who = cluster.namespace() + "/" + cluster.name();
        return List.of(
                new AlertRule(
                        "GaleraClusterSizeBelowExpected",
                        "mysql_global_status_wsrep_cluster_size" + members + " < " + votes,
                        duration,
                        "warning",
                        "Galera cluster " + who + " has fewer members than the " + votes + " it should have",
                        "{{ $labels.pod }} sees {{ $value }} of " + votes + " members"
                                + (cluster.arbitratorEnabled() ? " (the arbitrator counts as one)" : "")
                                + ". A member is down or cannot join; check pods that are not Ready and their logs."),
                new AlertRule(
                        "GaleraMetricsAbsent",
                        "absent(mysql_global_status_wsrep_cluster_size" + members + ")",
                        duration,
                        "critical",
                        "No Galera metrics from " + who,
                        "Prometheus receives no wsrep metrics from any member: the whole cluster, or its exporters, "
                                + "are down."),
                new AlertRule(
                        "GaleraNodeNotReady",
                        "mysql_global_status_wsrep_ready" + members + " != 1",
                        duration,
                        "critical",
                        "Galera member of " + who + " does not accept queries",
                        "{{ $labels.pod }} reports wsrep_ready OFF: it is outside the primary component (partition "
                                + "or lost quorum) and refuses queries."),
                new AlertRule(
                        "GaleraNodeNotSynced",
                        "mysql_global_status_wsrep_local_state" + members + " != 4",
                        duration,
                        "warning",
                        "Galera member of " + who + " is not Synced",
                        "{{ $labels.pod }} is in wsrep_local_state {{ $value }} (1 joining, 2 donor, 3 joined; 4 is "
                                + "Synced): a long state transfer, or a member stuck as donor."));
    }
}
