package io.galeragen.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrictResourceReaderTest {

    private static final StrictResourceReader READER = new StrictResourceReader();

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            Map.entry("statefulset", StatefulSet.class), Map.entry("service", Service.class),
            Map.entry("configmap", ConfigMap.class), Map.entry("poddisruptionbudget", PodDisruptionBudget.class),
            Map.entry("networkpolicy", NetworkPolicy.class), Map.entry("storageclass", StorageClass.class),
            Map.entry("namespace", Namespace.class), Map.entry("secret", Secret.class),
            Map.entry("serviceaccount", ServiceAccount.class), Map.entry("priorityclass", PriorityClass.class),
            Map.entry("servicemonitor", ServiceMonitor.class), Map.entry("prometheusrule", PrometheusRule.class));

    static List<String> validFixtures() {
        return Fixtures.VALID;
    }

    @ParameterizedTest
    @MethodSource("validFixtures")
    void readsEveryValidFixtureIntoItsType(String fixture) {
        JsonNode document = Fixtures.valid(fixture);

        HasMetadata resource = READER.read(document);

        assertThat(resource).isExactlyInstanceOf(TYPES.get(fixture));
        assertThat(resource.getKind()).isEqualTo(document.get("kind").asText());
        assertThat(resource.getMetadata().getName())
                .isEqualTo(document.at("/metadata/name").asText());
    }

    @Test
    void readsTheStatefulSetsValues() {
        StatefulSet statefulSet = (StatefulSet) READER.read(Fixtures.valid("statefulset"));

        assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(3);
        var container =
                statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getPorts())
                .extracting(ContainerPort::getContainerPort, ContainerPort::getProtocol)
                .contains(org.assertj.core.groups.Tuple.tuple(4567, "UDP"));
        assertThat(container.getResources().getLimits()).containsEntry("cpu", new Quantity("2"));
        assertThat(statefulSet
                        .getSpec()
                        .getVolumeClaimTemplates()
                        .get(0)
                        .getSpec()
                        .getResources()
                        .getRequests())
                .containsEntry("storage", new Quantity("10Gi"));
    }

    @Test
    void unknownFieldDeepInThePodTemplateIsReportedAtItsExactPath() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        ((ObjectNode) statefulSet.at("/spec/template/spec/containers/0")).put("imagePullPolicyy", "Always");

        assertProblems(
                () -> READER.read(statefulSet),
                new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera: spec.template.spec.containers[0].imagePullPolicyy",
                        "unknown field: Container has no such field (misspelt or misplaced?)"));
    }

    @Test
    void everyUnknownFieldIsReported() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        statefulSet.put("replicas", 3); // belongs under spec
        ((ObjectNode) statefulSet.get("metadata")).put("label", "x");
        ((ObjectNode) statefulSet.at("/spec/template/spec/containers/0/ports/2")).put("protocoll", "UDP");
        ((ObjectNode) statefulSet.at("/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef"))
                .put("optionl", true);
        ((ObjectNode) statefulSet.at("/spec/volumeClaimTemplates/0/spec"))
                .putObject("resource")
                .put("storage", "1Gi");

        assertThatThrownBy(() -> READER.read(statefulSet))
                .isInstanceOfSatisfying(
                        GaleraGenException.class,
                        failure -> assertThat(failure.problems())
                                .extracting(Problem::where)
                                .containsExactlyInAnyOrder(
                                        "StatefulSet/galera: replicas",
                                        "StatefulSet/galera: metadata.label",
                                        "StatefulSet/galera: spec.template.spec.containers[0].ports[2].protocoll",
                                        "StatefulSet/galera: spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.optionl",
                                        "StatefulSet/galera: spec.volumeClaimTemplates[0].spec.resource"));
    }

    @Test
    void unknownFieldOfAMonitoringRuleIsReported() {
        ObjectNode rule = Fixtures.valid("prometheusrule");
        ((ObjectNode) rule.at("/spec/groups/0/rules/0")).put("severity", "page");

        assertProblems(
                () -> READER.read(rule),
                new Problem(
                        Input.RENDERED,
                        "PrometheusRule/galera: spec.groups[0].rules[0].severity",
                        "unknown field: Rule has no such field (misspelt or misplaced?)"));
    }

    @Test
    void ruleGroupFieldsMissingFromTheFabric8MonitoringModelAreRejected() {
        // openshift-model-monitoring 7.5.2 knows only name, interval and rules of a rule group; the CRD schema
        // also has labels, limit, partial_response_strategy and query_offset. The reader cannot accept them.
        ObjectNode rule = Fixtures.valid("prometheusrule");
        ((ObjectNode) rule.at("/spec/groups/0"))
                .put("partial_response_strategy", "warn")
                .put("limit", 10);

        assertThatThrownBy(() -> READER.read(rule))
                .isInstanceOfSatisfying(
                        GaleraGenException.class,
                        failure -> assertThat(failure.problems())
                                .extracting(Problem::where)
                                .containsExactly(
                                        "PrometheusRule/galera: spec.groups[0].partial_response_strategy",
                                        "PrometheusRule/galera: spec.groups[0].limit"));
    }

    @Test
    void replicasThatAreNotANumberAreRejectedWithThePath() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        ((ObjectNode) statefulSet.get("spec")).put("replicas", "three");

        assertProblems(
                () -> READER.read(statefulSet),
                new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera: spec.replicas",
                        "\"three\" is not allowed: expected an integer"));
    }

    @Test
    void numbersWrittenAsStringsAreNotCoerced() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        ((ObjectNode) statefulSet.get("spec")).put("replicas", "3");

        assertProblems(
                () -> READER.read(statefulSet),
                new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera: spec.replicas",
                        "\"3\" is not allowed: expected an integer"));
    }

    @Test
    void containerPortThatIsNotANumberIsRejectedWithThePath() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        ((ObjectNode) statefulSet.at("/spec/template/spec/containers/0/ports/1")).put("containerPort", "x");

        assertProblems(
                () -> READER.read(statefulSet),
                new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera: spec.template.spec.containers[0].ports[1].containerPort",
                        "\"x\" is not allowed: expected an integer"));
    }

    @Test
    void integersTooLargeForTheFieldAreRejectedWithThePath() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        ((ObjectNode) statefulSet.at("/spec/template/spec/containers/0/ports/0")).put("containerPort", 99_999_999_999L);

        assertProblems(
                () -> READER.read(statefulSet),
                new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera: spec.template.spec.containers[0].ports[0].containerPort",
                        "99999999999 is not allowed: expected an integer from -2147483648 to 2147483647"));
    }

    @Test
    void fractionsAreNotTruncatedToIntegers() {
        ObjectNode service = Fixtures.valid("service");
        ((ObjectNode) service.at("/spec/ports/0")).put("port", 3306.5);

        assertProblems(
                () -> READER.read(service),
                new Problem(
                        Input.RENDERED,
                        "Service/galera-headless: spec.ports[0].port",
                        "3306.5 is not allowed: expected an integer"));
    }

    @Test
    void labelValuesMustBeStrings() {
        ObjectNode namespace = Fixtures.valid("namespace");
        ((ObjectNode) namespace.at("/metadata/labels")).put("app.kubernetes.io/version", 11);

        assertProblems(
                () -> READER.read(namespace),
                new Problem(
                        Input.RENDERED,
                        "Namespace/db: metadata.labels['app.kubernetes.io/version']",
                        "11 is not allowed: expected a string"));
    }

    @Test
    void booleansWrittenAsStringsAreNotCoerced() {
        ObjectNode storageClass = Fixtures.valid("storageclass");
        storageClass.put("allowVolumeExpansion", "true");

        assertProblems(
                () -> READER.read(storageClass),
                new Problem(
                        Input.RENDERED,
                        "StorageClass/galera-ssd: allowVolumeExpansion",
                        "\"true\" is not allowed: expected true or false"));
    }

    @Test
    void objectWhereAListBelongsIsRejected() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        ((ObjectNode) statefulSet.at("/spec/template/spec"))
                .putObject("containers")
                .put("name", "mariadb");

        assertProblems(
                () -> READER.read(statefulSet),
                new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera: spec.template.spec.containers",
                        "an object is not allowed: expected a list"));
    }

    @Test
    void targetPortMustBeAnIntegerOrAString() {
        ObjectNode service = Fixtures.valid("service");
        ((ObjectNode) service.at("/spec/ports/0")).put("targetPort", true);

        assertProblems(
                () -> READER.read(service),
                new Problem(
                        Input.RENDERED,
                        "Service/galera-headless: spec.ports[0].targetPort",
                        "true is not allowed: expected an integer or a string"));
    }

    @Test
    void unsupportedKindNamesTheDocumentAndTheSupportedKinds() {
        JsonNode replicaSet = Fixtures.yaml("apiVersion: apps/v1\nkind: ReplicaSet\nmetadata:\n  name: galera\n");

        assertThatThrownBy(() -> READER.read(replicaSet))
                .isInstanceOfSatisfying(
                        GaleraGenException.class,
                        failure -> assertThat(failure.problems())
                                .singleElement()
                                .satisfies(problem -> {
                                    assertThat(problem.where()).isEqualTo("ReplicaSet/galera");
                                    assertThat(problem.message())
                                            .isEqualTo("apiVersion \"apps/v1\" kind \"ReplicaSet\" is not supported;"
                                                    + " supported: "
                                                    + String.join(
                                                            ", ", READER.kinds().supported()));
                                }));
        assertThat(READER.kinds().supported())
                .contains(
                        "apps/v1 StatefulSet",
                        "v1 Service",
                        "policy/v1 PodDisruptionBudget",
                        "storage.k8s.io/v1 StorageClass",
                        "networking.k8s.io/v1 NetworkPolicy",
                        "scheduling.k8s.io/v1 PriorityClass",
                        "monitoring.coreos.com/v1 ServiceMonitor",
                        "monitoring.coreos.com/v1 PrometheusRule")
                .hasSize(14)
                .isSorted();
    }

    @Test
    void wrongApiVersionForAKnownKindIsUnsupported() {
        JsonNode pdb =
                Fixtures.yaml("apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: galera\n");

        assertThatThrownBy(() -> READER.read(pdb))
                .isInstanceOf(GaleraGenException.class)
                .hasMessageStartingWith("PodDisruptionBudget/galera: apiVersion \"policy/v1beta1\" kind"
                        + " \"PodDisruptionBudget\" is not supported; supported: ");
    }

    @Test
    void documentWithoutKindIsUnsupported() {
        assertThatThrownBy(() -> READER.read(Fixtures.yaml("apiVersion: v1\nmetadata:\n  name: x\n")))
                .isInstanceOf(GaleraGenException.class)
                .hasMessageStartingWith("(document without kind)/x: apiVersion \"v1\" kind (missing) is not supported");
    }

    @Test
    void documentThatIsNotAMappingIsRejected() {
        assertThatThrownBy(() -> READER.read(Fixtures.yaml("- a\n- b\n")))
                .isInstanceOf(GaleraGenException.class)
                .hasMessage("(document without kind): a manifest document must be a mapping, found array");
    }

    @Test
    void kindsCanBeExtendedWithoutChangingTheReader() {
        JsonNode pod = Fixtures.yaml("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: probe
                spec:
                  containers:
                    - name: probe
                      image: busybox
                      tty: true
                """);
        assertThatThrownBy(() -> READER.read(pod)).isInstanceOf(GaleraGenException.class);

        StrictResourceReader extended =
                new StrictResourceReader(ResourceKinds.defaults().with(Pod.class));

        assertThat(extended.read(pod))
                .isInstanceOfSatisfying(
                        Pod.class,
                        read -> assertThat(read.getSpec().getContainers().get(0).getTty())
                                .isTrue());
        assertThat(extended.kinds().supported()).contains("v1 Pod").hasSize(15);
        assertThat(ResourceKinds.defaults().supported()).doesNotContain("v1 Pod");
    }

    private static void assertProblems(ThrowingCallable read, Problem... expected) {
        assertThatThrownBy(read)
                .isInstanceOfSatisfying(
                        GaleraGenException.class,
                        failure -> assertThat(failure.problems()).containsExactly(expected));
    }
}
