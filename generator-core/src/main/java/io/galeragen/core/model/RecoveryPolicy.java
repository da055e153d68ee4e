package io.galeragen.core.model;

/** What init.sh may decide on its own when a pod starts with data and finds no peer. */
public enum RecoveryPolicy implements Spelled {
    /** Always wait for a person. */
    MANUAL("manual"),
    /** Heal automatically only where Galera itself proves it safe; otherwise wait for a person. */
    SAFE("safe"),
    /** The origin script's behaviour: pod 0 force-bootstraps. Can lose acknowledged writes. */
    FORCE_POD0("force-pod0");

    private final String value;

    RecoveryPolicy(String value) {
        this.value = value;
    }

    /** The spelling used in values files and in init.sh's RECOVERY_POLICY. */
    @Override
    public String value() {
        return value;
    }
}
