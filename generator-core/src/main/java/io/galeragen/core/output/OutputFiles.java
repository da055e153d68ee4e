package io.galeragen.core.output;

import io.galeragen.core.yaml.Yaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The files a rendering becomes, by name relative to the output folder, with their exact text. */
public final class OutputFiles {

    public static final String SINGLE_FILE = "galera.yaml";
    public static final String KUSTOMIZATION = "kustomization.yaml";

    private OutputFiles() {}

    public static SortedMap<String, String> of(List<Manifest> manifests, Layout layout) {
        SortedMap<String, String> files = new TreeMap<>();
        if (layout == Layout.SINGLE) {
            files.put(SINGLE_FILE, CombinedYaml.of(manifests));
            return files;
        }
        for (Manifest manifest : manifests) {
            String previous = files.put(
                    manifest.fileName(),
                    CombinedYaml.HEADER + "# Source: " + manifest.template() + "\n" + manifest.yaml());
            if (previous != null) {
                throw new IllegalStateException("two documents share the file name " + manifest.fileName());
            }
        }
        files.put(KUSTOMIZATION, kustomization(manifests));
        return files;
    }

    /** Lists the resource files in install order, which kustomize keeps. */
    private static String kustomization(List<Manifest> manifests) {
        Map<String, Object> kustomization = new LinkedHashMap<>();
        kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        kustomization.put("kind", "Kustomization");
        kustomization.put(
                "resources", manifests.stream().map(Manifest::fileName).toList());
        return CombinedYaml.HEADER + Yaml.write(kustomization);
    }
}
