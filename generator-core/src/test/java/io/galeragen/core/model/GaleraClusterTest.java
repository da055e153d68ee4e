package io.galeragen.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galeragen.core.error.GaleraGenException;
import io.galeragen.core.error.Input;
import io.galeragen.core.error.Problem;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaleraClusterTest {

    @Test
    void defaultsDescribeAThreeMemberClusterWithSecretBackedCredentials() {
        GaleraCluster cluster = GaleraCluster.defaults();

        assertThat(cluster.name()).isEqualTo("mariadb");
        assertThat(cluster.replicas()).isEqualTo(3);
        assertThat(cluster.wsrepEnabled()).isTrue();
        assertThat(cluster.images().mariadb()).matches(".*/mariadb:(10\\.11|11\\.\\d+)\\.\\d+");
        assertThat(cluster.rootPassword()).isEqualTo(SecretRef.of("mariadb-credentials", "root-password"));
        assertThat(cluster.galera().sstMethod()).isEqualTo(SstMethod.MARIABACKUP);
        assertThat(cluster.recoveryPolicy()).isEqualTo(RecoveryPolicy.SAFE);
    }

    @Test
    void secretDefaultsFollowTheName() {
        GaleraCluster cluster = GaleraCluster.builder().name("orders").build();

        assertThat(cluster.rootPassword().name()).isEqualTo("orders-credentials");
        assertThat(cluster.exporter().credentials().name()).isEqualTo("orders-credentials");
        assertThat(cluster.galera().sstCredentials().name()).isEqualTo("orders-credentials");
    }

    @Test
    void oneMemberRunsWithoutWsrep() {
        assertThat(GaleraCluster.builder().replicas(1).build().wsrepEnabled()).isFalse();
    }

    @Test
    void modelIsImmutable() {
        GaleraCluster cluster = GaleraCluster.builder()
                .labels(new java.util.HashMap<>(Map.of("team", "a")))
                .build();

        assertThatThrownBy(() -> cluster.labels().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cluster.storage().accessModes().add("ReadWriteMany"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 32, 1000})
    void replicasOutsideOneToThirtyOneAreRejected(int replicas) {
        assertProblem(
                builder -> builder.replicas(replicas),
                new Problem(Input.VALUES, "replicas", replicas + " is not allowed: a whole number from 1 to 31"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orders", "orders_db", "-orders", "orders-", "1orders", "ordérs", ""})
    void namesThatAreNotDnsLabelsAreRejected(String name) {
        assertProblem(
                builder -> builder.name(name),
                Problem.badValue(
                        Input.VALUES,
                        "name",
                        name,
                        "a DNS-1123 label (lowercase letters, digits and '-', starting with a letter)"));
    }

    @Test
    void namesTooLongForDerivedObjectNamesAreRejected() {
        String name = "a".repeat(41);
        assertProblem(
                builder -> builder.name(name),
                Problem.badValue(
                        Input.VALUES,
                        "name",
                        name,
                        "at most 40 characters: "
                                + "a DNS-1123 label (lowercase letters, digits and '-', starting with a letter)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10 GB", "10GB", "ten", "10gi", "-5Gi"})
    void storageSizesThatAreNotQuantitiesAreRejected(String size) {
        assertProblem(
                builder -> builder.storage(Defaults.STORAGE.withSize(size)),
                Problem.badValue(Input.VALUES, "storage.size", size, "a Kubernetes quantity, e.g. 10Gi"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "docker.io/library/mariadb", "registry:5000/mariadb"})
    void imagesWithoutTagAreRejected(String image) {
        GaleraGenException error = rejected(
                builder -> builder.images(GaleraCluster.defaults().images().withMariadb(image)));

        assertThat(error.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.where()).isEqualTo("images.mariadb");
            assertThat(problem.message()).contains("\"" + image + "\"").contains("tag or digest");
        });
    }

    @Test
    void pinnedImagesAreAccepted() {
        Images images = GaleraCluster.defaults()
                .images()
                .withMariadb("registry:5000/mariadb:11.4.5")
                .withExporter("prom/mysqld-exporter@sha256:" + "a".repeat(64));

        assertThat(GaleraCluster.builder().images(images).build().images()).isEqualTo(images);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        GaleraGenException error =
                rejected(builder -> builder.name("Bad").replicas(0).storage(Defaults.STORAGE.withSize("10 GB")));

        assertThat(error.problems()).extracting(Problem::where).containsExactly("name", "replicas", "storage.size");
        assertThat(error.getMessage()).startsWith("3 problems:");
    }

    @Test
    void providerOptionsCannotInjectIntoTheOptionString() {
        GaleraSettings galera = GaleraCluster.defaults().galera();
        GaleraSettings injected = new GaleraSettings(
                galera.sstMethod(),
                galera.sstCredentials(),
                galera.sstUser(),
                galera.applierThreads(),
                galera.gcacheSize(),
                Map.of("evs.suspect_timeout", "PT5S;pc.ignore_sb=TRUE"),
                List.of("max_connections=500\n[client]"));

        GaleraGenException error = rejected(builder -> builder.galera(injected));

        assertThat(error.problems())
                .extracting(Problem::where)
                .containsExactly("galera.providerOptions.evs.suspect_timeout", "galera.extraCnf[0]");
    }

    private static void assertProblem(UnaryOperator<GaleraCluster.Builder> change, Problem expected) {
        assertThat(rejected(change).problems()).containsExactly(expected);
    }

    private static GaleraGenException rejected(UnaryOperator<GaleraCluster.Builder> change) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(
                GaleraGenException.class,
                () -> change.apply(GaleraCluster.builder()).build());
    }
}
