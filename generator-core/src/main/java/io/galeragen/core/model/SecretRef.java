package io.galeragen.core.model;

/** A key of a Secret that exists in the cluster's namespace; galera-gen never renders the value. */
public record SecretRef(String name, String key) {

    public static SecretRef of(String name, String key) {
        return new SecretRef(name, key);
    }
}
