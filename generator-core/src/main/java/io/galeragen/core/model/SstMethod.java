package io.galeragen.core.model;

/** How a joiner that cannot use IST receives a full copy of the data (wsrep_sst_method). */
public enum SstMethod implements Spelled {
    /** Does not block the donor; needs an SST user. */
    MARIABACKUP("mariabackup"),
    /** Blocks the donor for the whole transfer; needs no user. */
    RSYNC("rsync");

    private final String value;

    SstMethod(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
