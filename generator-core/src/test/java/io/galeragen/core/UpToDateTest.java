package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.output.Layout;
import io.galeragen.core.values.ValuesSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate records what it read and wrote; upToDate is true only while all of it is unchanged. */
class UpToDateTest {

    @TempDir
    Path project;

    private GaleraGenerator generator(String code) {
        return GaleraGenerator.builder().codeIdentity(code).build();
    }

    private GenerationRequest request() throws IOException {
        Path values = project.resolve("values.yaml");
        if (!Files.exists(values)) {
            Files.writeString(values, "name: stock\nreplicas: 2\n");
        }
        return new GenerationRequest(
                List.of(ValuesSource.file(values, "values.yaml")),
                project.resolve("out"),
                Layout.PER_RESOURCE,
                null,
                project.resolve("state/generate.state"));
    }

    @Test
    void aRepeatedRequestIsUpToDateAndReportsTheLastRun() throws IOException {
        Generated generated = generator("core 1").generate(request());

        Optional<UpToDate> upToDate = generator("core 1").upToDate(request());

        assertThat(upToDate).hasValueSatisfying(last -> {
            assertThat(last.clusterName()).isEqualTo("stock");
            assertThat(last.documents())
                    .isEqualTo(generated.rendering().manifests().size())
                    .isEqualTo(7);
            assertThat(last.warnings())
                    .isEqualTo(generated.rendering().warnings())
                    .isNotEmpty();
        });
        assertThat(Files.readString(project.resolve("state/generate.state")))
                .contains("file statefulset-stock.yaml ", "file kustomization.yaml ", "cluster stock\n");
    }

    @Test
    void anyChangeOfInputsOrOutputsMeansGenerateAgain() throws IOException {
        generator("core 1").generate(request());
        Path statefulSet = project.resolve("out/statefulset-stock.yaml");

        assertThat(generator("core 2").upToDate(request()))
                .as("another galera-gen build")
                .isEmpty();
        assertThat(GaleraGenerator.builder()
                        .codeIdentity("core 1")
                        .typeCheck(false)
                        .build()
                        .upToDate(request()))
                .as("other generator settings")
                .isEmpty();
        assertThat(generator("core 1").upToDate(request().withLayout(Layout.SINGLE)))
                .as("other layout")
                .isEmpty();

        Files.writeString(statefulSet, Files.readString(statefulSet) + "# edited\n");
        assertThat(generator("core 1").upToDate(request()))
                .as("an edited output file")
                .isEmpty();
        generator("core 1").generate(request());
        Files.delete(statefulSet);
        assertThat(generator("core 1").upToDate(request()))
                .as("a deleted output file")
                .isEmpty();
        generator("core 1").generate(request());
        assertThat(generator("core 1").upToDate(request())).isPresent();

        Files.writeString(project.resolve("values.yaml"), "name: stock\nreplicas: 3\n");
        assertThat(generator("core 1").upToDate(request())).as("changed values").isEmpty();
    }

    @Test
    void classesInAFolderAreNeverTrusted() throws IOException {
        GaleraGenerator fromThisBuild = GaleraGenerator.builder().build(); // target/classes, not a jar
        fromThisBuild.generate(request());

        assertThat(fromThisBuild.upToDate(request())).isEmpty();
        assertThat(project.resolve("state/generate.state")).doesNotExist();
    }
}
