package io.galeragen.core.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** galera-recover's decision, a pure function of the pods' table, run through --plan-from. */
class GaleraRecoverPlanTest {

    private static final String U = "6554e8b9-e793-11f1-b179-4b2c6e04df11";
    private static final String OTHER = "11111111-e793-11f1-b179-4b2c6e04df11";

    @TempDir
    Path dir;

    record Plan(int exitCode, String output) {
        String first() {
            return output.lines().findFirst().orElse("");
        }
    }

    private Plan plan(String table, String... options) throws IOException, InterruptedException {
        Path script = dir.resolve("galera-recover");
        Files.writeString(script, ShippedFiles.resource(ShippedFiles.FILES + "galera-recover"));
        Path tableFile = dir.resolve("pods.txt");
        Files.writeString(tableFile, table);
        List<String> command = new ArrayList<>(List.of("/bin/bash", script.toString(), "--plan-from", tableFile.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Plan(process.waitFor(), output);
    }

    @Test
    void picksTheHighestSeqnoAndPrintsTheMarkerCommand() throws Exception {
        Plan plan = plan("""
                # pod status container uuid seqno safe_to_bootstrap gvwstate
                galera-0 waiting init %1$s 90 0 1
                galera-1 waiting mariadb %1$s 120 0 1
                galera-2 waiting init %1$s 100 0 0
                """.formatted(U), "-n", "db");
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.first()).isEqualTo("PLAN bootstrap galera-1 confirm-new-cluster");
        assertThat(plan.output()).contains("reason: highest seqno 120 among all pods")
                .contains("kubectl -n db exec galera-1 -c mariadb -- touch /tmp/confirm-new-cluster");
    }

    @Test
    void amongEqualSeqnosPrefersSafeToBootstrapThenLowestOrdinal() throws Exception {
        assertThat(plan("galera-0 waiting init %1$s 50 0 0\ngalera-1 waiting init %1$s 50 1 0\ngalera-2 waiting init %1$s 50 0 0\n"
                .formatted(U)).first()).isEqualTo("PLAN bootstrap galera-1 confirm-new-cluster");
        assertThat(plan("galera-0 waiting init %1$s 50 0 0\ngalera-1 waiting init %1$s 49 0 0\ngalera-2 waiting init %1$s 50 0 0\n"
                .formatted(U)).first()).isEqualTo("PLAN bootstrap galera-0 confirm-new-cluster");
    }

    @Test
    void refusesToBootstrapAPodThatIsBehindUnlessForced() throws Exception {
        String table = "galera-0 waiting init %1$s 100 0 0\ngalera-1 waiting init %1$s 90 0 1\ngalera-2 waiting init %1$s 95 0 1\n"
                .formatted(U);
        Plan refused = plan(table, "--bootstrap", "galera-1");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.first()).isEqualTo("PLAN refuse");
        assertThat(refused.output()).contains("galera-1 is behind: seqno 90 < 100 on galera-0; bootstrapping it would lose 10 writesets");

        Plan forced = plan(table, "--bootstrap", "galera-1", "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(forced.first()).isEqualTo("PLAN bootstrap galera-1 confirm-force-bootstrap");
        assertThat(forced.output()).contains("sh -c 'echo lose-writes > /tmp/confirm-force-bootstrap'");
    }

    @Test
    void refusesWhileAnyPositionIsUnknown() throws Exception {
        Plan plan = plan("galera-0 unknown - - -1 0 0\ngalera-1 waiting init %1$s 90 0 0\ngalera-2 waiting init %1$s 95 0 0\n"
                .formatted(U));
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.output()).contains("position unknown for galera-0");
    }

    @Test
    void refusesDifferentHistories() throws Exception {
        Plan plan = plan("galera-0 waiting init %s 90 0 0\ngalera-1 waiting init %s 95 0 0\n".formatted(U, OTHER));
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.output()).contains("different cluster histories");
    }

    @Test
    void doesNothingWhenAPrimaryComponentIsUp() throws Exception {
        Plan plan = plan("galera-0 ready mariadb - -1 0 0\ngalera-1 waiting init %1$s 90 0 0\n".formatted(U));
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.first()).isEqualTo("PLAN none");
        assertThat(plan.output()).contains("waiting pods join it by themselves");
    }

    @Test
    void refusesToPlanABootstrapOfAPodThatIsNotWaiting() throws Exception {
        Plan plan = plan("galera-0 starting mariadb %1$s 100 0 1\ngalera-1 waiting init %1$s 90 0 0\n".formatted(U));
        assertThat(plan.exitCode()).isEqualTo(2);
        assertThat(plan.output()).contains("galera-0 should bootstrap (highest seqno 100 among all pods) but is starting");
    }
}
