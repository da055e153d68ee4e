package io.galeragen.core.render;

import io.galeragen.core.model.SecretRef;

/**
 * One file of the pod's credentials volume: a key of a Secret, mounted read-only under {@link #DIR}. Containers read
 * passwords from these files (the image's {@code *_FILE} variables), never from their environment.
 *
 * @param file       the file name under {@link #DIR}
 * @param secretName the Secret
 * @param key        its key
 * @param optional   whether the pod starts without it (the exporter's credential only)
 */
public record CredentialFile(String file, String secretName, String key, boolean optional) {

    /** Where the credentials volume is mounted. */
    public static final String DIR = "/etc/galera-credentials";

    static CredentialFile of(String file, SecretRef secret, boolean optional) {
        return new CredentialFile(file, secret.name(), secret.key(), optional);
    }

    /** The file's path in the containers. */
    public String path() {
        return DIR + "/" + file;
    }
}
