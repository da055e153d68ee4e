package io.galeragen.core.error;

/**
 * Which input of a run a {@link Problem} is about, so that a front end names it in its own words (the Maven plugin
 * as its POM element) without reading the message. Every front end maps each constant: a new one must be named.
 */
public enum Input {
    /** A values key, wherever it was written: the problem's subject names the file and line (or setting) and path. */
    VALUES(""),
    /** A values file as a whole: missing, a folder, unreadable. */
    VALUES_FILE(""),
    /** A Kubernetes version to validate against. */
    KUBERNETES_VERSIONS("Kubernetes version"),
    /** A schema location as written. */
    SCHEMA_LOCATIONS("schema location"),
    /** A schema read through a schema location: the subject is its URL or file. */
    SCHEMA(""),
    /** The folder fetched schemas are cached in: the subject is the file. */
    SCHEMA_CACHE(""),
    /** The template override folder. */
    TEMPLATES_DIRECTORY("templatesDirectory"),
    /** A template, built in or overridden, that failed to render. */
    TEMPLATE("template"),
    /** A document the templates rendered: the subject is its kind and name, or template, and path. */
    RENDERED(""),
    /** A manifest file given to check: the subject is the file, then the document and path. */
    MANIFEST_FILES(""),
    /** The output folder. */
    OUTPUT_DIRECTORY("outputDirectory"),
    /** A file in or beside the output folder that cannot be written: the subject is the file. */
    OUTPUT_FILE(""),
    /** Where the values schema is written. */
    VALUES_SCHEMA_FILE("valuesSchemaFile"),
    /** The output layout. */
    LAYOUT("layout");

    private final String label;

    Input(String label) {
        this.label = label;
    }

    /** How the core names this input before a problem's subject ({@code schema location /s}); empty for none. */
    public String label() {
        return label;
    }
}
