package io.galeragen.core.render;

import java.util.List;
import java.util.Map;

/**
 * The garbd Deployment.
 *
 * @param name     the Deployment's name
 * @param labels   its labels (name {@code mariadb-galera-arbitrator}: the members' selectors never match it)
 * @param selector its pod selector
 * @param args     garbd's arguments
 * @param waivers  checkov annotations of its pod ({@link CheckovWaivers})
 */
public record ArbitratorView(
        String name,
        Map<String, String> labels,
        Map<String, String> selector,
        List<String> args,
        Map<String, String> waivers) {}
