package io.galeragen.core.render;

import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.Resources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checkov checks a rendered pod fails on purpose, each with its reason, as checkov's annotations
 * ({@code checkov.io/skip<N>: CKV_K8S_<id>=<reason>}): a user's own scanner shows why instead of a bare failure. Only
 * checks that the values at hand make fail are waived (a digest-pinned image needs no digest waiver); a reason never
 * contains {@code =}, which ends checkov's id.
 */
final class CheckovWaivers {

    static final String KEY_PREFIX = "checkov.io/skip";

    private CheckovWaivers() {}

    /** The members' pod: mariadb, its init containers and the exporter. */
    static Map<String, String> members(GaleraCluster cluster) {
        Map<String, String> waivers = new LinkedHashMap<>();
        waivers.put(
                "CKV_K8S_8",
                "No liveness probes. One on mariadb would kill a joiner in the middle of a long state "
                        + "transfer; one on the exporter would make the member's readiness depend on its metrics");
        if (cluster.exporter().enabled()) {
            waivers.put(
                    "CKV_K8S_9",
                    "The exporter has no readiness probe so that a member never leaves the Services "
                            + "because of its metrics; mariadb's readiness probe requires Synced in the primary component");
        }
        if (cluster.resources() == null || cluster.resources().cpuLimit() == null) {
            waivers.put(
                    "CKV_K8S_11",
                    "No CPU limit on mariadb and its init container: throttled appliers trigger "
                            + "flow control, which stalls writes on every member. Set resources.cpuLimit to add one");
        }
        List<String> images = cluster.exporter().enabled()
                ? List.of(cluster.images().mariadb(), cluster.images().exporter())
                : List.of(cluster.images().mariadb());
        imageWaivers(waivers, cluster, images, "images.mariadb and images.exporter");
        networkPolicyWaiver(waivers, cluster);
        return numbered(waivers);
    }

    /** The arbitrator's pod: garbd. */
    static Map<String, String> arbitrator(GaleraCluster cluster) {
        Map<String, String> waivers = new LinkedHashMap<>();
        Resources resources = cluster.arbitrator().resources();
        if (resources == null || resources.cpuLimit() == null) {
            waivers.put(
                    "CKV_K8S_11",
                    "No CPU limit on garbd: a throttled arbitrator misses its keepalives, is "
                            + "suspected by the members and costs the cluster a vote. Set arbitrator.resources.cpuLimit to add one");
        }
        imageWaivers(waivers, cluster, List.of(cluster.arbitrator().image()), "arbitrator.image");
        networkPolicyWaiver(waivers, cluster);
        return numbered(waivers);
    }

    private static void imageWaivers(
            Map<String, String> waivers, GaleraCluster cluster, List<String> images, String keys) {
        boolean undigested = images.stream().anyMatch(image -> !image.contains("@"));
        if (undigested && !"Always".equals(cluster.images().pullPolicy())) {
            waivers.put(
                    "CKV_K8S_15",
                    "imagePullPolicy " + cluster.images().pullPolicy() + " with images pinned to a "
                            + "release: a restarting member must not depend on the registry. Set images.pullPolicy Always to change");
        }
        if (cluster.security().runAsUser() < 10000) {
            waivers.put(
                    "CKV_K8S_40",
                    "uid " + cluster.security().runAsUser() + " is the official image's mysql user, "
                            + "which owns existing data directories. New clusters may set security.runAsUser 10000 or more");
        }
        if (undigested) {
            waivers.put(
                    "CKV_K8S_43",
                    "Images are pinned to release tags. Pin digests in " + keys + " as name:tag@sha256:digest");
        }
    }

    private static void networkPolicyWaiver(Map<String, String> waivers, GaleraCluster cluster) {
        if (!cluster.networkPolicy().enabled()) {
            waivers.put(
                    "CKV2_K8S_6",
                    "networkPolicy.enabled is false: the network plugin does not enforce policies "
                            + "or another tool writes them");
        }
    }

    private static Map<String, String> numbered(Map<String, String> waivers) {
        Map<String, String> annotations = new LinkedHashMap<>();
        waivers.forEach((id, reason) -> annotations.put(KEY_PREFIX + (annotations.size() + 1), id + "=" + reason));
        return annotations;
    }
}
