package io.galeragen.core.output;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Locale;

/**
 * One checked Kubernetes document, ready to be written.
 *
 * @param kind     its kind, e.g. {@code StatefulSet}
 * @param name     its metadata.name
 * @param template the template it was rendered from
 * @param yaml     its canonical YAML text (one document, no leading {@code ---}, LF line ends)
 * @param resource the same document as its fabric8 type
 */
public record Manifest(String kind, String name, String template, String yaml, HasMetadata resource) {

    /** A stable file name for per-resource output: {@code statefulset-db.yaml}. */
    public String fileName() {
        return kind.toLowerCase(Locale.ROOT) + "-" + name + ".yaml";
    }

    /** {@code Kind/name}, how problems and listings name a document. */
    public String id() {
        return kind + "/" + name;
    }
}
