package io.galeragen.core.render;

import static io.galeragen.core.Renderings.container;
import static io.galeragen.core.Renderings.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.galeragen.core.Examples;
import io.galeragen.core.GaleraGenerator;
import io.galeragen.core.Rendering;
import io.galeragen.core.TestSchemas;
import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.GaleraSettings;
import io.galeragen.core.model.MemoryBudget;
import io.galeragen.core.model.Placement;
import io.galeragen.core.model.Resources;
import io.galeragen.core.model.SecretRef;
import io.galeragen.core.model.SstMethod;
import io.galeragen.core.model.Tls;
import io.galeragen.core.output.Manifest;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Renders the production features and asserts the fields of the parsed, schema-validated (1.28–1.33) objects. */
class ProductionRenderingTest {

    private static final GaleraGenerator GENERATOR = TestSchemas.validatingGenerator();
    private static final Map<String, String> SELECTOR_OF_DEFAULTS =
            Map.of("app.kubernetes.io/name", "mariadb-galera", "app.kubernetes.io/instance", "mariadb");
    private static final Map<String, String> SELECTOR =
            Map.of("app.kubernetes.io/name", "mariadb-galera", "app.kubernetes.io/instance", "orders");

    private static Rendering example() {
        return GENERATOR.render(Examples.cephRbd3Zones());
    }

    private static PodSpec podSpec(Rendering rendering) {
        return resource(rendering, StatefulSet.class).getSpec().getTemplate().getSpec();
    }

    // ---- 1. Ceph RBD ----

    @Test
    void cephRbdStorageClassCarriesEveryCsiParameterAndRetainsData() {
        Rendering rendering = example();
        StorageClass storageClass = resource(rendering, StorageClass.class);

        assertThat(storageClass.getMetadata().getName()).isEqualTo("ceph-rbd-galera");
        assertThat(storageClass.getMetadata().getNamespace()).isNull();
        assertThat(storageClass.getProvisioner()).isEqualTo("rbd.csi.ceph.com");
        assertThat(storageClass.getReclaimPolicy()).isEqualTo("Retain");
        assertThat(storageClass.getAllowVolumeExpansion()).isTrue();
        assertThat(storageClass.getVolumeBindingMode()).isEqualTo("WaitForFirstConsumer");
        assertThat(storageClass.getParameters())
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("clusterID", "b9127830-b0cc-4e34-aa47-9d1a2e9949a8"),
                        Map.entry("pool", "galera"),
                        Map.entry("imageFeatures", "layering"),
                        Map.entry("csi.storage.k8s.io/fstype", "ext4"),
                        Map.entry("csi.storage.k8s.io/provisioner-secret-name", "csi-rbd-secret"),
                        Map.entry("csi.storage.k8s.io/provisioner-secret-namespace", "ceph-csi"),
                        Map.entry("csi.storage.k8s.io/controller-expand-secret-name", "csi-rbd-secret"),
                        Map.entry("csi.storage.k8s.io/controller-expand-secret-namespace", "ceph-csi"),
                        Map.entry("csi.storage.k8s.io/node-stage-secret-name", "csi-rbd-secret"),
                        Map.entry("csi.storage.k8s.io/node-stage-secret-namespace", "ceph-csi")));
        assertThat(resource(rendering, StatefulSet.class)
                        .getSpec()
                        .getVolumeClaimTemplates()
                        .get(0)
                        .getSpec()
                        .getStorageClassName())
                .isEqualTo("ceph-rbd-galera");
    }

    @Test
    void rookProvisionerDataPoolAndXfsAreRendered() {
        GaleraCluster example = Examples.cephRbd3Zones();
        GaleraCluster rook = example.toBuilder()
                .storageClass(example.storageClass()
                        .withCephRbd(example.storageClass()
                                .cephRbd()
                                .withProvisioner("rook-ceph.rbd.csi.ceph.com")
                                .withClusterID("rook-ceph")
                                .withDataPool("galera-ec")
                                .withFsType("xfs")))
                .build();

        StorageClass storageClass = resource(GENERATOR.render(rook), StorageClass.class);

        assertThat(storageClass.getProvisioner()).isEqualTo("rook-ceph.rbd.csi.ceph.com");
        assertThat(storageClass.getParameters())
                .containsEntry("clusterID", "rook-ceph")
                .containsEntry("dataPool", "galera-ec")
                .containsEntry("csi.storage.k8s.io/fstype", "xfs");
    }

    @Test
    void anExistingClassIsOnlyReferenced() {
        Rendering rendering = GENERATOR.render(GaleraCluster.builder()
                .storage(Defaults.STORAGE.withStorageClassName("existing-rbd"))
                .build());

        assertThat(rendering.manifests()).extracting(Manifest::kind).doesNotContain("StorageClass");
        assertThat(resource(rendering, StatefulSet.class)
                        .getSpec()
                        .getVolumeClaimTemplates()
                        .get(0)
                        .getSpec()
                        .getStorageClassName())
                .isEqualTo("existing-rbd");
    }

    // ---- 2. Spreading ----

    @Test
    void requiredAntiAffinityZoneSpreadZonesNodeSelectorAndTolerations() {
        PodSpec pod = podSpec(example());

        assertThat(pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                .singleElement()
                .satisfies(term -> {
                    assertThat(term.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(term.getLabelSelector().getMatchLabels()).isEqualTo(SELECTOR);
                });
        assertThat(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                .isNullOrEmpty();
        assertThat(pod.getAffinity()
                        .getNodeAffinity()
                        .getRequiredDuringSchedulingIgnoredDuringExecution()
                        .getNodeSelectorTerms())
                .singleElement()
                .satisfies(term -> assertThat(term.getMatchExpressions())
                        .singleElement()
                        .satisfies(expression -> {
                            assertThat(expression.getKey()).isEqualTo("topology.kubernetes.io/zone");
                            assertThat(expression.getOperator()).isEqualTo("In");
                            assertThat(expression.getValues()).containsExactly("zone-a", "zone-b", "zone-c");
                        }));
        assertThat(pod.getTopologySpreadConstraints()).singleElement().satisfies(constraint -> {
            assertThat(constraint.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
            assertThat(constraint.getMaxSkew()).isEqualTo(1);
            assertThat(constraint.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
            assertThat(constraint.getMinDomains()).isEqualTo(3);
            assertThat(constraint.getLabelSelector().getMatchLabels()).isEqualTo(SELECTOR);
        });
        assertThat(pod.getNodeSelector()).containsExactly(Map.entry("node-role.example.com/database", "true"));
        assertThat(pod.getTolerations()).singleElement().satisfies(toleration -> {
            assertThat(toleration.getKey()).isEqualTo("dedicated");
            assertThat(toleration.getOperator()).isEqualTo("Equal");
            assertThat(toleration.getValue()).isEqualTo("database");
            assertThat(toleration.getEffect()).isEqualTo("NoSchedule");
        });
    }

    @Test
    void defaultsAreRequiredAntiAffinityAndAPreferredZoneSpread() {
        PodSpec pod = podSpec(GENERATOR.render(GaleraCluster.defaults()));

        assertThat(pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                .hasSize(1);
        assertThat(pod.getAffinity().getNodeAffinity()).isNull();
        assertThat(pod.getTopologySpreadConstraints())
                .extracting(
                        TopologySpreadConstraint::getWhenUnsatisfiable,
                        TopologySpreadConstraint::getMaxSkew,
                        TopologySpreadConstraint::getMinDomains)
                .containsExactly(tuple("ScheduleAnyway", 1, null));
        assertThat(pod.getNodeSelector()).isNullOrEmpty();
        assertThat(pod.getTolerations()).isNullOrEmpty();
        assertThat(pod.getPriorityClassName()).isNull();
    }

    @Test
    void preferredAndNoneAntiAffinityAndPriorityClass() {
        PodSpec preferred = podSpec(GENERATOR.render(GaleraCluster.builder()
                .topology(Defaults.TOPOLOGY
                        .withAntiAffinity(Placement.PREFERRED)
                        .withTolerations(List.of("dedicated:NoExecute", "gpu"))
                        .withPriorityClassName("database-critical"))
                .build()));
        PodSpec none = podSpec(GENERATOR.render(GaleraCluster.builder()
                .topology(Defaults.TOPOLOGY.withAntiAffinity(Placement.NONE).withZoneSpread(Placement.NONE))
                .build()));

        assertThat(preferred.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())
                .isNullOrEmpty();
        assertThat(preferred.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
                .singleElement()
                .satisfies(term -> {
                    assertThat(term.getWeight()).isEqualTo(100);
                    assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                });
        assertThat(preferred.getTolerations())
                .extracting("key", "operator", "value", "effect")
                .containsExactly(tuple("dedicated", "Exists", null, "NoExecute"), tuple("gpu", "Exists", null, null));
        assertThat(preferred.getPriorityClassName()).isEqualTo("database-critical");
        assertThat(none.getAffinity()).isNull();
        assertThat(none.getTopologySpreadConstraints()).isNullOrEmpty();
    }

    @Test
    void quorumWarningsReachTheRendering() {
        Rendering twoZones = GENERATOR.render(GaleraCluster.builder()
                .topology(Defaults.TOPOLOGY.withZones(List.of("a", "b")).withNodeCount(2))
                .build());

        assertThat(twoZones.warnings())
                .anySatisfy(warning -> assertThat(warning)
                        .startsWith("topology.zones: ")
                        .contains("3 members over 2 zones", "leaves 1 of 3 votes"));
        assertThat(twoZones.warnings())
                .anySatisfy(warning -> assertThat(warning)
                        .startsWith("topology.antiAffinity: ")
                        .contains("1 pod will stay Pending"));
        assertThat(example().warnings()).isEmpty();
    }

    // ---- 3. PodDisruptionBudget ----

    @Test
    void disruptionBudgetLetsOneMemberGoAtATime() {
        PodDisruptionBudget budget = resource(example(), PodDisruptionBudget.class);

        assertThat(budget.getMetadata().getName()).isEqualTo("orders");
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getMinAvailable()).isNull();
        assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(SELECTOR);
        assertThat(GENERATOR.render(GaleraCluster.builder().replicas(1).build()).manifests())
                .extracting(Manifest::kind)
                .doesNotContain("PodDisruptionBudget");
    }

    // ---- 4. Monitoring ----

    @Test
    void serviceMonitorScrapesEveryMemberThroughTheMetricsService() {
        Rendering rendering = example();
        ServiceMonitor monitor = resource(rendering, ServiceMonitor.class);
        io.fabric8.kubernetes.api.model.Service metrics =
                resource(rendering, io.fabric8.kubernetes.api.model.Service.class, "orders-metrics");

        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(monitor.getSpec().getNamespaceSelector().getMatchNames()).containsExactly("shop");
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPort()).isEqualTo("metrics");
            assertThat(endpoint.getInterval()).isEqualTo("30s");
        });
        assertThat(metrics.getMetadata().getLabels())
                .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
        assertThat(metrics.getSpec().getPublishNotReadyAddresses()).isTrue();
        assertThat(metrics.getSpec().getSelector()).isEqualTo(SELECTOR);
        assertThat(metrics.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(9104);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("metrics");
        });
        // Only the metrics Service carries the metrics component label the ServiceMonitor selects.
        assertThat(rendering.manifests())
                .filteredOn(manifest -> manifest.kind().equals("Service"))
                .filteredOn(manifest -> manifest.resource()
                        .getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(
                                monitor.getSpec().getSelector().getMatchLabels().entrySet()))
                .extracting(Manifest::name)
                .containsExactly("orders-metrics");
    }

    @Test
    void prometheusRuleHasTheGaleraAlerts() {
        PrometheusRule rule = resource(example(), PrometheusRule.class);
        List<Rule> rules = rule.getSpec().getGroups().get(0).getRules();
        String members = "{namespace=\"shop\",pod=~\"orders-[0-9]+\"}";

        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
        assertThat(rules)
                .extracting(Rule::getAlert, r -> r.getExpr().getStrVal(), Rule::getFor)
                .containsExactly(
                        tuple(
                                "GaleraClusterSizeBelowExpected",
                                "mysql_global_status_wsrep_cluster_size" + members + " < 3",
                                "5m"),
                        tuple(
                                "GaleraMetricsAbsent",
                                "absent(mysql_global_status_wsrep_cluster_size" + members + ")",
                                "5m"),
                        tuple("GaleraNodeNotReady", "mysql_global_status_wsrep_ready" + members + " != 1", "5m"),
                        tuple(
                                "GaleraNodeNotSynced",
                                "mysql_global_status_wsrep_local_state" + members + " != 4",
                                "5m"));
        assertThat(rules).allSatisfy(r -> assertThat(r.getLabels()).containsKey("severity"));
    }

    @Test
    void withAnArbitratorTheExpectedClusterSizeCountsIt() {
        GaleraCluster cluster = GaleraCluster.builder()
                .replicas(2)
                .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                .monitoring(Defaults.MONITORING.withPrometheusRule(true))
                .build();

        Rule size = resource(GENERATOR.render(cluster), PrometheusRule.class)
                .getSpec()
                .getGroups()
                .get(0)
                .getRules()
                .get(0);

        assertThat(size.getExpr().getStrVal()).endsWith(" < 3");
    }

    @Test
    void monitoringObjectsAreOffByDefault() {
        assertThat(GENERATOR.render(GaleraCluster.defaults()).manifests())
                .extracting(Manifest::kind)
                .doesNotContain("ServiceMonitor", "PrometheusRule", "StorageClass", "Deployment");
    }

    @Test
    void aNetworkPolicyByDefaultKeepsGaleraPortsToMembersAndSqlOpenToEveryClient() {
        NetworkPolicy policy = resource(GENERATOR.render(GaleraCluster.defaults()), NetworkPolicy.class);
        List<NetworkPolicyIngressRule> ingress = policy.getSpec().getIngress();

        assertThat(ingress.get(0).getFrom()).isNullOrEmpty();
        assertThat(ports(ingress.get(0))).containsExactly("TCP/3306");
        assertThat(ingress.get(1).getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels())
                .containsExactly(SELECTOR_OF_DEFAULTS);
        assertThat(ports(ingress.get(1))).containsExactly("TCP/4444", "TCP/4567", "UDP/4567", "TCP/4568", "TCP/4569");
    }

    // ---- 5. Security ----

    @Test
    void everyContainerRunsNonRootWithoutPrivilegeEscalationOrCapabilities() {
        Rendering rendering = GENERATOR.render(Examples.cephRbd3Zones().toBuilder()
                .replicas(2)
                .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                .build());
        List<PodSpec> pods = List.of(
                podSpec(rendering),
                resource(rendering, Deployment.class).getSpec().getTemplate().getSpec());

        assertThat(pods).allSatisfy(pod -> {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(999L);
            assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(999L);
            assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(999L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(Stream.concat(
                            pod.getContainers().stream(),
                            pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream()))
                    .isNotEmpty()
                    .allSatisfy(container -> {
                        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                                .isFalse();
                        assertThat(container
                                        .getSecurityContext()
                                        .getCapabilities()
                                        .getDrop())
                                .containsExactly("ALL");
                        assertThat(container.getSecurityContext().getPrivileged())
                                .isNotEqualTo(Boolean.TRUE);
                        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                                .as(container.getName())
                                .isTrue();
                        // A namespace quota that requires requests and limits admits every container.
                        assertThat(container.getResources().getRequests())
                                .as(container.getName())
                                .containsKeys("cpu", "memory");
                        assertThat(container.getResources().getLimits())
                                .as(container.getName())
                                .containsKey("memory");
                    });
            assertThat(pod.getSecurityContext().getFsGroupChangePolicy()).isEqualTo("OnRootMismatch");
        });
    }

    @Test
    void aReadOnlyRootFilesystemGetsAWritableVolumeWhereverTheImageAndScriptsWrite() {
        PodSpec pod = podSpec(example());
        Map<String, List<String>> writable = Stream.concat(
                        pod.getInitContainers().stream(), pod.getContainers().stream())
                .collect(java.util.stream.Collectors.toMap(
                        Container::getName,
                        container -> container.getVolumeMounts().stream()
                                .filter(mount -> !Boolean.TRUE.equals(mount.getReadOnly()))
                                .map(io.fabric8.kubernetes.api.model.VolumeMount::getMountPath)
                                .toList()));

        // mariadbd's socket and pid file, its tmpdir (and init.sh's mktemp), the datadir, the conf.d it reads.
        assertThat(writable.get("mariadb"))
                .containsExactlyInAnyOrder("/var/lib/mysql", "/etc/mysql/conf.d", "/run/mysqld", "/tmp");
        assertThat(writable.get("init"))
                .containsExactlyInAnyOrder("/var/lib/mysql", "/etc/mysql/conf.d", "/run/mysqld", "/tmp");
        assertThat(writable.get("exporter-config")).containsExactly("/etc/mysqld-exporter");
        assertThat(writable.get("exporter")).isEmpty();
        // The init container's /tmp is its own: markers there belong to whichever container waits.
        assertThat(volumeOf(pod, "init", "/tmp")).isNotEqualTo(volumeOf(pod, "mariadb", "/tmp"));
        assertThat(pod.getVolumes())
                .filteredOn(volume -> List.of("conf", "run", "exporter-config").contains(volume.getName()))
                .extracting(volume -> volume.getEmptyDir().getMedium())
                .containsOnly("Memory");
    }

    @Test
    void theInitContainerGetsTheMemberResourcesSinceItRunsInnoDbRecovery() {
        PodSpec pod = podSpec(example());
        Container init = pod.getInitContainers().stream()
                .filter(container -> container.getName().equals("init"))
                .findFirst()
                .orElseThrow();

        assertThat(init.getResources())
                .isEqualTo(container(resource(example(), StatefulSet.class), "mariadb")
                        .getResources());
        assertThat(init.getResources().getLimits().get("memory").toString()).isEqualTo("4Gi");
    }

    private static String volumeOf(PodSpec pod, String container, String mountPath) {
        return Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream())
                .filter(candidate -> candidate.getName().equals(container))
                .flatMap(candidate -> candidate.getVolumeMounts().stream())
                .filter(mount -> mount.getMountPath().equals(mountPath))
                .map(io.fabric8.kubernetes.api.model.VolumeMount::getName)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void networkPolicyOpensSqlToClientsGaleraToPeersAndMetricsToMonitoring() {
        NetworkPolicy policy = resource(example(), NetworkPolicy.class);
        List<NetworkPolicyIngressRule> ingress = policy.getSpec().getIngress();

        assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isEqualTo(SELECTOR);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(ingress).hasSize(3);
        assertThat(ports(ingress.get(0))).containsExactly("TCP/3306");
        assertThat(ingress.get(0).getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels())
                .containsExactly(Map.of("app.kubernetes.io/part-of", "shop"), SELECTOR);
        assertThat(ports(ingress.get(1))).containsExactly("TCP/4444", "TCP/4567", "UDP/4567", "TCP/4568", "TCP/4569");
        assertThat(ingress.get(1).getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels())
                .containsExactly(SELECTOR);
        assertThat(ingress.get(1).getFrom())
                .allSatisfy(peer -> assertThat(peer.getNamespaceSelector()).isNull());
        assertThat(ports(ingress.get(2))).containsExactly("TCP/9104");
        assertThat(ingress.get(2).getFrom())
                .singleElement()
                .satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring")));
    }

    @Test
    void networkPolicyAdmitsTheArbitratorToGaleraPortsAndGuardsIt() {
        GaleraCluster cluster = Examples.cephRbd3Zones().toBuilder()
                .replicas(2)
                .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                .build();
        Rendering rendering = GENERATOR.render(cluster);
        NetworkPolicy members = resource(rendering, NetworkPolicy.class, "orders");
        NetworkPolicy arbitrator = resource(rendering, NetworkPolicy.class, "orders-arbitrator");
        Map<String, String> arbitratorSelector =
                Map.of("app.kubernetes.io/name", "mariadb-galera-arbitrator", "app.kubernetes.io/instance", "orders");

        assertThat(members.getSpec().getIngress().get(1).getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels())
                .containsExactly(SELECTOR, arbitratorSelector);
        assertThat(arbitrator.getSpec().getPodSelector().getMatchLabels()).isEqualTo(arbitratorSelector);
        assertThat(ports(arbitrator.getSpec().getIngress().get(0))).containsExactly("TCP/4567", "UDP/4567");
    }

    @Test
    void sqlClientsFromOtherNamespacesAreSelectedByNamespaceAndPodTogether() {
        GaleraCluster example = Examples.cephRbd3Zones();
        NetworkPolicy policy = resource(
                GENERATOR.render(example.toBuilder()
                        .networkPolicy(example.networkPolicy().withClientNamespaceLabels(Map.of("team", "shop")))
                        .build()),
                NetworkPolicy.class);

        assertThat(policy.getSpec().getIngress().get(0).getFrom().get(0)).satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels()).isEqualTo(Map.of("team", "shop"));
            assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(Map.of("app.kubernetes.io/part-of", "shop"));
        });
    }

    @Test
    void replicationTlsComesFromASecretAndReachesGaleraAndSst() {
        Rendering rendering = example();
        PodSpec pod = podSpec(rendering);
        String galeraCnf = resource(rendering, ConfigMap.class).getData().get("galera.cnf");

        assertThat(pod.getVolumes())
                .filteredOn(volume -> volume.getName().equals("tls"))
                .singleElement()
                .satisfies(
                        volume -> assertThat(volume.getSecret().getSecretName()).isEqualTo("orders-tls"));
        assertThat(container(resource(rendering, StatefulSet.class), "mariadb").getVolumeMounts())
                .anySatisfy(mount -> {
                    assertThat(mount.getName()).isEqualTo("tls");
                    assertThat(mount.getMountPath()).isEqualTo("/etc/galera-tls");
                    assertThat(mount.getReadOnly()).isTrue();
                });
        assertThat(galeraCnf)
                .contains(
                        "socket.ssl_cert=/etc/galera-tls/tls.crt;socket.ssl_key=/etc/galera-tls/"
                                + "tls.key;socket.ssl_ca=/etc/galera-tls/ca.crt",
                        "[sst]\nssl-ca=/etc/galera-tls/ca.crt\n",
                        "ssl-mode=VERIFY_CA\n");
        assertThat(resource(GENERATOR.render(GaleraCluster.defaults()), ConfigMap.class)
                        .getData()
                        .get("galera.cnf"))
                .doesNotContain("socket.ssl", "[sst]");
    }

    // ---- 6. Initial users ----

    @Test
    void initialUsersComeFromSecretsThroughTheImagesVariables() {
        Rendering rendering = example();
        Container mariadb = container(resource(rendering, StatefulSet.class), "mariadb");

        assertThat(value(mariadb, "MARIADB_ROOT_HOST")).isEqualTo("localhost");
        assertThat(value(mariadb, "MARIADB_DATABASE")).isEqualTo("orders");
        assertThat(value(mariadb, "MARIADB_USER")).isEqualTo("orders_app");
        assertThat(secretFileOf(rendering, mariadb, "MARIADB_PASSWORD_FILE"))
                .isEqualTo(SecretRef.of("orders-credentials", "app-password"));
        assertThat(secretFileOf(rendering, mariadb, "MARIADB_ROOT_PASSWORD_FILE"))
                .isEqualTo(SecretRef.of("orders-credentials", "root-password"));
        assertThat(value(mariadb, "SST_USER")).isEqualTo("sst");
        assertThat(secretFileOf(rendering, mariadb, "SST_PASSWORD_FILE"))
                .isEqualTo(SecretRef.of("orders-credentials", "sst-password"));
        assertThat(secretFileOf(rendering, mariadb, "EXPORTER_MY_CNF"))
                .isEqualTo(SecretRef.of("orders-credentials", "exporter-my.cnf"));
        assertThat(mariadb.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("initdb");
            assertThat(mount.getMountPath()).isEqualTo("/docker-entrypoint-initdb.d");
        });
        Volume initdb = podSpec(rendering).getVolumes().stream()
                .filter(volume -> volume.getName().equals("initdb"))
                .findFirst()
                .orElseThrow();
        assertThat(initdb.getConfigMap().getName()).isEqualTo("orders-config");
        assertThat(initdb.getConfigMap().getItems()).singleElement().satisfies(item -> {
            assertThat(item.getKey()).isEqualTo("init-users.sh");
            assertThat(item.getPath()).isEqualTo("10-galera-users.sh");
        });
        assertThat(resource(rendering, ConfigMap.class).getData()).containsKey("init-users.sh");
    }

    @Test
    void noApplicationUserByDefaultAndNoSstUserForRsync() {
        GaleraSettings galera = GaleraCluster.defaults().galera();
        GaleraCluster rsync = GaleraCluster.builder()
                .galera(new GaleraSettings(
                        SstMethod.RSYNC, galera.sstCredentials(), galera.sstUser(), 0, null, Map.of(), List.of()))
                .build();
        Container mariadb = container(resource(GENERATOR.render(rsync), StatefulSet.class), "mariadb");

        assertThat(mariadb.getEnv())
                .extracting(EnvVar::getName)
                .contains("MARIADB_ROOT_PASSWORD_FILE", "MARIADB_ROOT_HOST", "EXPORTER_MY_CNF", "RECOVERY_POLICY")
                .doesNotContain(
                        "MARIADB_USER", "MARIADB_PASSWORD_FILE", "MARIADB_DATABASE", "SST_USER", "SST_PASSWORD_FILE")
                .doesNotHaveDuplicates();
    }

    // ---- 7. Probes ----

    @Test
    void readinessRequiresPrimarySyncedAndStartupGivesSstTimeWithoutLiveness() {
        Container mariadb = container(resource(example(), StatefulSet.class), "mariadb");

        assertThat(mariadb.getLivenessProbe()).isNull();
        assertThat(mariadb.getReadinessProbe().getExec().getCommand())
                .containsExactly("/bin/bash", "/etc/galera/probe.sh", "ready");
        assertThat(mariadb.getStartupProbe().getExec().getCommand())
                .containsExactly("/bin/bash", "/etc/galera/probe.sh", "started");
        int startupSeconds = mariadb.getStartupProbe().getPeriodSeconds()
                * mariadb.getStartupProbe().getFailureThreshold();
        assertThat(startupSeconds).isGreaterThanOrEqualTo(6 * 3600);
        String probe = resource(example(), ConfigMap.class).getData().get("probe.sh");
        assertThat(probe)
                .contains(
                        "WSREP_READY",
                        "WSREP_CLUSTER_STATUS",
                        "WSREP_LOCAL_STATE",
                        "\"ON\"",
                        "\"Primary\"",
                        "\"4\"",
                        "@@wsrep_on");
    }

    // ---- 8. SST and tuning ----

    @ParameterizedTest
    @CsvSource({
        "500m, 1Gi, 10Gi, 1, 128M, 128M",
        "1, 2Gi, 20Gi, 2, 320M, 896M",
        "2, 4Gi, 50Gi, 4, 832M, 2432M",
        "8, 32Gi, 500Gi, 16, 8000M, 23936M",
        "250m, 256Mi, 1Gi, 1, 128M, 128M",
        "4, 8Gi, 100Gi, 8, 1856M, 5504M"
    })
    void applierThreadsGcacheAndBufferPoolAreDerivedFromResources(
            String cpu, String memory, String storage, int threads, String gcache, String bufferPool) {
        GaleraCluster cluster = GaleraCluster.builder()
                .resources(new Resources(cpu, memory, null, memory))
                .storage(Defaults.STORAGE.withSize(storage))
                .build();

        Rendering rendering = GENERATOR.render(cluster);
        String galeraCnf = resource(rendering, ConfigMap.class).getData().get("galera.cnf");

        assertThat(galeraCnf)
                .contains(
                        "wsrep_slave_threads=" + threads + "\n",
                        "gcache.size=" + gcache + ";",
                        "wsrep_sst_method=mariabackup\n",
                        "innodb_buffer_pool_size=" + bufferPool + "\n",
                        "max_connections=151\n");
        // Buffer pool, gcache and 151 connections fit the limit, or the rendering says they do not.
        MemoryBudget budget = cluster.memoryBudget();
        assertThat(budget.total() <= budget.limitMiB())
                .isEqualTo(rendering.warnings().stream()
                        .noneMatch(warning -> warning.startsWith("resources.memoryLimit:")));
        assertThat(budget.fits()).isEqualTo(!memory.equals("256Mi"));
    }

    @Test
    void noMemoryToGoByKeepsMariaDbsDefaultBufferPool() {
        GaleraCluster cluster = GaleraCluster.builder()
                .resources(new Resources("1", null, null, null))
                .build();

        assertThat(resource(GENERATOR.render(cluster), ConfigMap.class)
                        .getData()
                        .get("galera.cnf"))
                .contains("innodb_buffer_pool_size=128M\n", "# No memory limit or request");
    }

    @Test
    void anExplicitGcacheIsTakenFromTheBudgetBeforeTheBufferPool() {
        GaleraSettings galera = GaleraCluster.defaults().galera();
        GaleraCluster cluster = GaleraCluster.builder()
                .resources(new Resources("1", "4Gi", null, "4Gi"))
                .galera(new GaleraSettings(
                        galera.sstMethod(), galera.sstCredentials(), galera.sstUser(), 0, "2G", Map.of(), List.of()))
                .build();

        assertThat(cluster.memoryBudget().bufferPoolSize()).isEqualTo("1280M");
        assertThat(resource(GENERATOR.render(cluster), ConfigMap.class)
                        .getData()
                        .get("galera.cnf"))
                .contains("gcache.size=2G;", "innodb_buffer_pool_size=1280M\n");
    }

    @Test
    void theStartupProbeWaitsLongEnoughToCopyTheLargestVolumeAtTheSlowestTransfer() {
        Container small = container(
                resource(
                        GENERATOR.render(GaleraCluster.builder()
                                .storage(Defaults.STORAGE.withSize("20Gi"))
                                .build()),
                        StatefulSet.class),
                "mariadb");
        Container large = container(
                resource(
                        GENERATOR.render(GaleraCluster.builder()
                                .storage(Defaults.STORAGE.withSize("4Ti"))
                                .build()),
                        StatefulSet.class),
                "mariadb");

        assertThat(small.getStartupProbe().getFailureThreshold()
                        * small.getStartupProbe().getPeriodSeconds())
                .isEqualTo(6 * 3600);
        // 4Ti at 10 MiB/s: 419431 s, about 116 hours.
        assertThat((long) large.getStartupProbe().getFailureThreshold()
                        * large.getStartupProbe().getPeriodSeconds())
                .isBetween(4L * (1L << 40) / (10L << 20), 4L * (1L << 40) / (10L << 20) + 10);
    }

    @Test
    void explicitTuningWins() {
        GaleraSettings galera = GaleraCluster.defaults().galera();
        GaleraCluster cluster = GaleraCluster.builder()
                .galera(new GaleraSettings(
                        SstMethod.RSYNC, galera.sstCredentials(), galera.sstUser(), 6, "3G", Map.of(), List.of()))
                .build();

        String galeraCnf =
                resource(GENERATOR.render(cluster), ConfigMap.class).getData().get("galera.cnf");

        assertThat(galeraCnf).contains("wsrep_slave_threads=6\n", "gcache.size=3G;", "wsrep_sst_method=rsync\n");
    }

    // ---- 9. Arbitrator ----

    @Test
    void arbitratorJoinsTheClusterAddressUnderTheClusterName() {
        GaleraCluster cluster = GaleraCluster.builder()
                .name("orders")
                .namespace("shop")
                .replicas(2)
                .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                .tls(new Tls(true, "orders-tls"))
                .build();
        Rendering rendering = GENERATOR.render(cluster);
        Deployment deployment = resource(rendering, Deployment.class);
        Container garbd =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(deployment.getMetadata().getName()).isEqualTo("orders-arbitrator");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .doesNotContainEntry("app.kubernetes.io/name", "mariadb-galera");
        assertThat(garbd.getImage()).isEqualTo(Defaults.MARIADB_IMAGE);
        assertThat(garbd.getCommand()).containsExactly("garbd");
        assertThat(garbd.getArgs())
                .containsExactly(
                        "--address=gcomm://orders-0.orders-peers.shop.svc.cluster.local,"
                                + "orders-1.orders-peers.shop.svc.cluster.local",
                        "--group=orders",
                        "--name=orders-arbitrator",
                        "--options=gmcast.listen_addr=tcp://[::]:4567;pc.recovery=FALSE;socket.ssl_cert=/etc/galera-tls/tls.crt;"
                                + "socket.ssl_key=/etc/galera-tls/tls.key;socket.ssl_ca=/etc/galera-tls/ca.crt");
        assertThat(garbd.getPorts())
                .extracting("containerPort", "protocol")
                .containsExactly(tuple(4567, null), tuple(4567, "UDP"));
        assertThat(garbd.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(rendering.warnings()).isEmpty();
        // The members' Services never route to the arbitrator.
        assertThat(resource(rendering, io.fabric8.kubernetes.api.model.Service.class, "orders")
                        .getSpec()
                        .getSelector())
                .isEqualTo(SELECTOR);
    }

    @Test
    void arbitratorSharesTheMembersGroupCommunicationOptionsButNoCacheOptions() {
        GaleraSettings galera = GaleraCluster.defaults().galera();
        GaleraCluster cluster = GaleraCluster.builder()
                .replicas(2)
                .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                .galera(new GaleraSettings(
                        galera.sstMethod(),
                        galera.sstCredentials(),
                        galera.sstUser(),
                        0,
                        null,
                        Map.of("evs.suspect_timeout", "PT10S", "gcache.page_size", "64M", "ist.recv_bind", "0.0.0.0"),
                        List.of()))
                .build();
        Container garbd = resource(GENERATOR.render(cluster), Deployment.class)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);

        assertThat(garbd.getArgs())
                .contains("--options=gmcast.listen_addr=tcp://[::]:4567;pc.recovery=FALSE;evs.suspect_timeout=PT10S");
    }

    @Test
    void twoMembersWithoutArbitratorRenderWithAWarning() {
        Rendering rendering =
                GENERATOR.render(GaleraCluster.builder().replicas(2).build());

        assertThat(rendering.manifests()).extracting(Manifest::kind).doesNotContain("Deployment");
        assertThat(rendering.warnings())
                .singleElement()
                .satisfies(
                        warning -> assertThat(warning).startsWith("replicas: ").contains("arbitrator.enabled: true"));
    }

    private static List<String> ports(NetworkPolicyIngressRule rule) {
        return rule.getPorts().stream().map(ProductionRenderingTest::port).toList();
    }

    private static String port(NetworkPolicyPort port) {
        return port.getProtocol() + "/" + port.getPort().getIntVal();
    }

    private static String value(Container container, String name) {
        return container.getEnv().stream()
                .filter(variable -> variable.getName().equals(name))
                .findFirst()
                .map(EnvVar::getValue)
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    /** The Secret key behind a variable that names a file of the credentials volume. */
    private static SecretRef secretFileOf(Rendering rendering, Container container, String name) {
        String path = value(container, name);
        assertThat(path).startsWith("/etc/galera-credentials/");
        String file = path.substring("/etc/galera-credentials/".length());
        return podSpec(rendering).getVolumes().stream()
                .filter(volume -> volume.getName().equals("credentials"))
                .flatMap(volume -> volume.getProjected().getSources().stream())
                .filter(source -> source.getSecret().getItems().get(0).getPath().equals(file))
                .map(source -> SecretRef.of(
                        source.getSecret().getName(),
                        source.getSecret().getItems().get(0).getKey()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no credential file " + file));
    }
}
