package io.galeragen.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defaults and key-path validation of the production settings. */
class ProductionModelTest {

    private static final CephRbd VALID_RBD =
            Defaults.CEPH_RBD.withClusterID("ceph-1").withPool("galera");

    @Test
    void productionDefaults() {
        GaleraCluster cluster = GaleraCluster.builder().name("orders").build();

        assertThat(cluster.storageClass().create()).isFalse();
        assertThat(cluster.storageClass().reclaimPolicy()).isEqualTo("Retain");
        assertThat(cluster.storageClass().allowVolumeExpansion()).isTrue();
        assertThat(cluster.storageClass().volumeBindingMode()).isEqualTo("WaitForFirstConsumer");
        assertThat(cluster.storageClass().cephRbd().provisioner()).isEqualTo("rbd.csi.ceph.com");
        assertThat(cluster.storageClass().cephRbd().imageFeatures()).isEqualTo("layering");
        assertThat(cluster.storageClass().cephRbd().fsType()).isEqualTo("ext4");
        assertThat(cluster.topology().antiAffinity()).isEqualTo(Placement.REQUIRED);
        assertThat(cluster.topology().zoneSpread()).isEqualTo(Placement.PREFERRED);
        assertThat(cluster.topology().zones()).isEmpty();
        assertThat(cluster.podDisruptionBudget()).isEqualTo(new DisruptionBudget(true, 1));
        assertThat(cluster.monitoring().serviceMonitor()).isFalse();
        assertThat(cluster.monitoring().prometheusRule()).isFalse();
        assertThat(cluster.monitoring().alertFor()).isEqualTo("5m");
        assertThat(cluster.networkPolicy().enabled()).isTrue();
        assertThat(cluster.networkPolicy().monitoringNamespace()).isEqualTo("monitoring");
        assertThat(cluster.security()).isEqualTo(new Security(999, 999, 999));
        assertThat(cluster.tls()).isEqualTo(new Tls(false, "orders-tls"));
        assertThat(cluster.initialUsers())
                .isEqualTo(
                        new InitialUsers("localhost", null, null, SecretRef.of("orders-credentials", "app-password")));
        assertThat(cluster.arbitrator().enabled()).isFalse();
        assertThat(cluster.arbitrator().image()).isEqualTo(Defaults.MARIADB_IMAGE);
        assertThat(cluster.galera().applierThreads()).isZero();
        assertThat(cluster.galera().gcacheSize()).isNull();
        assertThat(cluster.effectiveApplierThreads()).isEqualTo(1);
        assertThat(cluster.effectiveGcacheSize()).isEqualTo("128M");
        assertThat(cluster.memoryBudget().bufferPoolSize()).isEqualTo("128M");
        assertThat(cluster.memoryBudget().fits()).isTrue();
        assertThat(cluster.votes()).isEqualTo(3);
    }

    @Test
    void inTreeRbdIsRejectedWithWhatToUseInstead() {
        GaleraGenException error = rejected(builder -> builder.storageClass(
                Defaults.STORAGE_CLASS.withCephRbd(VALID_RBD.withProvisioner("kubernetes.io/rbd"))));

        assertThat(error.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo("storageClass.cephRbd.provisioner");
            assertThat(problem.message())
                    .contains(
                            "\"kubernetes.io/rbd\"",
                            "removed in 1.31",
                            "rbd.csi.ceph.com",
                            "<operator-namespace>.rbd.csi.ceph.com");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"rbd.csi.ceph.com", "rook-ceph.rbd.csi.ceph.com", "storage.rbd.csi.ceph.com"})
    void cephCsiProvisionersAreAccepted(String provisioner) {
        GaleraCluster cluster = GaleraCluster.builder()
                .storage(Defaults.STORAGE.withStorageClassName("rbd"))
                .storageClass(
                        Defaults.STORAGE_CLASS.withCreate(true).withCephRbd(VALID_RBD.withProvisioner(provisioner)))
                .build();

        assertThat(cluster.storageClass().cephRbd().provisioner()).isEqualTo(provisioner);
    }

    @Test
    void aGeneratedClassNeedsANameAClusterIdAndAPool() {
        GaleraGenException error = rejected(builder ->
                builder.storageClass(Defaults.STORAGE_CLASS.withCreate(true).withReclaimPolicy("Recycle")));

        assertThat(error.problems())
                .extracting(Problem::where)
                .containsExactly(
                        "storageClass.reclaimPolicy",
                        "storage.storageClassName",
                        "storageClass.cephRbd.clusterID",
                        "storageClass.cephRbd.pool");
        assertThat(error.problems().get(0).message()).contains("\"Recycle\"", "[Delete, Retain]");
    }

    @Test
    void cephSecretsAndFsTypeAreChecked() {
        GaleraGenException error = rejected(builder -> builder.storage(Defaults.STORAGE.withStorageClassName("rbd"))
                .storageClass(Defaults.STORAGE_CLASS
                        .withCreate(true)
                        .withCephRbd(VALID_RBD
                                .withFsType("btrfs")
                                .withSecrets(new CephSecret("csi-rbd-secret", "Ceph CSI")))));

        assertThat(error.problems())
                .extracting(Problem::where)
                .containsExactly(
                        "storageClass.cephRbd.fsType",
                        "storageClass.cephRbd.provisionerSecret.namespace",
                        "storageClass.cephRbd.controllerExpandSecret.namespace",
                        "storageClass.cephRbd.nodeStageSecret.namespace");
    }

    @Test
    void topologyValuesAreChecked() {
        GaleraGenException error = rejected(builder -> builder.topology(Defaults.TOPOLOGY
                .withZones(List.of("zone-a", "zone-a", "zone b"))
                .withNodeCount(-1)
                .withTolerations(List.of("dedicated=database:NoSchedule", "dedicated=db:Sometimes"))
                .withPriorityClassName("High")));

        assertThat(error.problems())
                .extracting(Problem::where)
                .containsExactly(
                        "topology.zones[1]",
                        "topology.zones[2]",
                        "topology.nodeCount",
                        "topology.tolerations[1]",
                        "topology.priorityClassName");
        assertThat(error.problems().get(3).message()).contains("key=value:Effect", "NoSchedule");
    }

    @Test
    void tolerationsParseKubectlTaintSyntax() {
        assertThat(Toleration.parse("dedicated=database:NoSchedule"))
                .contains(new Toleration("dedicated", "Equal", "database", "NoSchedule"));
        assertThat(Toleration.parse("example.com/db:NoExecute"))
                .contains(new Toleration("example.com/db", "Exists", null, "NoExecute"));
        assertThat(Toleration.parse("gpu")).contains(new Toleration("gpu", "Exists", null, null));
        assertThat(Toleration.parse("a=b=c")).isEmpty();
    }

    @Test
    void disruptionBudgetMustAllowADrainButNotEveryMember() {
        assertThat(rejected(builder -> builder.podDisruptionBudget(new DisruptionBudget(true, 0)))
                        .problems())
                .containsExactly(Problem.badValue(
                        Input.VALUES,
                        "podDisruptionBudget.maxUnavailable",
                        0,
                        "at least 1 (0 blocks every node drain forever)"));
        assertThat(rejected(builder -> builder.podDisruptionBudget(new DisruptionBudget(true, 3)))
                        .problems())
                .extracting(Problem::where)
                .containsExactly("podDisruptionBudget.maxUnavailable");
    }

    @Test
    void monitoringNeedsTheExporterAndGalera() {
        Exporter off = new Exporter(false, 9104, SecretRef.of("mariadb-credentials", "exporter-my.cnf"));
        GaleraGenException error = rejected(builder -> builder.replicas(1)
                .exporter(off)
                .monitoring(Defaults.MONITORING.withServiceMonitor(true).withPrometheusRule(true)));

        assertThat(error.problems())
                .extracting(Problem::where)
                .containsExactly("monitoring.serviceMonitor", "monitoring.prometheusRule", "monitoring.prometheusRule");
        assertThat(error.problems().get(2).message()).contains("replicas of 2 or more");
    }

    @Test
    void monitoringDurationsAndLabelsAreChecked() {
        GaleraGenException error = rejected(builder -> builder.monitoring(
                new Monitoring(true, true, "30 seconds", "5", Map.of("release", "kube prometheus"))));

        assertThat(error.problems())
                .extracting(Problem::where)
                .containsExactly("monitoring.scrapeInterval", "monitoring.alertFor", "monitoring.labels.release");
    }

    @Test
    void securityMustNotBeRoot() {
        assertThat(rejected(builder -> builder.security(new Security(0, 999, 999)))
                        .problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.where()).isEqualTo("security.runAsUser");
                    assertThat(problem.message()).contains("non-root");
                });
    }

    @Test
    void initialUsersAreChecked() {
        InitialUsers users = GaleraCluster.defaults().initialUsers();
        GaleraGenException error = rejected(builder -> builder.initialUsers(
                users.withRootHost("10.0.0.0/8'").withDatabase("orders-db").withUser("root")));

        assertThat(error.problems())
                .extracting(Problem::where)
                .containsExactly("initialUsers.rootHost", "initialUsers.database", "initialUsers.user");
    }

    @Test
    void networkPolicyAndTlsNamesAreChecked() {
        GaleraGenException error = rejected(builder -> builder.networkPolicy(Defaults.NETWORK_POLICY
                        .withEnabled(true)
                        .withMonitoringNamespace("Monitoring")
                        .withClientPodLabels(Map.of("app", "web shop")))
                .tls(new Tls(true, "Orders_TLS")));

        assertThat(error.problems())
                .extracting(Problem::where)
                .containsExactly(
                        "networkPolicy.clientPodLabels.app", "networkPolicy.monitoringNamespace", "tls.secretName");
    }

    @Test
    void anArbitratorNeedsGalera() {
        GaleraGenException error = rejected(builder -> builder.replicas(1)
                .arbitrator(Defaults.ARBITRATOR.withEnabled(true).withImage("garbd")));

        assertThat(error.problems())
                .extracting(Problem::where)
                .containsExactly("arbitrator.image", "arbitrator.enabled");
        assertThat(GaleraCluster.builder()
                        .replicas(2)
                        .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                        .build()
                        .votes())
                .isEqualTo(3);
    }

    @Test
    void explicitTuningIsChecked() {
        GaleraSettings galera = GaleraCluster.defaults().galera();
        GaleraGenException error = rejected(builder -> builder.galera(new GaleraSettings(
                galera.sstMethod(), galera.sstCredentials(), galera.sstUser(), -1, "2GB", Map.of(), List.of())));

        assertThat(error.problems())
                .extracting(Problem::where)
                .containsExactly("galera.applierThreads", "galera.gcacheSize");
    }

    private static GaleraGenException rejected(UnaryOperator<GaleraCluster.Builder> change) {
        return catchThrowableOfType(
                GaleraGenException.class,
                () -> change.apply(GaleraCluster.builder()).build());
    }
}
