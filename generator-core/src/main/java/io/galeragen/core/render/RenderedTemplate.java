package io.galeragen.core.render;

/**
 * The raw output of one resource template, before it is parsed and checked.
 *
 * @param templateName the template it came from
 * @param yaml         its YAML text
 */
public record RenderedTemplate(String templateName, String yaml) {
}
