package io.galeragen.core.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.GaleraGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed example values files bind, and render exactly their committed output. */
class ExampleValuesTest {

    @Test
    void cephRbdThreeZonesValuesRenderItsExpectedOutput() throws IOException {
        Path example = Path.of("../examples/ceph-rbd-3-zones");
        var cluster =
                GaleraGenerator.cluster(List.of(ValuesSource.file(example.resolve("values.yaml"), "values.yaml")));

        assertThat(GaleraGenerator.builder().build().render(cluster).combinedYaml())
                .isEqualTo(Files.readString(example.resolve("expected/galera.yaml")));
    }
}
