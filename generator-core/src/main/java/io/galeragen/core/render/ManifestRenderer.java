package io.galeragen.core.render;

import io.galeragen.core.digest.Sha256;
import io.galeragen.core.model.GaleraCluster;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Renders a cluster's resource templates to YAML text, one document per template. The ConfigMap's static files
 * (the scripts) are read, laid out and hashed once per renderer; only galera.cnf is rendered per cluster.
 */
public final class ManifestRenderer {

    private final TemplateEngine engine;
    /** By position in {@link TemplateCatalog#CONFIG_FILES}; null where the file is rendered per cluster. */
    private final List<ConfigFile> staticFiles;

    private final MessageDigest staticFilesDigest;
    private final SortedMap<String, String> tools;

    /** @param templateOverrides a folder whose files replace built-in templates of the same name, or null */
    public ManifestRenderer(Path templateOverrides) {
        TemplateOverrides.requireKnown(templateOverrides);
        engine = new TemplateEngine(templateOverrides);
        staticFiles = TemplateCatalog.CONFIG_FILES.stream()
                .map(file ->
                        file.parsed() ? null : ConfigFile.of(file.fileName(), engine.readFile(file.templateName())))
                .toList();
        staticFilesDigest = Sha256.digest();
        staticFiles.stream().filter(file -> file != null).forEach(file -> update(staticFilesDigest, file));
        SortedMap<String, String> toolFiles = new TreeMap<>();
        TemplateCatalog.TOOLS.forEach(tool -> toolFiles.put(
                tool.fileName(),
                TemplateCatalog.withPlanInserted(
                        engine.readFile(tool.templateName()), engine.readFile(TemplateCatalog.PLAN))));
        tools = Collections.unmodifiableSortedMap(toolFiles);
    }

    public List<RenderedTemplate> render(GaleraCluster cluster) {
        ClusterView base = ViewFactory.viewOf(cluster);
        MessageDigest digest = Sha256.copy(staticFilesDigest);
        List<ConfigFile> files = new ArrayList<>(staticFiles.size());
        for (int i = 0; i < staticFiles.size(); i++) {
            ConfigFile file = staticFiles.get(i);
            if (file == null) {
                TemplateCatalog.FileTemplate template = TemplateCatalog.CONFIG_FILES.get(i);
                file = ConfigFile.of(template.fileName(), engine.render(template.templateName(), base));
                update(digest, file);
            }
            files.add(file);
        }
        ClusterView view = base.withConfigFiles(files, Sha256.hex(digest).substring(0, 16));
        return TemplateCatalog.RESOURCES.stream()
                .filter(template -> template.included().test(cluster))
                .map(template -> new RenderedTemplate(template, engine.render(template.name(), view), view))
                .toList();
    }

    /**
     * The files written beside the manifests (the galera-recover helper), by file name, with the cluster they were
     * generated for as their defaults: a line {@code GENERATED_NAMESPACE=""} becomes {@code GENERATED_NAMESPACE=shop}
     * (likewise {@code GENERATED_STATEFULSET}). Only those lines change; the scripts' logic is not a template.
     */
    public SortedMap<String, String> tools(GaleraCluster cluster) {
        Map<String, String> defaults = Map.of(
                "GENERATED_NAMESPACE",
                cluster.namespace(),
                "GENERATED_STATEFULSET",
                Names.of(cluster.name()).statefulSet());
        SortedMap<String, String> filled = new TreeMap<>();
        tools.forEach((name, text) -> filled.put(name, withDefaults(text, defaults)));
        return filled;
    }

    private static String withDefaults(String script, Map<String, String> defaults) {
        String result = script;
        for (Map.Entry<String, String> entry : defaults.entrySet()) {
            // Namespaces and names are DNS labels: no quoting needed, and single quotes keep it so.
            result = result.replace(
                    "\n" + entry.getKey() + "=\"\"\n", "\n" + entry.getKey() + "='" + entry.getValue() + "'\n");
        }
        return result;
    }

    private static void update(MessageDigest digest, ConfigFile file) {
        Sha256.update(digest, file.name(), file.content());
    }
}
