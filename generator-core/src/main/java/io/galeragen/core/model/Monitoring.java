package io.galeragen.core.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus Operator objects (monitoring.coreos.com/v1) for the exporter sidecar's metrics.
 *
 * @param serviceMonitor whether a ServiceMonitor (and the metrics Service it selects) is rendered
 * @param prometheusRule whether a PrometheusRule with the Galera alerts is rendered
 * @param scrapeInterval how often Prometheus scrapes, e.g. {@code 30s}
 * @param alertFor       how long a condition must hold before an alert fires, e.g. {@code 5m}
 * @param labels         extra labels on the ServiceMonitor and PrometheusRule, for the Prometheus
 *                       {@code serviceMonitorSelector}/{@code ruleSelector} (e.g. {@code release: prometheus})
 */
public record Monitoring(
        boolean serviceMonitor,
        boolean prometheusRule,
        String scrapeInterval,
        String alertFor,
        Map<String, String> labels) {

    public Monitoring {
        labels = Map.copyOf(labels);
    }

    /** Labels in a stable order, for rendering. */
    public Map<String, String> sortedLabels() {
        return new TreeMap<>(labels);
    }

    public Monitoring withServiceMonitor(boolean value) {
        return new Monitoring(value, prometheusRule, scrapeInterval, alertFor, labels);
    }

    public Monitoring withPrometheusRule(boolean value) {
        return new Monitoring(serviceMonitor, value, scrapeInterval, alertFor, labels);
    }

    public Monitoring withLabels(Map<String, String> value) {
        return new Monitoring(serviceMonitor, prometheusRule, scrapeInterval, alertFor, value);
    }
}
