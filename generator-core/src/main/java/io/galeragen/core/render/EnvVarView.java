package io.galeragen.core.render;

/**
 * One environment variable of a container: a plain value or a field of the pod. Secrets are never variables: they
 * are files of the credentials volume ({@link CredentialFile}), and a variable may name one.
 *
 * @param name      the variable's name
 * @param value     its value, or {@code null} when it comes from a field
 * @param fieldPath a field of the pod (downward API), e.g. {@code metadata.name}, or {@code null}
 */
public record EnvVarView(String name, String value, String fieldPath) {

    static EnvVarView plain(String name, String value) {
        return new EnvVarView(name, value, null);
    }

    static EnvVarView field(String name, String fieldPath) {
        return new EnvVarView(name, null, fieldPath);
    }

    public boolean fromField() {
        return fieldPath != null;
    }
}
