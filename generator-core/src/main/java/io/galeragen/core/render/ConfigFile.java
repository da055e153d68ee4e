package io.galeragen.core.render;

import java.util.List;

/**
 * A file carried by the ConfigMap.
 *
 * @param name    its key in the ConfigMap and its file name when mounted
 * @param content the full text, LF line ends
 */
public record ConfigFile(String name, String content) {

    /** The lines of the content, for templates that lay it out as a YAML block. */
    public List<String> lines() {
        return content.lines().toList();
    }
}
