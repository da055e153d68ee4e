package io.galeragen.core.render;

/**
 * The output of one resource template, before anything reads it back.
 *
 * @param templateName the template it came from
 * @param kind         the kind of the object the template renders
 * @param objectName   the metadata.name the template was given for it
 * @param yaml         its YAML text, exactly as the template wrote it
 */
public record RenderedTemplate(String templateName, String kind, String objectName, String yaml) {

    RenderedTemplate(TemplateCatalog.ResourceTemplate template, String yaml, ClusterView view) {
        this(template.name(), template.kind(), template.objectName().apply(view), yaml);
    }
}
