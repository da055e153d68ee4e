package io.galeragen.core.validate;

import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.MemoryBudget;
import io.galeragen.core.model.Placement;
import java.util.ArrayList;
import java.util.List;

/**
 * Semantic checks of a valid cluster: settings that render fine but lose quorum or leave pods Pending. A pure
 * function of the model; the results become {@code Rendering.warnings()}, each starting with the key path to look at.
 *
 * <p>Galera keeps a primary component only while more than half of the votes (members plus arbitrator) can see each
 * other. With zones spread at maxSkew 1, the fullest zone holds {@code ceil(replicas / zones)} members; losing it
 * must leave a majority.
 */
public final class TopologyChecks {

    private TopologyChecks() {}

    public static List<String> warnings(GaleraCluster cluster) {
        List<String> warnings = new ArrayList<>();
        int replicas = cluster.replicas();
        int votes = cluster.votes();
        boolean arbitrator = cluster.arbitratorEnabled();

        if (replicas == 2 && !arbitrator) {
            warnings.add("replicas: 2 members without an arbitrator lose quorum when either one fails (1 of 2 "
                    + "votes is no majority), and then both stop taking writes; use 3 members or set "
                    + "arbitrator.enabled: true");
        }
        if (replicas > 2 && replicas % 2 == 0 && !arbitrator) {
            warnings.add("replicas: " + replicas + " members (an even number) without an arbitrator: a network split "
                    + "into two halves of " + replicas / 2
                    + " leaves neither a majority, so both stop taking writes, and "
                    + "they survive no more failed members (" + (replicas / 2 - 1) + ") than " + (replicas - 1)
                    + " would; use " + (replicas - 1) + " or " + (replicas + 1)
                    + " members, or set arbitrator.enabled: true");
        }
        if (arbitrator && replicas % 2 == 1) {
            warnings.add(
                    "arbitrator.enabled: with " + replicas + " members the arbitrator makes the votes even (" + votes
                            + "), so a split into two halves stops both; an arbitrator helps an even number of members");
        }

        List<String> zones = cluster.topology().zones();
        if (!zones.isEmpty() && replicas > 1) {
            int perZone = (replicas + zones.size() - 1) / zones.size();
            int survivors = replicas - perZone + (arbitrator ? 1 : 0);
            if (2 * survivors <= votes) {
                warnings.add("topology.zones: " + replicas + " members over " + zones.size() + " zone"
                        + (zones.size() == 1 ? "" : "s") + " put up to " + perZone + " in one zone; losing that zone "
                        + "leaves " + survivors + " of " + votes + " votes"
                        + (arbitrator ? " (counting the arbitrator as running in another zone)" : "")
                        + ", no majority, so the cluster stops; use at least 3 zones with an odd number of members, "
                        + "or run an arbitrator in a third location");
            }
            if (cluster.topology().zoneSpread() == Placement.NONE) {
                warnings.add("topology.zoneSpread: none lets the scheduler put every member in one zone of " + zones
                        + "; use required or preferred");
            }
        }

        int nodes = cluster.topology().nodeCount();
        if (cluster.topology().antiAffinity() == Placement.REQUIRED && nodes > 0 && nodes < replicas) {
            warnings.add("topology.antiAffinity: required puts each member on its own node, but topology.nodeCount "
                    + "declares " + nodes + " node" + (nodes == 1 ? "" : "s") + " for " + replicas + " members: "
                    + (replicas - nodes) + " pod" + (replicas - nodes == 1 ? "" : "s")
                    + " will stay Pending; add nodes, lower replicas, or use preferred");
        }

        // Two members without an arbitrator were warned about above; every budget takes their quorum.
        if (cluster.podDisruptionBudget().enabled()
                && (replicas > 2 || arbitrator)
                && 2 * (votes - cluster.podDisruptionBudget().maxUnavailable()) <= votes) {
            warnings.add("podDisruptionBudget.maxUnavailable: "
                    + cluster.podDisruptionBudget().maxUnavailable() + " of " + votes
                    + " votes may be drained at once, which takes quorum; 1 keeps a majority");
        }
        MemoryBudget budget = cluster.memoryBudget();
        if (!budget.fits()) {
            warnings.add("resources.memoryLimit: " + budget.limitMiB() + "M is less than the member needs, "
                    + budget.total() + "M (" + budget.fixedMiB() + "M fixed, " + budget.connectionsMiB()
                    + "M for connections, " + budget.gcacheSize() + " gcache, " + budget.bufferPoolSize()
                    + " buffer pool at least), so a busy member may be OOM-killed; raise it, or lower max_connections "
                    + "and the buffer pool with galera.extraCnf");
        }
        return List.copyOf(warnings);
    }
}
