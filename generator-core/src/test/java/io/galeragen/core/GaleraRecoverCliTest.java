package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.model.GaleraCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * galera-recover's command line as a person meets it: help, usage errors, a kubectl that fails or finds nothing,
 * and the defaults of the cluster it was generated for. kubectl is a small stand-in script that answers as the real
 * one does (its messages are kubectl's). The planning itself is tested in GaleraRecoverPlanTest.
 */
class GaleraRecoverCliTest {

    private static final GaleraGenerator GENERATOR =
            GaleraGenerator.builder().kubernetesVersions(List.of()).build();

    @TempDir
    Path dir;

    private Path script;
    private Path kubectl;

    record Run(int exitCode, String stdout, String stderr) {}

    @BeforeEach
    void writeTheGeneratedScript() throws IOException {
        String rendered = GENERATOR
                .render(GaleraCluster.builder()
                        .name("shop-db")
                        .namespace("shop")
                        .build())
                .tools()
                .get("galera-recover");
        script = Files.writeString(dir.resolve("galera-recover"), rendered);
        kubectl = dir.resolve("kubectl");
    }

    @Test
    void helpGoesToStandardOutputAndSucceeds() throws Exception {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout())
                .startsWith("Usage:\n  galera-recover [-n NAMESPACE]")
                .contains("--plan-from FILE")
                .contains("NAMESPACE and STATEFULSET default to the cluster this copy was generated for");
        assertThat(run.stderr()).isEmpty();
    }

    @Test
    void aUsageErrorSaysWhatIsWrongOnStandardErrorAndExitsOne() throws Exception {
        Run unknown = run("--aply");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.stderr()).startsWith("galera-recover: unknown option --aply\nUsage:");
        assertThat(unknown.stdout()).isEmpty();

        Run missingValue = run("-n");
        assertThat(missingValue.exitCode()).isEqualTo(1);
        assertThat(missingValue.stderr()).startsWith("galera-recover: -n needs a value\n");
    }

    @Test
    void itDefaultsToTheNamespaceAndStatefulSetItWasGeneratedFor() throws Exception {
        fakeKubectl("""
                echo "kubectl $*" >> "$(dirname "$0")/calls"
                case "$*" in
                  "-n shop get statefulset shop-db -o jsonpath={.spec.replicas}") echo 3 ;;
                  "-n shop exec shop-db-"[012]" -c mariadb -- sh -c "*) pod=${4}
                    printf '%s\n' "pod=$pod" status=running volume=data uuid=0f1e2d3c-0000-11f1-8000-000000000001 \
                      seqno=-1 cluster=Primary cluster_uuid=0f1e2d3c-0000-11f1-8000-000000000001 ;;
                  *) echo "unexpected: $*" >&2; exit 1 ;;
                esac
                """);

        Run run = run();

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("PLAN none\nreason: a Primary component is up (shop-db-0");
        assertThat(Files.readAllLines(dir.resolve("calls")))
                .first()
                .isEqualTo("kubectl -n shop get statefulset shop-db -o jsonpath={.spec.replicas}");
    }

    @Test
    void aFailingKubectlEndsTheRunWithItsOwnMessageAndExitOne() throws Exception {
        fakeKubectl("""
                echo 'Error from server (NotFound): statefulsets.apps "shop-dbx" not found' >&2
                exit 1
                """);

        Run run = run("shop-dbx");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr())
                .isEqualTo("galera-recover: cannot read statefulset shop-dbx in namespace shop with " + kubectl
                        + ":\n  Error from server (NotFound): statefulsets.apps \"shop-dbx\" not found\n");
        assertThat(run.stdout()).doesNotContain("PLAN");
    }

    @Test
    void noReachableClusterIsKubectlsMessageToo() throws Exception {
        fakeKubectl("""
                echo 'The connection to the server localhost:8080 was refused - did you specify the right host or port?' >&2
                exit 1
                """);

        Run run = run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr())
                .contains("cannot read statefulset shop-db in namespace shop")
                .contains("The connection to the server localhost:8080 was refused");
    }

    @Test
    void aStatefulSetWithoutPodsIsSaidPlainly() throws Exception {
        fakeKubectl("""
                case "$*" in
                  *"get statefulset"*) echo 3 ;;
                  *) echo "Error from server (NotFound): pods \\"${4:-x}\\" not found" >&2; exit 1 ;;
                esac
                """);

        Run run = run();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr())
                .isEqualTo("galera-recover: no pod of statefulset shop-db in namespace shop exists"
                        + " (shop-db-0 to shop-db-2 not found); nothing to recover. See: " + kubectl
                        + " -n shop get pods\n");
    }

    @Test
    void aStatefulSetScaledToZeroIsSaidPlainly() throws Exception {
        fakeKubectl("echo 0\n");

        Run run = run("-n", "db", "orders");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr())
                .isEqualTo("galera-recover: statefulset orders in namespace db has 0 replicas: no pod"
                        + " to recover (scale it up first)\n");
    }

    private void fakeKubectl(String body) throws IOException {
        Files.writeString(kubectl, "#!/bin/bash\n" + body);
        Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("/bin/bash", script.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(Map.of("KUBECTL", kubectl.toString()));
        builder.redirectError(dir.resolve("stderr").toFile())
                .redirectOutput(dir.resolve("stdout").toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("galera-recover did not finish in 30 s");
        }
        return new Run(
                process.exitValue(),
                Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
    }
}
