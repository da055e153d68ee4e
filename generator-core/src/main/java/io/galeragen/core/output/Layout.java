package io.galeragen.core.output;

import io.galeragen.core.model.Spelled;
import java.util.Optional;

/** How the documents are laid out on disk. */
public enum Layout implements Spelled {
    /** One multi-document file, {@value OutputFiles#SINGLE_FILE}, for {@code kubectl apply -f}. */
    SINGLE("single"),
    /** One file per resource ({@code statefulset-db.yaml}) and a kustomization.yaml listing them in install order. */
    PER_RESOURCE("per-resource");

    private final String value;

    Layout(String value) {
        this.value = value;
    }

    /** The spelling in POMs and requests. */
    @Override
    public String value() {
        return value;
    }

    public static Optional<Layout> fromValue(String value) {
        return Spelled.fromValue(Layout.class, value);
    }
}
