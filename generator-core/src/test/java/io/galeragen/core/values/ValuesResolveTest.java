package io.galeragen.core.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.model.RecoveryPolicy;
import io.galeragen.core.model.SecretRef;
import io.galeragen.core.model.SstMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValuesResolveTest {

    @Test
    void noValuesGiveTheModelDefaults() {
        assertThat(Values.resolve(List.of())).isEqualTo(GaleraCluster.defaults());
    }

    @Test
    void aValuesFileOverridesOnlyTheKeysItNames() {
        GaleraCluster cluster = resolve("replicas: 5\nstorage:\n  size: 50Gi\n");

        assertThat(cluster.replicas()).isEqualTo(5);
        assertThat(cluster.storage().size()).isEqualTo("50Gi");
        assertThat(cluster.storage().accessModes())
                .isEqualTo(GaleraCluster.defaults().storage().accessModes());
        assertThat(cluster.images()).isEqualTo(GaleraCluster.defaults().images());
    }

    @Test
    void laterFilesWinMappingsMergeAndListsReplace(@TempDir Path dir) throws IOException {
        Path base = write(
                dir,
                "base.yaml",
                "replicas: 5\nstorage:\n  size: 50Gi\n  accessModes: [ReadWriteOnce, ReadOnlyMany]\n");
        Path prod = write(
                dir,
                "prod.yaml",
                "replicas: 7\nstorage:\n  storageClassName: ceph-rbd\n  accessModes: [ReadWriteOncePod]\n");

        GaleraCluster cluster =
                Values.resolve(List.of(ValuesSource.file(base, "base.yaml"), ValuesSource.file(prod, "prod.yaml")));

        assertThat(cluster.replicas()).isEqualTo(7);
        assertThat(cluster.storage().size()).isEqualTo("50Gi");
        assertThat(cluster.storage().storageClassName()).isEqualTo("ceph-rbd");
        assertThat(cluster.storage().accessModes()).containsExactly("ReadWriteOncePod");
    }

    @Test
    void settingsWinOverFilesAndAreTypedByTheirKey() {
        GaleraCluster cluster = Values.resolve(List.of(
                ValuesSource.yaml("replicas: 5\ncreateNamespace: false\n", "values.yaml"),
                ValuesSource.settings("replicas=3,createNamespace=true,galera.applierThreads=8", "-Dgalera.set")));

        assertThat(cluster.replicas()).isEqualTo(3);
        assertThat(cluster.createNamespace()).isTrue();
        assertThat(cluster.galera().applierThreads()).isEqualTo(8);
    }

    @Test
    void listsAreSetWholeAsCommaListsOrByIndex() {
        GaleraCluster whole = Values.resolve(List.of(
                ValuesSource.settings("storage.accessModes=ReadWriteOnce,ReadOnlyMany,replicas=5", "-Dgalera.set")));
        GaleraCluster indexed =
                Values.resolve(List.of(ValuesSource.settings("storage.accessModes[1]=ReadOnlyMany", "-Dgalera.set")));

        assertThat(whole.storage().accessModes()).containsExactly("ReadWriteOnce", "ReadOnlyMany");
        assertThat(whole.replicas()).isEqualTo(5);
        assertThat(indexed.storage().accessModes()).containsExactly("ReadWriteOnce", "ReadOnlyMany");
    }

    @Test
    void mapKeysMayContainDotsAndEscapedCommasStayInTheValue() {
        GaleraCluster cluster = Values.resolve(List.of(ValuesSource.settings(
                "labels.app.kubernetes.io/part-of=shop,galera.extraCnf[0]=sql_mode=STRICT_ALL_TABLES\\,NO_ZERO_DATE",
                "-Dgalera.set")));

        assertThat(cluster.labels()).containsEntry("app.kubernetes.io/part-of", "shop");
        assertThat(cluster.galera().extraCnf()).containsExactly("sql_mode=STRICT_ALL_TABLES,NO_ZERO_DATE");
    }

    @Test
    void pomEntriesAreOneSettingEach() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("storage.size", "20Gi");
        entries.put("galera.extraCnf", "max_connections=500,innodb_buffer_pool_size=1G");

        GaleraCluster cluster = Values.resolve(List.of(ValuesSource.settings(entries, "<values>")));

        assertThat(cluster.storage().size()).isEqualTo("20Gi");
        assertThat(cluster.galera().extraCnf()).containsExactly("max_connections=500", "innodb_buffer_pool_size=1G");
    }

    @Test
    void secretDefaultsFollowTheNameFromAnyLayer() {
        GaleraCluster fromFile = resolve("name: orders\n");
        GaleraCluster fromSet = Values.resolve(List.of(ValuesSource.settings("name=billing", "-Dgalera.set")));

        assertThat(fromFile.rootPassword()).isEqualTo(SecretRef.of("orders-credentials", "root-password"));
        assertThat(fromFile.galera().sstCredentials().name()).isEqualTo("orders-credentials");
        assertThat(fromFile.exporter().credentials().name()).isEqualTo("orders-credentials");
        assertThat(fromSet.rootPassword().name()).isEqualTo("billing-credentials");
    }

    @Test
    void anExplicitSecretRefWinsOverTheNameDefault() {
        GaleraCluster cluster = resolve("name: orders\nrootPassword:\n  name: vault-synced\n");

        assertThat(cluster.rootPassword()).isEqualTo(SecretRef.of("vault-synced", "root-password"));
        assertThat(cluster.galera().sstCredentials().name()).isEqualTo("orders-credentials");
    }

    @Test
    void enumsAreSpelledByTheirValue() {
        GaleraCluster cluster = resolve("recoveryPolicy: force-pod0\ngalera:\n  sstMethod: rsync\n");

        assertThat(cluster.recoveryPolicy()).isEqualTo(RecoveryPolicy.FORCE_POD0);
        assertThat(cluster.galera().sstMethod()).isEqualTo(SstMethod.RSYNC);
    }

    @Test
    void nullUnsetsAnOptionalString() {
        GaleraCluster cluster = resolve("resources:\n  memoryLimit: null\n");

        assertThat(cluster.resources().memoryLimit()).isNull();
        assertThat(cluster.resources().memoryRequest()).isEqualTo("1Gi");
    }

    @Test
    void anExplicitlyEmptyMappingKeepsEveryDefault() {
        assertThat(resolve("# every default, on purpose\n{}\n")).isEqualTo(GaleraCluster.defaults());
    }

    @Test
    void anEmptyFileIsRefusedSayingWhatItWouldDo() {
        for (String empty : List.of("", "\n\n", "# nothing yet\n")) {
            assertThatThrownBy(() -> resolve(empty))
                    .isInstanceOf(io.galeragen.core.error.GaleraGenException.class)
                    .hasMessage("values.yaml: holds no values (it is empty or only comments); alone it would render"
                            + " the defaults, a cluster \"mariadb\" in namespace \"default\", over the output. Write"
                            + " the values (e.g. name: and replicas:), or {} to keep every default on purpose");
        }
    }

    @Test
    void theMergedTreeShowsDefaultsAndOverrides() {
        var tree = Values.mergedTree(List.of(ValuesSource.yaml("replicas: 5\n", "values.yaml")));

        assertThat(tree.get("replicas").intValue()).isEqualTo(5);
        assertThat(tree.at("/images/mariadb").textValue())
                .isEqualTo(GaleraCluster.defaults().images().mariadb());
        assertThat(tree.at("/recoveryPolicy").textValue()).isEqualTo("safe");
    }

    static GaleraCluster resolve(String yaml) {
        return Values.resolve(List.of(ValuesSource.yaml(yaml, "values.yaml")));
    }

    static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
