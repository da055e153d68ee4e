package io.galeragen.core.validate;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which fabric8 class a manifest document binds to, chosen by its {@code apiVersion} and {@code kind}.
 * Immutable; {@link #with(Class)} returns an extended copy, so new kinds (a CRD's model class) can be added
 * without touching the reader.
 */
public final class ResourceKinds {

    private static final ResourceKinds DEFAULTS = new ResourceKinds(new TreeMap<>())
            .with(Namespace.class)
            .with(ConfigMap.class)
            .with(Service.class)
            .with(Secret.class)
            .with(ServiceAccount.class)
            .with(PersistentVolumeClaim.class)
            .with(StatefulSet.class)
            .with(Deployment.class)
            .with(PodDisruptionBudget.class)
            .with(StorageClass.class)
            .with(NetworkPolicy.class)
            .with(PriorityClass.class)
            .with(ServiceMonitor.class)
            .with(PrometheusRule.class);

    // Keyed by "apiVersion kind"; sorted so that the list of supported kinds reads the same every time.
    private final Map<String, Class<? extends HasMetadata>> types;

    private ResourceKinds(Map<String, Class<? extends HasMetadata>> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    /** The kinds galera-gen renders: core, apps, policy, storage, networking, scheduling and monitoring. */
    public static ResourceKinds defaults() {
        return DEFAULTS;
    }

    /** A copy that also binds the class's own apiVersion and kind (from fabric8's {@code @Group}/{@code @Version}). */
    public ResourceKinds with(Class<? extends HasMetadata> type) {
        return with(HasMetadata.getApiVersion(type), HasMetadata.getKind(type), type);
    }

    /** A copy that also binds {@code apiVersion} + {@code kind} to {@code type}, replacing an earlier binding. */
    public ResourceKinds with(String apiVersion, String kind, Class<? extends HasMetadata> type) {
        Map<String, Class<? extends HasMetadata>> extended = new TreeMap<>(types);
        extended.put(key(apiVersion, kind), type);
        return new ResourceKinds(extended);
    }

    public Optional<Class<? extends HasMetadata>> find(String apiVersion, String kind) {
        return Optional.ofNullable(types.get(key(apiVersion, kind)));
    }

    /** The supported kinds as {@code apiVersion kind}, sorted, e.g. {@code apps/v1 StatefulSet}. */
    public List<String> supported() {
        return List.copyOf(types.keySet());
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }
}
