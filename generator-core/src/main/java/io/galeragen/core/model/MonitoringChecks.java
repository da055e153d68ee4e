package io.galeragen.core.model;

import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.Set;

/** The {@code exporter} and {@code monitoring} keys: the metrics sidecar and the Prometheus Operator objects. */
final class MonitoringChecks {

    /** Ports mariadbd listens on in every member's pod. */
    private static final Set<Integer> MEMBER_PORTS = Set.of(3306, 4444, 4567, 4568);

    private static final TextFormat PROMETHEUS_DURATION =
            TextFormat.of(32, "([0-9]+(ms|s|m|h|d|w|y))+", "a Prometheus duration such as 30s or 1m");

    private final Checks checks;

    MonitoringChecks(Checks checks) {
        this.checks = checks;
    }

    void checkExporter(Exporter exporter) {
        if (checks.notNull("exporter", exporter)) {
            if (exporter.port() < 1024 || exporter.port() > 65535) {
                checks.add(
                        Problem.badValue(Input.VALUES, "exporter.port", exporter.port(), "a port from 1024 to 65535"));
            } else if (MEMBER_PORTS.contains(exporter.port())) {
                // The exporter would fail to listen, or take the port from mariadbd, in the members' shared network.
                checks.add(Problem.badValue(
                        Input.VALUES,
                        "exporter.port",
                        exporter.port(),
                        "a port from 1024 to 65535 other than the member's own (3306, 4444, 4567, 4568)"));
            }
            checks.checkSecret("exporter.credentials", exporter.credentials());
        }
    }

    void checkMonitoring(Monitoring monitoring, GaleraCluster cluster) {
        if (!checks.notNull("monitoring", monitoring)) {
            return;
        }
        checks.matches("monitoring.scrapeInterval", monitoring.scrapeInterval(), PROMETHEUS_DURATION);
        checks.matches(
                "monitoring.alertFor",
                monitoring.alertFor(),
                PROMETHEUS_DURATION.describedAs("a Prometheus duration such as 5m"));
        checks.checkLabels("monitoring.labels", monitoring.labels());
        boolean exporter = cluster.exporter() != null && cluster.exporter().enabled();
        if (monitoring.serviceMonitor() && !exporter) {
            checks.add(Problem.badValue(
                    Input.VALUES,
                    "monitoring.serviceMonitor",
                    true,
                    "only with exporter.enabled: true (the ServiceMonitor scrapes the exporter sidecar)"));
        }
        if (monitoring.prometheusRule() && !exporter) {
            checks.add(Problem.badValue(
                    Input.VALUES,
                    "monitoring.prometheusRule",
                    true,
                    "only with exporter.enabled: true (the alerts read the exporter's metrics)"));
        }
        if (monitoring.prometheusRule() && !cluster.wsrepEnabled()) {
            checks.add(
                    Problem.badValue(
                            Input.VALUES,
                            "monitoring.prometheusRule",
                            true,
                            "only with replicas of 2 or more: the alerts watch Galera, which a standalone server does not run"));
        }
    }
}
