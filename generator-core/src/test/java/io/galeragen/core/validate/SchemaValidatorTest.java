package io.galeragen.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.galeragen.core.TestSchemas;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaValidatorTest {

    // One validator for the whole class, as in production: compiled schemas are reused across tests. The bundled
    // schemas give the same verdicts as the full ones (SchemaBundleTest), so these run on a fresh clone too.
    private static final SchemaValidator VALIDATOR = new SchemaValidator(List.of(SchemaLocation.bundled()));

    static Stream<Arguments> everyFixtureInEveryVersion() {
        return TestSchemas.VERSIONS.stream()
                .flatMap(version -> Fixtures.VALID.stream().map(fixture -> Arguments.of(version, fixture)));
    }

    @ParameterizedTest(name = "{1} is valid for Kubernetes {0}")
    @MethodSource("everyFixtureInEveryVersion")
    void validFixturesHaveNoProblems(String version, String fixture) {
        assertThat(VALIDATOR.validate(Fixtures.valid(fixture), version)).isEmpty();
    }

    @ParameterizedTest(name = "Kubernetes {0}")
    @MethodSource("io.galeragen.core.TestSchemas#versions")
    void unknownTopLevelFieldIsRejected(String version) {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        statefulSet.put("replicaz", 3);

        String normalized = KubernetesVersion.parse(version).normalized();
        assertThat(VALIDATOR.validate(statefulSet, version))
                .containsExactly(
                        new Problem(
                                Input.RENDERED,
                                "StatefulSet/galera (k8s " + normalized + "): replicaz",
                                "property 'replicaz' is not defined in the schema and the schema does not allow additional properties"));
    }

    @Test
    void unknownFieldDeepInThePodTemplateIsRejectedAtItsPath() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        container(statefulSet).put("imagePullPolicyy", "Always");

        assertThat(VALIDATOR.validate(statefulSet, "1.30"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera (k8s v1.30.0): spec.template.spec.containers[0].imagePullPolicyy",
                        "property 'imagePullPolicyy' is not defined in the schema and the schema does not allow additional"
                                + " properties"));
    }

    @Test
    void replicasOfTheWrongTypeAreRejected() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        ((ObjectNode) statefulSet.get("spec")).put("replicas", "three");

        assertThat(VALIDATOR.validate(statefulSet, "1.31"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera (k8s v1.31.0): spec.replicas",
                        "string found, [integer, null] expected"));
    }

    @Test
    void containerPortOfTheWrongTypeIsRejected() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        ((ObjectNode) container(statefulSet).withArray("ports").get(0)).put("containerPort", "x");

        assertThat(VALIDATOR.validate(statefulSet, "1.33"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera (k8s v1.33.0): spec.template.spec.containers[0].ports[0].containerPort",
                        "string found, integer expected"));
    }

    @Test
    void intOrStringOfTheWrongTypeIsOneProblem() {
        ObjectNode service = Fixtures.valid("service");
        ((ObjectNode) service.at("/spec/ports/0")).put("targetPort", true);

        assertThat(VALIDATOR.validate(service, "1.29"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "Service/galera-headless (k8s v1.29.0): spec.ports[0].targetPort",
                        "boolean found, [string, null] or [integer, null] expected"));
    }

    @Test
    void quantityOfTheWrongTypeIsOneProblem() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        ((ObjectNode) statefulSet.at("/spec/template/spec/containers/0/resources/limits"))
                .putArray("cpu")
                .add(2);

        assertThat(VALIDATOR.validate(statefulSet, "1.33"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera (k8s v1.33.0): spec.template.spec.containers[0].resources.limits.cpu",
                        "array found, [string, null] or [number, null] expected"));
    }

    @Test
    void containerWithoutNameIsRejected() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        container(statefulSet).remove("name");

        assertThat(VALIDATOR.validate(statefulSet, "1.28"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "StatefulSet/galera (k8s v1.28.0): spec.template.spec.containers[0]",
                        "required property 'name' not found"));
    }

    @Test
    void servicePortWithoutPortIsRejected() {
        ObjectNode service = Fixtures.valid("service");
        ((ObjectNode) service.at("/spec/ports/2")).remove("port");

        assertThat(VALIDATOR.validate(service, "v1.32.0"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "Service/galera-headless (k8s v1.32.0): spec.ports[2]",
                        "required property 'port' not found"));
    }

    @Test
    void everyProblemOfADocumentIsReported() {
        ObjectNode statefulSet = Fixtures.valid("statefulset");
        statefulSet.put("replicaz", 3);
        ((ObjectNode) statefulSet.get("spec")).put("replicas", "three");
        container(statefulSet).remove("name");

        assertThat(VALIDATOR.validate(statefulSet, "1.30"))
                .extracting(Problem::where)
                .containsExactlyInAnyOrder(
                        "StatefulSet/galera (k8s v1.30.0): replicaz",
                        "StatefulSet/galera (k8s v1.30.0): spec.replicas",
                        "StatefulSet/galera (k8s v1.30.0): spec.template.spec.containers[0]");
    }

    @Test
    void labelKeysWithDotsAndSlashesAreBracketedInPaths() {
        ObjectNode namespace = Fixtures.valid("namespace");
        ((ObjectNode) namespace.at("/metadata/labels")).put("app.kubernetes.io/part-of", 7);

        assertThat(VALIDATOR.validate(namespace, "1.30"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "Namespace/db (k8s v1.30.0): metadata.labels['app.kubernetes.io/part-of']",
                        "integer found, [string, null] expected"));
    }

    @Test
    void goStyleCaseInsensitivePatternOfPrometheusRuleWorks() {
        ObjectNode rule = Fixtures.valid("prometheusrule");
        ObjectNode group = (ObjectNode) rule.at("/spec/groups/0");
        group.put("partial_response_strategy", "abort");
        assertThat(VALIDATOR.validate(rule, "1.30")).isEmpty();

        group.put("partial_response_strategy", "ignore");
        assertThat(VALIDATOR.validate(rule, "1.30"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "PrometheusRule/galera (k8s v1.30.0): spec.groups[0].partial_response_strategy",
                        "does not match the regex pattern ^(?i)(abort|warn)?$"));
    }

    @Test
    void documentWithoutKindIsAProblem() {
        JsonNode document = Fixtures.yaml("apiVersion: v1\nmetadata:\n  name: x\n");

        assertThat(VALIDATOR.validate(document, "1.30"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "(document without kind)/x (k8s v1.30.0)",
                        "a manifest document needs a string apiVersion and kind"));
    }

    private static ObjectNode container(ObjectNode statefulSet) {
        ArrayNode containers = (ArrayNode) statefulSet.at("/spec/template/spec/containers");
        return (ObjectNode) containers.get(0);
    }

    @Test
    void sharedValidatorKeepsTheLocationsItWasGiven() {
        SchemaValidator full = new SchemaValidator(TestSchemas.schemaLocations());
        assertThat(full.ignoresMissingSchemas()).isFalse();
        assertThat(full.locations())
                .extracting(SchemaLocation::toString)
                .containsExactly(
                        TestSchemas.root().toString(),
                        TestSchemas.root().resolve("derived").toString());
        assertThat(VALIDATOR.locations()).extracting(SchemaLocation::toString).containsExactly("bundled");
    }
}
