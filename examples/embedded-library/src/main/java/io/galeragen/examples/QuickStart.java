package io.galeragen.examples;

import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Generated;
import io.galeragen.core.GenerationRequest;
import io.galeragen.core.Rendering;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.output.Layout;
import io.galeragen.core.output.Notes;
import io.galeragen.core.values.ValuesSource;
import java.nio.file.Path;
import java.util.List;

/** Usage: QuickStart VALUES_FILE OUTPUT_FOLDER (README.md, "Using the library"; compiled and run by the build). */
public final class QuickStart {

    public static void main(String[] args) {
        // Build once, reuse: thread-safe. Validates against the bundled schemas of Kubernetes 1.34, 1.35, 1.36.
        GaleraGenerator generator = GaleraGenerator.builder().build();

        // A cluster from the typed model.
        Rendering rendering = generator.render(GaleraCluster.builder()
                .name("orders")
                .namespace("shop")
                .replicas(3)
                .storage(Defaults.STORAGE.withSize("50Gi").withStorageClassName("ceph-rbd"))
                .build());
        rendering.manifests(); // kind, name, YAML text and fabric8 object of each document, in install order
        rendering.warnings(); // e.g. "losing one zone loses quorum"
        rendering.tools(); // galera-recover, to keep beside the manifests
        System.out.print(Notes.secretsSection(rendering.secrets())); // the Secrets to create, with a command

        // Or from values files, Helm-style, writing files as the plugin does (all or nothing, only changed bytes).
        List<ValuesSource> values = List.of(ValuesSource.file(Path.of(args[0]), args[0]));
        GenerationRequest request =
                GenerationRequest.of(values, Path.of(args[1])).withLayout(Layout.PER_RESOURCE);
        try {
            Generated generated = generator.generate(request); // manifests, kustomization.yaml, NOTES.txt
            System.out.println(generated.files().written().size() + " files written to " + args[1]);
            System.out.println(generator.check(request).isEmpty() ? "no drift" : "drift");
        } catch (GaleraGenException invalid) {
            System.err.println(invalid.getMessage()); // every problem with its file, line and key path
            System.exit(1);
        }
    }
}
