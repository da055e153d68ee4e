package io.galeragen.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.galeragen.core.TestSchemas;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How schemas are found: location order, missing schemas, per-instance reuse. */
class SchemaLookupTest {

    private static final JsonNode REPLICA_SET = Fixtures.yaml("""
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: galera
            """);

    @TempDir
    Path temp;

    @Test
    void missingSchemaNamesKindVersionAndEveryPlaceTried() {
        Path root = TestSchemas.root();
        SchemaValidator validator = new SchemaValidator(TestSchemas.schemaLocations());

        assertThat(validator.validate(REPLICA_SET, "1.30"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "ReplicaSet/galera (k8s v1.30.0)",
                        "no schema for apps/v1 ReplicaSet in any schema location; tried "
                                + root.resolve("v1.30.0-standalone-strict/replicaset-apps-v1.json") + ", "
                                + root.resolve("derived/v1.30.0-standalone-strict/replicaset-apps-v1.json")
                                + "; add a schema location that has it"));
    }

    @Test
    void missingVersionIsAMissingSchema() {
        SchemaValidator validator = new SchemaValidator(TestSchemas.schemaLocations());

        assertThat(validator.validate(Fixtures.valid("service"), "1.27"))
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.where()).isEqualTo("Service/galera-headless (k8s v1.27.0)");
                    assertThat(problem.message())
                            .startsWith("no schema for v1 Service in any schema location; tried ")
                            .contains("v1.27.0-standalone-strict/service-v1.json");
                });
    }

    @Test
    void missingSchemasCanBeIgnored() {
        SchemaValidator validator = new SchemaValidator(TestSchemas.schemaLocations(), true);

        assertThat(validator.validate(REPLICA_SET, "1.30")).isEmpty();
        assertThat(validator.ignoresMissingSchemas()).isTrue();
    }

    @Test
    void firstLocationThatHasTheSchemaWins() throws IOException {
        // A stricter ConfigMap schema in a folder tried before the shared ones: it, not the shared one, applies.
        write(temp.resolve("v1.30.0-standalone-strict/configmap-v1.json"), """
                {"type": "object", "required": ["immutable"]}
                """);
        List<SchemaLocation> locations = List.of(
                SchemaLocation.parse(temp.toString()),
                SchemaLocation.parse(TestSchemas.root().toString()));
        SchemaValidator validator = new SchemaValidator(locations);

        assertThat(validator.validate(Fixtures.valid("configmap"), "1.30"))
                .containsExactly(new Problem(
                        Input.RENDERED,
                        "ConfigMap/galera-config (k8s v1.30.0): (root)",
                        "required property 'immutable' not found"));
        // Not in the first folder for 1.31: the shared schema is used.
        assertThat(validator.validate(Fixtures.valid("configmap"), "1.31")).isEmpty();
    }

    @Test
    void compiledSchemaIsReusedByTheSameValidator() throws IOException {
        Path schema = temp.resolve("v1.30.0-standalone-strict/namespace-v1.json");
        Files.createDirectories(schema.getParent());
        Files.copy(TestSchemas.root().resolve("v1.30.0-standalone-strict/namespace-v1.json"), schema);
        SchemaValidator validator = new SchemaValidator(List.of(SchemaLocation.parse(temp.toString())));
        assertThat(validator.validate(Fixtures.valid("namespace"), "1.30")).isEmpty();

        Files.delete(schema);

        assertThat(validator.validate(Fixtures.valid("namespace"), "v1.30.0")).isEmpty();
        assertThat(new SchemaValidator(List.of(SchemaLocation.parse(temp.toString())))
                        .validate(Fixtures.valid("namespace"), "1.30"))
                .singleElement()
                .extracting(Problem::message)
                .asString()
                .startsWith("no schema for v1 Namespace");
    }

    @Test
    void schemaThatIsNotJsonIsAnError() throws IOException {
        Path schema = temp.resolve("v1.30.0-standalone-strict/namespace-v1.json");
        write(schema, "{ not json");
        SchemaValidator validator = new SchemaValidator(List.of(SchemaLocation.parse(temp.toString())));

        assertThatThrownBy(() -> validator.validate(Fixtures.valid("namespace"), "1.30"))
                .isInstanceOfSatisfying(
                        GaleraGenException.class,
                        failure -> assertThat(failure.problems())
                                .singleElement()
                                .satisfies(problem -> {
                                    assertThat(problem.where()).isEqualTo(schema.toString());
                                    assertThat(problem.message()).startsWith("is not valid JSON: ");
                                }));
    }

    @Test
    void oneValidatorServesManyThreads() throws Exception {
        SchemaValidator validator = new SchemaValidator(TestSchemas.schemaLocations());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Problem>>> results = new java.util.ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String version : TestSchemas.VERSIONS) {
                    for (String fixture : Fixtures.VALID) {
                        results.add(pool.submit(() -> validator.validate(Fixtures.valid(fixture), version)));
                    }
                }
            }
            for (Future<List<Problem>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
