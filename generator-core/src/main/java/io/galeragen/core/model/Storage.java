package io.galeragen.core.model;

import java.util.List;

/**
 * The volume each member keeps its datadir on (one PVC per pod, from the StatefulSet's claim template).
 *
 * @param size             a Kubernetes quantity, e.g. {@code 20Gi}
 * @param storageClassName the class to claim from; {@code null} means the cluster's default class
 * @param accessModes      PVC access modes
 */
public record Storage(String size, String storageClassName, List<String> accessModes) {

    public Storage {
        accessModes = List.copyOf(accessModes);
    }

    public Storage withSize(String newSize) {
        return new Storage(newSize, storageClassName, accessModes);
    }

    public Storage withStorageClassName(String className) {
        return new Storage(size, className, accessModes);
    }

    public Storage withAccessModes(List<String> modes) {
        return new Storage(size, storageClassName, modes);
    }
}
