package io.galeragen.core.model;

import java.util.Arrays;
import java.util.Optional;

/** How a joiner that cannot use IST receives a full copy of the data (wsrep_sst_method). */
public enum SstMethod {
    /** Does not block the donor; needs an SST user. */
    MARIABACKUP("mariabackup"),
    /** Blocks the donor for the whole transfer; needs no user. */
    RSYNC("rsync");

    private final String value;

    SstMethod(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<SstMethod> fromValue(String value) {
        return Arrays.stream(values()).filter(method -> method.value.equals(value)).findFirst();
    }
}
