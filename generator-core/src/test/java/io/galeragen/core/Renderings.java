package io.galeragen.core;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.galeragen.core.output.Manifest;

/** Finds typed objects in a rendering, for tests that assert their fields. */
public final class Renderings {

    private Renderings() {}

    /** The first rendered document of that type. */
    public static <T> T resource(Rendering rendering, Class<T> type) {
        return rendering.manifests().stream()
                .map(Manifest::resource)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " rendered"));
    }

    public static <T extends HasMetadata> T resource(Rendering rendering, Class<T> type, String name) {
        return rendering.manifests().stream()
                .map(Manifest::resource)
                .filter(type::isInstance)
                .map(type::cast)
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + "/" + name + " rendered"));
    }

    /** The init container that runs init.sh (the exporter-config container may come first). */
    public static Container initContainer(StatefulSet statefulSet) {
        return initContainer(statefulSet, "init");
    }

    public static Container initContainer(StatefulSet statefulSet, String name) {
        return statefulSet.getSpec().getTemplate().getSpec().getInitContainers().stream()
                .filter(container -> container.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    public static Container container(StatefulSet statefulSet, String name) {
        return statefulSet.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    public static String env(Container container, String name) {
        // findFirst() before map(): a Secret-backed variable has a null value, which findFirst() would reject.
        return container.getEnv().stream()
                .filter(variable -> variable.getName().equals(name))
                .findFirst()
                .map(EnvVar::getValue)
                .orElse(null);
    }
}
