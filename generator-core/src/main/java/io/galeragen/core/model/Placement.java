package io.galeragen.core.model;

import java.util.Arrays;
import java.util.Optional;

/** How strictly the scheduler must honour a spreading rule. */
public enum Placement {
    /** A hard rule: a pod that cannot be placed by it stays Pending. */
    REQUIRED("required"),
    /** A soft rule: the scheduler tries, and places the pod anyway when it cannot. */
    PREFERRED("preferred"),
    /** No rule. */
    NONE("none");

    private final String value;

    Placement(String value) {
        this.value = value;
    }

    /** The spelling used in values files. */
    public String value() {
        return value;
    }

    public static Optional<Placement> fromValue(String value) {
        return Arrays.stream(values()).filter(placement -> placement.value.equals(value)).findFirst();
    }
}
