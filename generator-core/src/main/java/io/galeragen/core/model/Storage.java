package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * The volume each member keeps its datadir on (one PVC per pod, from the StatefulSet's claim template).
 */
public record Storage(
        @JsonPropertyDescription("A Kubernetes quantity, e.g. 20Gi. Also bounds the startup probe: at least 6 "
                + "hours, or the time to copy it at 10 MiB/s.")
        String size,

        @JsonPropertyDescription("The StorageClass to claim from; null means the cluster's default class.")
        String storageClassName,

        @JsonPropertyDescription("PVC access modes, e.g. [ReadWriteOnce].")
        List<String> accessModes) {

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
