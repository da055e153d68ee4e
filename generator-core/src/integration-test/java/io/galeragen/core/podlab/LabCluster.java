package io.galeragen.core.podlab;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.galeragen.core.Rendering;
import io.galeragen.core.output.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the API server holds for the lab: the rendered objects (typed, as galera-gen rendered them), the test Secrets,
 * and the pods. Every change of a pod's status is announced to the listeners (endpoints, controllers), as a watch
 * would.
 */
final class LabCluster {

    private final String clusterDomain;
    private final Map<String, StatefulSet> statefulSets = new ConcurrentHashMap<>();
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
    private final Map<String, Service> services = new ConcurrentHashMap<>();
    private final Map<String, ConfigMap> configMaps = new ConcurrentHashMap<>();
    private final Map<String, Pod> pods = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile LabSecrets secrets;

    LabCluster(String clusterDomain) {
        this.clusterDomain = clusterDomain;
    }

    String clusterDomain() {
        return clusterDomain;
    }

    /** kubectl apply of a rendering: objects of the kinds the lab runs are created or replaced. */
    void apply(Rendering rendering, LabSecrets labSecrets) {
        this.secrets = labSecrets;
        for (Manifest manifest : rendering.manifests()) {
            HasMetadata resource = manifest.resource();
            String key = key(
                    resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName());
            if (resource instanceof StatefulSet statefulSet) {
                statefulSets.put(key, statefulSet);
            } else if (resource instanceof Deployment deployment) {
                deployments.put(key, deployment);
            } else if (resource instanceof Service service) {
                services.put(key, service);
            } else if (resource instanceof ConfigMap configMap) {
                configMaps.put(key, configMap);
            }
        }
        changed();
    }

    static String key(String namespace, String name) {
        return (namespace == null ? "default" : namespace) + "/" + name;
    }

    List<StatefulSet> statefulSets() {
        return List.copyOf(statefulSets.values());
    }

    List<Deployment> deployments() {
        return List.copyOf(deployments.values());
    }

    List<Service> services() {
        return List.copyOf(services.values());
    }

    Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(configMaps.get(key(namespace, name)));
    }

    LabSecrets secrets() {
        return secrets;
    }

    StatefulSet statefulSet(String namespace, String name) {
        StatefulSet statefulSet = statefulSets.get(key(namespace, name));
        if (statefulSet == null) {
            throw new IllegalArgumentException("no StatefulSet " + key(namespace, name));
        }
        return statefulSet;
    }

    /** kubectl scale: a new spec.replicas. */
    void scale(String namespace, String name, int replicas) {
        statefulSet(namespace, name).getSpec().setReplicas(replicas);
        changed();
    }

    // ---- pods -------------------------------------------------------------------------------

    /** Creates a pod; false when a pod of that name still exists (the controller tries again later). */
    synchronized boolean create(Pod pod) {
        String key = key(pod.namespace(), pod.name());
        if (pods.containsKey(key)) {
            return false;
        }
        pods.put(key, pod);
        return true;
    }

    /** The pod's record is gone (its containers stopped, or it was force-deleted): the name is free. */
    synchronized void remove(Pod pod) {
        pods.remove(key(pod.namespace(), pod.name()), pod);
        pod.gone(true);
        changed();
    }

    Optional<Pod> pod(String namespace, String name) {
        return Optional.ofNullable(pods.get(key(namespace, name)));
    }

    List<Pod> pods() {
        return new ArrayList<>(pods.values());
    }

    /** A pod's status changed, or an object did: listeners recompute what they derive. */
    void changed() {
        listeners.forEach(Runnable::run);
    }

    void onChange(Runnable listener) {
        listeners.add(listener);
    }
}
