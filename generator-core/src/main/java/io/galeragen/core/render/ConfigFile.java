package io.galeragen.core.render;

import io.galeragen.core.yaml.YamlText;

/**
 * A file carried by the ConfigMap.
 *
 * @param name      its key in the ConfigMap and its file name when mounted
 * @param content   the full text, LF line ends
 * @param yamlValue the content as the YAML value of a key of the ConfigMap's {@code data} (a literal block indented
 *                  under it), computed once: the static scripts are laid out once per generator, not per render
 */
public record ConfigFile(String name, String content, String yamlValue) {

    /** Entries of {@code data:} sit two spaces in. */
    private static final int DATA_ENTRY_INDENT = 2;

    public static ConfigFile of(String name, String content) {
        return new ConfigFile(name, content, YamlText.blockValue(content, DATA_ENTRY_INDENT));
    }
}
