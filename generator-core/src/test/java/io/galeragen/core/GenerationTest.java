package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.output.DriftCheck;
import io.galeragen.core.output.Layout;
import io.galeragen.core.values.ValuesSource;
import io.galeragen.core.yaml.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedder's path from values to files: generate, then check for drift. */
class GenerationTest {

    @TempDir
    Path out;

    private final GaleraGenerator generator = GaleraGenerator.builder().build();

    @Test
    void generateWritesWhatTheValuesDescribeAndCheckFindsNoDrift() throws IOException {
        GenerationRequest request =
                GenerationRequest.of(List.of(ValuesSource.yaml("name: billing\nreplicas: 5\n", "values.yaml")), out);

        Generated generated = generator.generate(request);

        assertThat(generated.cluster().replicas()).isEqualTo(5);
        List<JsonNode> documents = Yaml.readAll(Files.readString(out.resolve("galera.yaml")), "galera.yaml");
        assertThat(documents)
                .extracting(doc -> doc.at("/metadata/name").textValue())
                .contains("billing");
        assertThat(generator.check(request)).isEmpty();
    }

    @Test
    void checkReportsEveryFileOfAnotherLayoutAndNeverWrites() {
        GenerationRequest single = GenerationRequest.of(List.of(), out);
        generator.generate(single);

        List<DriftCheck.Drift> drift = generator.check(single.withLayout(Layout.PER_RESOURCE));

        assertThat(drift)
                .extracting(DriftCheck.Drift::toString)
                .contains("galera.yaml (extra)", "kustomization.yaml (missing)", "statefulset-mariadb.yaml (missing)");
        assertThat(out.resolve("kustomization.yaml")).doesNotExist();
    }

    @Test
    void badValuesWriteNothing() {
        GenerationRequest request = GenerationRequest.of(
                List.of(ValuesSource.settings("replicas=0", "-Dgalera.set")), out.resolve("manifests"));

        assertThatThrownBy(() -> generator.generate(request))
                .isInstanceOf(GaleraGenException.class)
                .hasMessage("-Dgalera.set: replicas: 0 is not allowed: a whole number from 1 to 31");
        assertThat(out.resolve("manifests")).doesNotExist();
    }

    @Test
    void theValuesSchemaIsWrittenWhereAskedAndNeverIntoTheManifestsFolder() throws IOException {
        Path schema = out.resolve("values.schema.json");
        GenerationRequest request = GenerationRequest.of(List.of(), out.resolve("manifests"))
                .withLayout(Layout.PER_RESOURCE)
                .withValuesSchemaFile(schema);

        generator.generate(request);

        assertThat(Yaml.readTree(Files.readString(schema), "schema")
                        .path("properties")
                        .has("replicas"))
                .isTrue();
        assertThat(out.resolve("manifests")).isDirectoryNotContaining("glob:**.json");
        assertThat(generator.check(request)).isEmpty();
        assertThatThrownBy(() -> request.withValuesSchemaFile(out.resolve("manifests/values.schema.json")))
                .isInstanceOf(GaleraGenException.class)
                .hasMessageContaining("outside the output folder");
    }
}
