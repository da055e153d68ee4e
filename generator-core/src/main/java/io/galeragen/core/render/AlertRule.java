package io.galeragen.core.render;

/**
 * One alerting rule of the PrometheusRule.
 *
 * @param alert       its name
 * @param expr        the PromQL expression
 * @param duration    how long it must hold ({@code for})
 * @param severity    the {@code severity} label
 * @param summary     a one-line summary annotation
 * @param description what it means and what to do, with Prometheus template variables
 */
public record AlertRule(String alert, String expr, String duration, String severity, String summary,
                        String description) {
}
