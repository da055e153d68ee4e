package io.galeragen.core.model;

/** How strictly the scheduler must honour a spreading rule. */
public enum Placement implements Spelled {
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

    @Override
    public String value() {
        return value;
    }
}
