package io.galeragen.core.model;

import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.HashSet;
import java.util.Set;

/** The {@code topology} and {@code podDisruptionBudget} keys: where members run and how many a drain takes. */
final class PlacementChecks {

    private static final TextFormat ZONE = TextFormat.of(
            Limits.LABEL_VALUE,
            Formats.LABEL_NAME_SYNTAX,
            "a zone name as in the nodes' topology.kubernetes.io/zone label "
                    + "(letters, digits, '-', '_', '.'; at most 63)");

    private final Checks checks;

    PlacementChecks(Checks checks) {
        this.checks = checks;
    }

    void checkTopology(Topology topology) {
        if (!checks.notNull("topology", topology)) {
            return;
        }
        checks.notNull("topology.antiAffinity", topology.antiAffinity());
        checks.notNull("topology.zoneSpread", topology.zoneSpread());
        if (checks.atMostItems("topology.zones", topology.zones().size(), Limits.ZONES, "zones")) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < topology.zones().size(); i++) {
                String zone = topology.zones().get(i);
                String path = "topology.zones[" + i + "]";
                if (checks.matches(path, zone, ZONE) && !seen.add(zone)) {
                    checks.add(Problem.badValue(Input.VALUES, path, zone, "each zone once"));
                }
            }
        }
        if (topology.nodeCount() < 0 || topology.nodeCount() > Limits.NODES) {
            checks.add(Problem.badValue(
                    Input.VALUES,
                    "topology.nodeCount",
                    topology.nodeCount(),
                    "a whole number of nodes up to " + Limits.NODES
                            + " (the largest cluster Kubernetes supports), or 0 when unknown"));
        }
        checks.checkLabels("topology.nodeSelector", topology.nodeSelector());
        if (checks.atMostItems(
                "topology.tolerations", topology.tolerations().size(), Limits.TOLERATIONS, "tolerations")) {
            for (int i = 0; i < topology.tolerations().size(); i++) {
                checkToleration(
                        "topology.tolerations[" + i + "]",
                        topology.tolerations().get(i));
            }
        }
        if (topology.priorityClassName() != null) {
            checks.matches(
                    "topology.priorityClassName",
                    topology.priorityClassName(),
                    Formats.DNS_SUBDOMAIN.describedAs("a PriorityClass name (DNS-1123 subdomain)"));
        }
    }

    void checkToleration(String path, String toleration) {
        String allowed = "a taint as kubectl writes it: key=value:Effect, key:Effect or key, with Effect one of "
                + "NoSchedule, PreferNoSchedule, NoExecute (e.g. dedicated=database:NoSchedule)";
        if (toleration == null || toleration.length() > Toleration.MAX_LENGTH) {
            checks.add(Problem.badValue(
                    Input.VALUES,
                    path,
                    toleration,
                    toleration == null ? allowed : "at most " + Toleration.MAX_LENGTH + " characters: " + allowed));
        } else if (Toleration.parse(toleration)
                .filter(parsed -> Formats.isLabelKey(parsed.key()))
                .isEmpty()) {
            checks.add(Problem.badValue(Input.VALUES, path, toleration, allowed));
        }
    }

    void checkDisruptionBudget(DisruptionBudget budget, int replicas) {
        if (checks.notNull("podDisruptionBudget", budget) && budget.enabled()) {
            if (budget.maxUnavailable() < 1) {
                checks.add(Problem.badValue(
                        Input.VALUES,
                        "podDisruptionBudget.maxUnavailable",
                        budget.maxUnavailable(),
                        "at least 1 (0 blocks every node drain forever)"));
            } else if (replicas > 1 && budget.maxUnavailable() >= replicas) {
                checks.add(Problem.badValue(
                        Input.VALUES,
                        "podDisruptionBudget.maxUnavailable",
                        budget.maxUnavailable(),
                        "fewer than replicas (" + replicas + "), or the budget protects nothing"));
            }
        }
    }
}
