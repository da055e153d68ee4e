package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.galeragen.core.podlab.IpFamily;
import io.galeragen.core.podlab.Pod;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import io.galeragen.core.podlab.oracle.Members;
import io.galeragen.core.podlab.oracle.Oracle;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import io.galeragen.core.podlab.oracle.Writers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 12, defect 11 in the pod lab: the basic example, rendered files unmodified, on an IPv6-only pod network (every
 * pod, the DNS and the client have one address of fd00:10:244:&lt;subnet&gt;::/64 and no IPv4 address but the
 * loopback's; DNS answers AAAA and no A). The members find each other by name, replicate, transfer state by
 * mariabackup SST and IST, and the client writes through the Service over IPv6.
 *
 * <p>Runs beside the sequential classes, in the second lab ({@link Labs#SECOND_LAB}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Labs.SECOND_LAB)
class Ipv6OnlyPodNetworkIT {

    /** Two SSTs and three initialisations on two shared cores: minutes under load, about one idle. */
    private static final Duration FRESH_START_BOUND = Duration.ofMinutes(10);

    private static final Duration SELF_HEAL_BOUND = Duration.ofMinutes(5);

    private PodLab lab;
    private Instant labStarted;

    @BeforeAll
    void startLab() {
        Labs.assumeLabCanRun();
        lab = Labs.start(Labs.config(Labs.SECOND_ID, Labs.basicExample()).withIpFamily(IpFamily.IPV6));
        labStarted = Instant.now();
    }

    @AfterAll
    void closeLab() {
        Labs.close(lab);
    }

    @Test
    @Order(1)
    void freshStartOnIpv6OnlyPods() {
        try (ScenarioRun run = ScenarioRun.begin(lab, "IPv6-only pods: fresh start, 3 members")) {
            run.faultNowAt(labStarted);
            run.expectHealed(FRESH_START_BOUND);
            try (Writers writers = Writers.throughService(lab, "v6a", 2_000, Duration.ofMinutes(2))) {
                writers.awaitAcknowledged(200, Duration.ofMinutes(2));
                Oracle.Data data = run.finish(writers.stop());
                assertThat(data.presentOnEveryMember())
                        .isEqualTo(data.acknowledged())
                        .isGreaterThanOrEqualTo(200);
            }
        }
        for (Pod member : lab.members().subList(1, 3)) {
            // Each joiner received its data by mariabackup SST, to its bracketed IPv6 address.
            assertThat(lab.log(member.name(), "mariadb"))
                    .as(member.name())
                    .contains("wsrep_sst_mariabackup --role 'joiner' --address '[" + member.ip() + "]'");
        }
    }

    /** What the members themselves report: their only addresses, resolver, DNS answers and Galera's addresses. */
    @Test
    @Order(2)
    void everyMemberIsReachedOverIpv6Only() {
        Members members = new Members(lab);
        List<Pod> pods = lab.members();
        List<String> bracketedIps = pods.stream().map(p -> "[" + p.ip() + "]").toList();
        Set<String> seenByGalera = new TreeSet<>();
        for (Pod pod : pods) {
            assertThat(pod.ip()).as("status.podIP of " + pod.name()).startsWith("fd00:10:244:");
            assertThat(shell(pod, "hostname -I").trim())
                    .as("the addresses of " + pod.name() + " (all but the loopback's)")
                    .isEqualTo(pod.ip());
            assertThat(shell(pod, "grep nameserver /etc/resolv.conf")).contains("nameserver fd00:10:244:");
            String peer = "shop-db-0.shop-db-peers.shop.svc.cluster.local";
            assertThat(shell(pod, "getent ahostsv6 " + peer))
                    .contains(lab.pod("shop-db-0").ip());
            assertThat(exec(pod, "getent ahostsv4 " + peer).exitCode())
                    .as("no A record for " + peer)
                    .isNotZero();
            // Galera's members as this one sees them, [address]:port: only pod IPs in brackets. A member's own entry
            // can be missing for a while after it joined, and the port reads 0 on IPv4 as well when it is MariaDB's
            // default (mariadbd sets it after starting wsrep): the addresses are compared, over every member.
            List<String> listed = members.status(pod.name()).incomingAddresses().stream()
                    .filter(address -> !address.isBlank())
                    .map(address -> address.substring(0, address.lastIndexOf(':')))
                    .toList();
            assertThat(bracketedIps)
                    .as("wsrep_incoming_addresses on " + pod.name())
                    .containsAll(listed);
            seenByGalera.addAll(listed);
        }
        assertThat(seenByGalera).containsExactlyInAnyOrderElementsOf(bracketedIps);
    }

    @Test
    @Order(3)
    void deleteOnePodUnderWritesRejoinsByIst() {
        underWrites("IPv6-only pods: delete one pod under writes", "v6b", run -> {
            String before = lab.pod("shop-db-1").uid();
            run.faultNow();
            lab.faults().deletePod("shop-db-1");
            PodLab.await(
                    "shop-db-1 re-created",
                    Duration.ofMinutes(3),
                    () -> lab.findPod("shop-db-1")
                            .map(p -> !p.uid().equals(before))
                            .orElse(false));
        });
        assertThat(lab.log("shop-db-1", "mariadb")).contains("IST received");
    }

    @Test
    @Order(4)
    void killEveryPodAtOnceUnderWrites() {
        underWrites("IPv6-only pods: kill -9 every pod at once under writes", "v6c", run -> {
            run.faultNow();
            lab.faults().crashAllMembers();
        });
    }

    /** From a healthy cluster taking writes through the client Service: the fault, healing, 100 more writes. */
    private void underWrites(String name, String writer, Consumer<ScenarioRun> fault) {
        try (ScenarioRun run = ScenarioRun.begin(lab, name)) {
            run.expectHealed(SELF_HEAL_BOUND);
            try (Writers writers = Writers.throughService(lab, writer, 100_000, Duration.ofMinutes(6))) {
                writers.awaitAcknowledged(300, Duration.ofMinutes(1));
                fault.accept(run);
                run.expectHealed(SELF_HEAL_BOUND);
                writers.awaitAcknowledged(writers.acknowledgedSoFar() + 100, Duration.ofMinutes(2));
                Oracle.Data data = run.finish(writers.stop());
                assertThat(data.presentOnEveryMember()).isEqualTo(data.acknowledged());
            }
        }
    }

    private Shell.Result exec(Pod pod, String command) {
        return lab.exec(pod.name(), "mariadb", List.of("bash", "-c", command), Map.of(), Duration.ofSeconds(30));
    }

    private String shell(Pod pod, String command) {
        Shell.Result result = exec(pod, command);
        assertThat(result.exitCode())
                .as(command + " on " + pod.name() + ": " + result.output())
                .isZero();
        return result.output();
    }
}
