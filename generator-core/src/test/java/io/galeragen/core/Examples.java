package io.galeragen.core;

import io.galeragen.core.model.CephSecret;
import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.Placement;
import io.galeragen.core.model.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The clusters of examples/, built in Java. Each example's values.yaml holds the same settings under the model's key
 * paths; {@code CephRbdExampleTest} checks that both agree and that the rendering matches the committed output.
 */
public final class Examples {

    private Examples() {}

    /** examples/ceph-rbd-3-zones: a ceph-csi RBD class, three zones, one member per node, monitoring, NetworkPolicy. */
    public static GaleraCluster cephRbd3Zones() {
        GaleraCluster defaults = GaleraCluster.defaults();
        return GaleraCluster.builder()
                .name("orders")
                .namespace("shop")
                .replicas(3)
                .storage(Defaults.STORAGE.withSize("50Gi").withStorageClassName("ceph-rbd-galera"))
                .resources(new Resources("2", "4Gi", null, "4Gi"))
                .storageClass(Defaults.STORAGE_CLASS
                        .withCreate(true)
                        .withCephRbd(Defaults.CEPH_RBD
                                .withClusterID("b9127830-b0cc-4e34-aa47-9d1a2e9949a8")
                                .withPool("galera")
                                .withSecrets(new CephSecret("csi-rbd-secret", "ceph-csi"))))
                .topology(Defaults.TOPOLOGY
                        .withAntiAffinity(Placement.REQUIRED)
                        .withZoneSpread(Placement.REQUIRED)
                        .withZones(List.of("zone-a", "zone-b", "zone-c"))
                        .withNodeSelector(Map.of("node-role.example.com/database", "true"))
                        .withTolerations(List.of("dedicated=database:NoSchedule")))
                .monitoring(Defaults.MONITORING
                        .withServiceMonitor(true)
                        .withPrometheusRule(true)
                        .withLabels(Map.of("release", "kube-prometheus-stack")))
                .networkPolicy(Defaults.NETWORK_POLICY
                        .withEnabled(true)
                        .withClientPodLabels(Map.of("app.kubernetes.io/part-of", "shop")))
                .tls(new io.galeragen.core.model.Tls(true, "orders-tls"))
                .initialUsers(defaults.initialUsers()
                        .withDatabase("orders")
                        .withUser("orders_app")
                        .withPassword(io.galeragen.core.model.SecretRef.of("orders-credentials", "app-password")))
                .build();
    }

    /** The repository's examples/ folder, found from the module's working directory. */
    public static Path examplesDir() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("examples");
            if (Files.isDirectory(candidate) && Files.exists(dir.resolve("mvnw"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "examples/ not found above " + Path.of("").toAbsolutePath());
    }
}
