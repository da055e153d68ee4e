package io.galeragen.core.render;

import java.util.List;
import java.util.Map;

/**
 * The metrics Service, ServiceMonitor and PrometheusRule.
 *
 * @param metricsService       the headless Service that lists every member, ready or not, on the metrics port
 * @param metricsLabels        the metrics Service's labels (the cluster's, with component {@code metrics})
 * @param metricsSelector      the labels the ServiceMonitor selects the metrics Service by
 * @param objectLabels         labels of the ServiceMonitor and PrometheusRule: the cluster's plus monitoring.labels
 * @param serviceMonitorName   the ServiceMonitor's name
 * @param prometheusRuleName   the PrometheusRule's name
 * @param ruleGroup            the rule group's name
 * @param rules                the alerting rules
 */
public record MonitoringView(
        String metricsService,
        Map<String, String> metricsLabels,
        Map<String, String> metricsSelector,
        Map<String, String> objectLabels,
        String serviceMonitorName,
        String prometheusRuleName,
        String ruleGroup,
        List<AlertRule> rules) {}
