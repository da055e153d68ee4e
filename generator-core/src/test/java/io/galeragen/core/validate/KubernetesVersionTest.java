package io.galeragen.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KubernetesVersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.30, v1.30.0",
        "1.30.0, v1.30.0",
        "v1.30.0, v1.30.0",
        "v1.30, v1.30.0",
        "1.31.2, v1.31.2",
        "' v1.28.0 ', v1.28.0",
        "1.030, v1.30.0",
        "master, master"
    })
    void normalisesToTheSchemaFolderForm(String given, String normalized) {
        assertThat(KubernetesVersion.parse(given).normalized()).isEqualTo(normalized);
        assertThat(KubernetesVersion.parse(given)).hasToString(normalized);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "v1", "1.30.0.1", "latest", "1.x", "v1.30.0-rc.1"})
    void rejectsWhatIsNotAVersion(String given) {
        assertThatThrownBy(() -> KubernetesVersion.parse(given))
                .isInstanceOfSatisfying(
                        GaleraGenException.class,
                        failure -> assertThat(failure.problems())
                                .containsExactly(Problem.badValue(
                                        Input.KUBERNETES_VERSIONS,
                                        "",
                                        given,
                                        "a version like 1.30, 1.30.0 or v1.30.0")));
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> KubernetesVersion.parse(null))
                .isInstanceOf(GaleraGenException.class)
                .hasMessageContaining("a version like 1.30");
    }
}
