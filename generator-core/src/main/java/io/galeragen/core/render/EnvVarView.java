package io.galeragen.core.render;

/**
 * One environment variable of a container: a plain value, or a key of a Secret (never the secret itself).
 *
 * @param name       the variable's name
 * @param value      its value, or {@code null} when it comes from a Secret
 * @param secretName the Secret's name, or {@code null}
 * @param secretKey  the Secret's key, or {@code null}
 * @param fieldPath  a field of the pod (downward API), e.g. {@code metadata.name}, or {@code null}
 */
public record EnvVarView(String name, String value, String secretName, String secretKey, String fieldPath) {

    static EnvVarView plain(String name, String value) {
        return new EnvVarView(name, value, null, null, null);
    }

    static EnvVarView fromSecret(String name, io.galeragen.core.model.SecretRef secret) {
        return new EnvVarView(name, null, secret.name(), secret.key(), null);
    }

    static EnvVarView field(String name, String fieldPath) {
        return new EnvVarView(name, null, null, null, fieldPath);
    }

    public boolean fromField() {
        return fieldPath != null;
    }

    public boolean fromSecret() {
        return secretName != null;
    }
}
