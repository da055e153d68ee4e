package io.galeragen.core.render;

import io.galeragen.core.model.GaleraCluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** Renders a cluster's resource templates to YAML text, one document per template. */
public final class ManifestRenderer {

    private final TemplateEngine engine;

    /** @param templateOverrides a folder whose files replace built-in templates of the same name, or null */
    public ManifestRenderer(Path templateOverrides) {
        TemplateOverrides.requireKnown(templateOverrides);
        this.engine = new TemplateEngine(templateOverrides);
    }

    public List<RenderedTemplate> render(GaleraCluster cluster) {
        ClusterView base = ViewFactory.viewOf(cluster);
        List<ConfigFile> files = TemplateCatalog.CONFIG_FILES.stream()
                .map(file -> new ConfigFile(file.fileName(),
                        file.parsed() ? engine.render(file.templateName(), base) : engine.readFile(file.templateName())))
                .toList();
        ClusterView view = base.withConfigFiles(files, hash(files));
        return TemplateCatalog.RESOURCES.stream()
                .filter(template -> template.included().test(cluster))
                .map(template -> new RenderedTemplate(template.name(), engine.render(template.name(), view)))
                .toList();
    }

    /** The files written beside the manifests (the galera-recover helper), by file name. */
    public SortedMap<String, String> tools() {
        SortedMap<String, String> tools = new TreeMap<>();
        TemplateCatalog.TOOLS.forEach(tool -> tools.put(tool.fileName(), engine.readFile(tool.templateName())));
        return tools;
    }

    private static String hash(List<ConfigFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (ConfigFile file : files) {
                digest.update((file.name() + "\0" + file.content() + "\0").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
