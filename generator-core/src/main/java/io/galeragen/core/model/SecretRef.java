package io.galeragen.core.model;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A key of a Secret that exists in the cluster's namespace; galera-gen never renders the value. */
public record SecretRef(
        @JsonPropertyDescription("Secret name; defaults to <name>-credentials.")
        String name,

        @JsonPropertyDescription("Key in the Secret.") String key) {

    public static SecretRef of(String name, String key) {
        return new SecretRef(name, key);
    }
}
