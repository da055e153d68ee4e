package io.galeragen.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which versions are validated and where their schemas come from, and the one-line errors when that cannot be. */
class ValidationTargetsTest {

    @TempDir
    Path folder;

    @Test
    void withNothingGivenTheThreeNewestBundledVersionsAreValidatedWithTheBundledSchemas() {
        ValidationTargets targets = ValidationTargets.of(null, List.of(), null);

        assertThat(targets.versions()).extracting(KubernetesVersion::shortName).containsExactly("1.34", "1.35", "1.36");
        assertThat(targets.locations()).containsExactly(SchemaLocation.bundled());
        assertThat(targets.describe()).isEqualTo("Kubernetes 1.34, 1.35, 1.36 (schemas bundled with galera-gen)");
    }

    @Test
    void aVersionWithoutBundledSchemasIsAnErrorListingTheBundledOnes() {
        GaleraGenException error = catchThrowableOfType(
                GaleraGenException.class, () -> ValidationTargets.of(List.of("1.36", "1.40"), List.of(), null));

        assertThat(error.problems())
                .containsExactly(new Problem(
                        Input.KUBERNETES_VERSIONS,
                        "",
                        "\"1.40\" is not allowed: a"
                                + " version whose schemas galera-gen carries: 1.28, 1.29, 1.30, 1.31, 1.32, 1.33, 1.34, 1.35, 1.36"
                                + " (or give schema locations that have it)"));
    }

    @Test
    void aPatchReleaseUsesItsMinorsBundledSchemas() {
        ValidationTargets targets = ValidationTargets.of(List.of("v1.35.4"), List.of(), null);

        assertThat(targets.describe()).isEqualTo("Kubernetes 1.35.4 (schemas bundled with galera-gen)");
        assertThat(BundledSchemas.bundled(targets.versions().get(0)))
                .map(KubernetesVersion::shortName)
                .hasValue("1.35");
    }

    @Test
    void withSchemaLocationsAnyVersionIsAllowedAndTheBundleComesLast() {
        ValidationTargets targets = ValidationTargets.of(List.of("1.40"), List.of(folder.toString()), null);

        assertThat(targets.locations())
                .extracting(SchemaLocation::toString)
                .containsExactly(folder.toString(), "bundled");
        assertThat(targets.describe())
                .isEqualTo("Kubernetes 1.40 (schemas from " + folder + ", then the bundled ones)");
    }

    @Test
    void aMissingSchemaFolderIsOneProblemNamingIt() {
        Path missing = folder.resolve("k8s-schemas");

        GaleraGenException error = catchThrowableOfType(
                GaleraGenException.class,
                () -> ValidationTargets.of(null, List.of(missing.toString(), missing + "/derived"), null));

        assertThat(error.problems())
                .containsExactly(
                        new Problem(Input.SCHEMA_LOCATIONS, missing.toString(), "no such folder: " + missing),
                        new Problem(
                                Input.SCHEMA_LOCATIONS,
                                missing + "/derived",
                                "no such folder: " + missing.resolve("derived")));
    }

    @Test
    void anEmptyListOfVersionsTurnsSchemaValidationOff() {
        ValidationTargets targets = ValidationTargets.of(List.of(), List.of(), null);

        assertThat(targets.validates()).isFalse();
        assertThat(targets.describe()).isEqualTo("no Kubernetes version (schema validation off)");
    }
}
