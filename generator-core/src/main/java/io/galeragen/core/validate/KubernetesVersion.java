package io.galeragen.core.validate;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes version as the schema folders name it: {@code v1.30.0}. Accepts {@code 1.30}, {@code 1.30.0},
 * {@code v1.30} and {@code v1.30.0}, and kubeconform's {@code master}.
 *
 * @param normalized the folder form, e.g. {@code v1.30.0} or {@code master}
 */
public record KubernetesVersion(String normalized) {

    private static final Pattern VERSION = Pattern.compile("v?(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?");

    public KubernetesVersion {
        if (!normalized.equals("master") && !normalized.matches("v\\d+\\.\\d+\\.\\d+")) {
            throw new IllegalArgumentException("not a normalized Kubernetes version: " + normalized);
        }
    }

    /**
     * @throws GaleraGenException when {@code version} is not of a form above
     */
    public static KubernetesVersion parse(String version) {
        String trimmed = version == null ? "" : version.trim();
        if (trimmed.equals("master")) {
            return new KubernetesVersion("master");
        }
        Matcher matcher = VERSION.matcher(trimmed);
        if (!matcher.matches()) {
            throw new GaleraGenException(
                    Problem.badValue(Input.KUBERNETES_VERSIONS, "", version, "a version like 1.30, 1.30.0 or v1.30.0"));
        }
        String patch = matcher.group(3) == null ? "0" : matcher.group(3);
        return new KubernetesVersion("v" + Integer.parseInt(matcher.group(1)) + "." + Integer.parseInt(matcher.group(2))
                + "." + Integer.parseInt(patch));
    }

    /** Whether both are the same minor release, e.g. v1.34.0 and v1.34.2. */
    public boolean sameMinor(KubernetesVersion other) {
        return minor().equals(other.minor());
    }

    /** How people name the release: {@code 1.34} for v1.34.0, {@code 1.34.2} for v1.34.2, or {@code master}. */
    public String shortName() {
        if (normalized.equals("master")) {
            return normalized;
        }
        return normalized.endsWith(".0") ? minor() : normalized.substring(1);
    }

    private String minor() {
        return normalized.equals("master") ? normalized : normalized.substring(1, normalized.lastIndexOf('.'));
    }

    @Override
    public String toString() {
        return normalized;
    }
}
