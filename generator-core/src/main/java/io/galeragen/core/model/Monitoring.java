package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus Operator objects (monitoring.coreos.com/v1) for the exporter sidecar's metrics.
 */
public record Monitoring(
        @JsonPropertyDescription("Whether a ServiceMonitor (and the metrics Service it selects) is rendered.")
        boolean serviceMonitor,

        @JsonPropertyDescription("Whether a PrometheusRule with the Galera alerts is rendered.")
        boolean prometheusRule,

        @JsonPropertyDescription("How often Prometheus scrapes, e.g. 30s.")
        String scrapeInterval,

        @JsonPropertyDescription("How long a condition must hold before an alert fires, e.g. 5m.")
        String alertFor,

        @JsonPropertyDescription("Extra labels on the ServiceMonitor and PrometheusRule, for Prometheus' selectors.")
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
