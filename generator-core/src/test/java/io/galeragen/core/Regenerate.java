package io.galeragen.core;

/**
 * The one switch that rewrites every committed expected output (golden files, the examples' output, the generated
 * docs, the schema bundle) instead of comparing with it: {@value #COMMAND}; then review the diff.
 */
public final class Regenerate {

    public static final String COMMAND = "./mvnw verify -DskipITs -Dgalera.regenerate=true";

    private Regenerate() {}

    public static boolean requested() {
        return Boolean.getBoolean("galera.regenerate");
    }
}
