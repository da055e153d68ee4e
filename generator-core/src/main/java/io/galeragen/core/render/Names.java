package io.galeragen.core.render;

/**
 * Names of the objects rendered for one cluster, derived from the cluster's name in one place.
 *
 * @param statefulSet  the StatefulSet, and the prefix of its pods ({@code <name>-0})
 * @param peerService  headless Service that gives every pod a stable DNS name, ready or not
 * @param readyService headless Service that resolves only to ready pods (each Ready member's address)
 * @param clientService the Service applications connect to
 * @param configMap    the ConfigMap holding galera.cnf and the scripts
 */
public record Names(
        String statefulSet, String peerService, String readyService, String clientService, String configMap) {

    public static Names of(String clusterName) {
        return new Names(
                clusterName, clusterName + "-peers", clusterName + "-ready", clusterName, clusterName + "-config");
    }
}
