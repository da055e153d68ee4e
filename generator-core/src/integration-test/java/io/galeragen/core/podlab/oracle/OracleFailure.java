package io.galeragen.core.podlab.oracle;

/** What the oracle found wrong, by kind, so that a known defect names the kind it expects. */
public class OracleFailure extends AssertionError {

    /** The kinds of failure a scenario can end in. */
    public enum Kind {
        /** The cluster did not come back by itself within the bound (liveness). */
        NOT_HEALED,
        /** An acknowledged row is missing on a member (durability). */
        ROWS_LOST,
        /** Members disagree: rows, checksums or cluster state uuid (consistency). */
        DIVERGED,
        /** Two Primary components accepted writes at the same moment (safety). */
        SPLIT_BRAIN
    }

    private final Kind kind;

    public OracleFailure(Kind kind, String message) {
        super(kind + ": " + message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
