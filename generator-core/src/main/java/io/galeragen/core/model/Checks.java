package io.galeragen.core.model;

import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What every section of the model's checks shares: the problems found so far, each named by its key path, and the
 * checks of forms used in several sections (Secret references, resources, images, labels). Each check reports its
 * own problem and says whether the value passed, so that a section looks no further into a bad value.
 */
final class Checks {

    private final List<Problem> problems = new ArrayList<>();
    /**
     * Secret names derived from a bad cluster name are bad too; the name's own problem says it all. Null while the
     * name is good, so that no Secret name (not even an empty one) is taken for a derived one.
     */
    private String derivedSecretName;

    private String derivedTlsSecretName;

    /** The cluster name is bad: the Secret names derived from it are not reported again. */
    void badClusterName(String name) {
        derivedSecretName = Defaults.secretName(name);
        derivedTlsSecretName = Defaults.tlsSecretName(name);
    }

    /** The TLS Secret name derived from a bad cluster name, else null. */
    String derivedTlsSecretName() {
        return derivedTlsSecretName;
    }

    void add(Problem problem) {
        problems.add(problem);
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    void checkSecret(String path, SecretRef secret) {
        if (notNull(path, secret)) {
            if (derivedSecretName == null || !derivedSecretName.equals(secret.name())) {
                matches(path + ".name", secret.name(), Formats.SECRET_NAME);
            }
            matches(path + ".key", secret.key(), Formats.SECRET_KEY);
        }
    }

    void checkResources(String path, Resources resources) {
        if (notNull(path, resources)) {
            cpu(path + ".cpuRequest", resources.cpuRequest());
            memory(path + ".memoryRequest", resources.memoryRequest());
            cpu(path + ".cpuLimit", resources.cpuLimit());
            memory(path + ".memoryLimit", resources.memoryLimit());
        }
    }

    private void cpu(String path, String value) {
        if (value != null && matches(path, value, Formats.QUANTITY)) {
            inRange(path, value, Quantities.parse(value), Limits.MAX_CPU_CORES, "4096 cores: more than any node has");
        }
    }

    private void memory(String path, String value) {
        if (value != null && matches(path, value, Formats.QUANTITY)) {
            inRange(path, value, Quantities.parse(value), Limits.MAX_MEMORY_BYTES, "64Ti: more than any node has");
        }
    }

    void inRange(String path, String text, BigDecimal value, BigDecimal max, String maxText) {
        if (value.compareTo(max) > 0) {
            problems.add(Problem.badValue(Input.VALUES, path, text, "at most " + maxText));
        } else if (value.signum() > 0 && value.compareTo(Limits.MIN_QUANTITY) < 0) {
            problems.add(Problem.badValue(
                    Input.VALUES, path, text, "0, or at least 1m (Kubernetes rounds a smaller quantity up)"));
        }
    }

    void checkImage(String path, String image, TextFormat format) {
        if (matches(path, image, format) && !hasTagOrDigest(image)) {
            problems.add(Problem.badValue(
                    Input.VALUES,
                    path,
                    image,
                    format.description() + " (no tag means 'latest', which changes under you)"));
        }
    }

    private static boolean hasTagOrDigest(String image) {
        int lastSlash = image.lastIndexOf('/');
        return image.contains("@") || image.indexOf(':', lastSlash + 1) > 0;
    }

    void checkLabels(String path, Map<String, String> labels) {
        if (atMostItems(path, labels.size(), Limits.LABELS, "labels")) {
            new TreeMap<>(labels).forEach((key, value) -> {
                if (checkMetadataKey(path, key)) {
                    matches(path + "." + key, value, Formats.LABEL_VALUE);
                }
            });
        }
    }

    void checkAnnotations(Map<String, String> annotations) {
        if (!atMostItems("annotations", annotations.size(), Limits.ANNOTATIONS, "annotations")) {
            return;
        }
        long bytes = 0;
        for (Map.Entry<String, String> annotation : new TreeMap<>(annotations).entrySet()) {
            checkMetadataKey("annotations", annotation.getKey());
            notNull("annotations." + annotation.getKey(), annotation.getValue());
            bytes += Limits.utf8Bytes(annotation.getKey())
                    + (annotation.getValue() == null ? 0 : Limits.utf8Bytes(annotation.getValue()));
        }
        if (bytes > Limits.ANNOTATIONS_BYTES) {
            problems.add(new Problem(
                    Input.VALUES,
                    "annotations",
                    bytes + " bytes of keys and values are not allowed: at most "
                            + Limits.ANNOTATIONS_BYTES
                            + " (Kubernetes allows 256 KiB of annotations per object; galera-gen's "
                            + "own pod annotation takes " + Limits.RESERVED_ANNOTATION_BYTES + ")"));
        }
    }

    /** A label or annotation key: an optional DNS-subdomain prefix and '/', then a name of at most 63. */
    boolean checkMetadataKey(String path, String key) {
        boolean valid = Formats.isLabelKey(key);
        if (!valid) {
            problems.add(Problem.badValue(Input.VALUES, path, key, Formats.LABEL_KEY_TEXT));
        }
        return valid;
    }

    /** Whether a list or map is within its limit; one problem, and no look at its items, when it is not. */
    boolean atMostItems(String path, int count, int limit, String items) {
        if (count > limit) {
            problems.add(new Problem(Input.VALUES, path, count + " " + items + " are not allowed: at most " + limit));
            return false;
        }
        return true;
    }

    /** Null, then the length, then the syntax: a regular expression never sees an overlong value. */
    boolean matches(String path, String value, TextFormat format) {
        if (value == null) {
            problems.add(Problem.badValue(Input.VALUES, path, null, format.description()));
            return false;
        }
        if (value.length() > format.maxLength()) {
            problems.add(Problem.badValue(Input.VALUES, path, value, format.tooLong()));
            return false;
        }
        if (!format.pattern().matcher(value).matches()) {
            problems.add(Problem.badValue(Input.VALUES, path, value, format.description()));
            return false;
        }
        return true;
    }

    void oneOf(String path, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            problems.add(Problem.badValue(Input.VALUES, path, value, "one of " + sorted(allowed)));
        }
    }

    boolean notNull(String path, Object value) {
        if (value == null) {
            problems.add(new Problem(Input.VALUES, path, "is missing"));
            return false;
        }
        return true;
    }

    static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
