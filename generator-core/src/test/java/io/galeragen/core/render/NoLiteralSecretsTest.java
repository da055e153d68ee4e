package io.galeragen.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.galeragen.core.Examples;
import io.galeragen.core.TestSchemas;
import io.galeragen.core.model.Defaults;
import io.galeragen.core.model.GaleraCluster;
import io.galeragen.core.output.Manifest;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * galera-gen never renders a secret value: no Secret document, no credential in an env value or a ConfigMap, and no
 * credential in the environment at all (checkov's CKV_K8S_35): a variable named like a credential names a file of the
 * credentials volume. Scans every rendered document of every example and golden cluster.
 */
class NoLiteralSecretsTest {

    /** Names whose value must be a path into the credentials volume. */
    private static final Pattern CREDENTIAL_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PWD|AUTH|KEY).*");
    /** Text that assigns a credential inline: password=..., IDENTIFIED BY '...', wsrep_sst_auth=user:pw. */
    private static final Pattern INLINE_CREDENTIAL = Pattern.compile(
            "(?im)^\\s*(password|wsrep_sst_auth)\\s*=\\s*\\S+|IDENTIFIED BY '[^'$]+'|ssl_key\\s*=\\s*-----BEGIN");

    static Stream<Arguments> clusters() {
        return Stream.of(
                Arguments.of("defaults", GaleraCluster.defaults()),
                Arguments.of(
                        "replicas-1",
                        GaleraCluster.builder().name("solo").replicas(1).build()),
                Arguments.of(
                        "arbitrator",
                        GaleraCluster.builder()
                                .replicas(2)
                                .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                                .build()),
                Arguments.of("ceph-rbd-3-zones", Examples.cephRbd3Zones()),
                Arguments.of(
                        "ceph-rbd-3-zones+arbitrator",
                        Examples.cephRbd3Zones().toBuilder()
                                .replicas(4)
                                .arbitrator(Defaults.ARBITRATOR.withEnabled(true))
                                .build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clusters")
    void noDocumentHoldsASecretValue(String name, GaleraCluster cluster) {
        List<Manifest> manifests =
                TestSchemas.validatingGenerator().render(cluster).manifests();

        assertThat(manifests).extracting(Manifest::kind).doesNotContain("Secret");
        for (Manifest manifest : manifests) {
            assertThat(INLINE_CREDENTIAL.matcher(manifest.yaml()).find())
                    .as(manifest.id() + " holds a credential:\n" + manifest.yaml())
                    .isFalse();
            HasMetadata resource = manifest.resource();
            if (resource instanceof ConfigMap configMap) {
                configMap
                        .getData()
                        .forEach((file, content) -> assertThat(
                                        INLINE_CREDENTIAL.matcher(content).find())
                                .as(manifest.id() + " " + file)
                                .isFalse());
            }
            for (Container container : containers(resource)) {
                for (EnvVar variable : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                    String where = manifest.id() + " " + container.getName() + " " + variable.getName();
                    assertThat(variable.getValueFrom() == null
                                    || variable.getValueFrom().getSecretKeyRef() == null)
                            .as(where + " reads a Secret into the environment")
                            .isTrue();
                    if (CREDENTIAL_NAME.matcher(variable.getName()).matches()) {
                        assertThat(variable.getValue()).as(where).startsWith("/etc/galera-credentials/");
                    }
                }
            }
        }
    }

    private static List<Container> containers(HasMetadata resource) {
        PodSpec pod = resource instanceof StatefulSet statefulSet
                ? statefulSet.getSpec().getTemplate().getSpec()
                : resource instanceof Deployment deployment
                        ? deployment.getSpec().getTemplate().getSpec()
                        : null;
        if (pod == null) {
            return List.of();
        }
        return Stream.concat(
                        pod.getContainers().stream(),
                        pod.getInitContainers() == null ? Stream.empty() : pod.getInitContainers().stream())
                .toList();
    }
}
