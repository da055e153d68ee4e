package io.galeragen.core.podlab.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.galeragen.core.podlab.Faults;
import io.galeragen.core.podlab.PodLab;
import io.galeragen.core.podlab.Shell;
import io.galeragen.core.podlab.oracle.Members;
import io.galeragen.core.podlab.oracle.ScenarioRun;
import io.galeragen.core.podlab.oracle.Writers;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Outages that are mostly waiting, run beside the other classes: issue 10 j and issue 11 must show 1 (one member back
 * 7 minutes after the others; cluster DNS down for 2 minutes after a full crash) and must show 4's bound (a member
 * cut off from the Primary component longer than start.sh's watchdog limit decides again).
 * {@code -Dpodlab.lateReturns=N} runs j N times, {@code -Dpodlab.repeat=N} the others (evidence; CI runs each once).
 *
 * <p>In the second lab ({@link Labs#SECOND_LAB}, one class at a time there): failsafe enables JUnit's parallel
 * execution, and every class not marked concurrent runs on one thread, one after another, as before. The class's mode would also apply to its
 * methods, so each scenario is marked {@code SAME_THREAD}: they share the lab and run one after another (run at once,
 * one scenario's faults and writes spoil the other's oracle).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(Labs.SECOND_LAB)
class LongOutagesIT {

    static final Duration SELF_HEAL_BOUND = Duration.ofMinutes(8);
    static final Duration LATE = Duration.ofMinutes(7);
    static final int LATE_RETURNS = Integer.getInteger("podlab.lateReturns", 1);

    private static final String LATE_MEMBER = "shop-db-2";
    private static final List<String> BACK_FIRST = List.of("shop-db-0", "shop-db-1");

    /** The member the watchdog scenario cuts off from the others (its writer is the writers' "-2"). */
    private static final String CUT_OFF = "shop-db-2";
    /** How much longer than the watchdog's limit the member stays cut off (at least). */
    private static final Duration BEYOND_THE_LIMIT = Duration.ofSeconds(50);
    /** How often the watchdog scenario asks the cut-off member whether it is in a Primary component. */
    private static final Duration POLL = Duration.ofSeconds(2);
    /**
     * member-state.sh's timeout for reading another member's state: while cut off, each of start.sh's checks also
     * waits that long for the silent members, so a check comes every refresh period plus this.
     */
    private static final Duration STATE_READ_TIMEOUT = Duration.ofSeconds(3);
    /** Slack of the watchdog's bound beyond two checks: a query, the test's poll and the log's whole seconds. */
    private static final Duration BOUND_SLACK = Duration.ofSeconds(10);

    private static final String WATCHDOG_FIRED = "watchdog: outside a Primary component for";
    private static final String DECIDING = "deciding (init.sh)";
    private static final Pattern LOG_TIME = Pattern.compile("^(\\S+Z) \\[galera-start ");

    private PodLab lab;

    @BeforeAll
    void startLab() {
        lab = Labs.startHealthy(Labs.config(Labs.SECOND_ID, Labs.basicExample()), SELF_HEAL_BOUND);
    }

    @AfterAll
    void closeLab() {
        Labs.close(lab);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void j_oneMemberBackSevenMinutesAfterTheOthers() {
        for (int i = 1; i <= LATE_RETURNS; i++) {
            String label = LATE_RETURNS > 1 ? " (run " + i + " of " + LATE_RETURNS + ")" : "";
            UnderWrites.healsUnderWrites(
                    lab,
                    SELF_HEAL_BOUND,
                    "j. full outage, " + LATE_MEMBER + " back 7 minutes after the others" + label,
                    "j" + i,
                    Duration.ofMinutes(25),
                    this::lateReturn);
        }
    }

    /** Every node lost; two back at once; the third after {@link #LATE}, during which nobody may become Primary. */
    private void lateReturn(ScenarioRun run) {
        lab.faults().loseAllNodes();
        Map<String, Integer> logBefore = new HashMap<>();
        BACK_FIRST.forEach(pod -> logBefore.put(pod, lab.log(pod, "init").length()));
        BACK_FIRST.forEach(lab.faults()::nodeBack);
        Instant back = Instant.now();
        Members members = run.oracle().members();
        while (Duration.between(back, Instant.now()).compareTo(LATE) < 0) {
            assertThat(BACK_FIRST)
                    .as("nobody becomes Primary while " + LATE_MEMBER + " is silent")
                    .noneMatch(pod -> members.status(pod).primary());
            Shell.sleep(Duration.ofSeconds(10));
        }
        for (String pod : BACK_FIRST) {
            assertThat(run.oracle().recoveryState(pod).getOrDefault("decision", ""))
                    .as(pod + "'s decision after 7 minutes")
                    .contains("waiting for " + LATE_MEMBER + " (no answer)");
            assertThat(lab.log(pod, "init").substring(logBefore.get(pod)))
                    .as(pod + "'s init container log since its node came back names the member it waits for")
                    .contains("waiting for " + LATE_MEMBER + " (no answer)");
        }
        lab.faults().nodeBack(LATE_MEMBER);
        run.faultNow();
        run.note(LATE_MEMBER + " back " + Duration.between(back, Instant.now()).toSeconds()
                + " s after the others; meanwhile nobody Primary and both named it; times from its return");
    }

    /** Must show 1: cluster DNS down for 2 minutes right after a full crash. */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void clusterDnsDownForTwoMinutesAfterAFullCrash() {
        for (int i = 1; i <= FullOutageRecoveryIT.REPEAT; i++) {
            UnderWrites.healsUnderWrites(
                    lab,
                    SELF_HEAL_BOUND,
                    "full crash, cluster DNS down for 2 minutes" + FullOutageRecoveryIT.runLabel(i),
                    "dns" + i,
                    Duration.ofMinutes(20),
                    this::dnsDownAfterAFullCrash);
        }
    }

    private void dnsDownAfterAFullCrash(ScenarioRun run) {
        lab.faults().crashAllMembers();
        lab.faults().dnsDown();
        try {
            Shell.sleep(Duration.ofMinutes(2));
            assertThat(lab.members())
                    .as("nobody became Primary without its peers' reports")
                    .noneMatch(pod -> run.oracle().members().status(pod.name()).primary());
        } finally {
            lab.faults().dnsUp();
        }
        run.note("DNS back after 120 s; no member Primary meanwhile");
    }

    /**
     * Must show 4's bound: under writes through every pod, shop-db-2 is cut off from the other pods (DNS and the client
     * still reach it) for longer than start.sh's OUTSIDE_PRIMARY_LIMIT. Its mariadbd, outside any Primary component,
     * must be stopped by the watchdog within the limit (plus two of start.sh's checks and a little slack) and
     * the decision taken again; meanwhile it acknowledges nothing; once the cut heals the cluster heals by itself with
     * every acknowledged row on every member. Times in the report count from the heal.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void watchdogStopsAMemberOutsideAPrimaryComponentForLongerThanTheLimit() {
        Duration limit = Duration.ofSeconds(startShSetting("OUTSIDE_PRIMARY_LIMIT"));
        Duration check = Duration.ofSeconds(startShSetting("REFRESH_SECONDS")).plus(STATE_READ_TIMEOUT);
        Duration bound = limit.plus(check.multipliedBy(2)).plus(BOUND_SLACK);
        for (int i = 1; i <= FullOutageRecoveryIT.REPEAT; i++) {
            String writer = "cut" + i;
            try (ScenarioRun run = ScenarioRun.begin(
                    lab,
                    CUT_OFF + " cut off from the others for longer than the watchdog's " + limit.toSeconds() + " s"
                            + FullOutageRecoveryIT.runLabel(i))) {
                run.expectHealed(SELF_HEAL_BOUND);
                CutOff seen;
                Set<String> minority;
                Set<String> acknowledged;
                try (Writers writers = Writers.throughEveryPod(lab, writer, 100_000, Duration.ofMinutes(15))) {
                    writers.awaitAcknowledged(300, Duration.ofMinutes(2));
                    seen = cutOffBeyond(run, limit);
                    run.faultNow();
                    minority = writers.acknowledgedBy(writer + "-2", seen.cut().plusSeconds(1), seen.healed());
                    seen.notes(limit, bound).forEach(run::note);
                    run.note(minority.size() + " rows acknowledged through " + CUT_OFF + " while it was cut off");
                    run.expectHealed(SELF_HEAL_BOUND);
                    writers.awaitAcknowledged(writers.acknowledgedSoFar() + 50, Duration.ofMinutes(2));
                    acknowledged = writers.stop();
                }
                run.finish(acknowledged);
                assertThat(seen.firstSeenOutside())
                        .as(CUT_OFF + " left the Primary component once cut off")
                        .isNotNull();
                assertThat(decidedAgain(seen.log()))
                        .as(CUT_OFF + "'s mariadb log while cut off: the watchdog fired, then the decision was taken"
                                + " again\n" + seen.log())
                        .isTrue();
                assertThat(seen.outsideBeforeTheWatchdog())
                        .as("time " + CUT_OFF + " ran outside a Primary component before the watchdog fired")
                        .isLessThanOrEqualTo(bound);
                assertThat(minority)
                        .as("rows acknowledged through " + CUT_OFF + " from 1 s after the cut until the heal")
                        .isEmpty();
            }
        }
    }

    /**
     * Cuts {@link #CUT_OFF} off for the limit plus {@link #BEYOND_THE_LIMIT}, and longer while the watchdog's stop of
     * mariadbd is under way (up to start.sh's WATCHDOG_STOP_GRACE), asking it every {@link #POLL} whether it is Primary.
     */
    private CutOff cutOffBeyond(ScenarioRun run, Duration limit) {
        Duration stopGrace = Duration.ofSeconds(startShSetting("WATCHDOG_STOP_GRACE"));
        Members members = run.oracle().members();
        int logFrom = lab.log(CUT_OFF, "mariadb").length();
        Instant cut = Instant.now();
        Faults.Partition partition = lab.faults().isolate(List.of(CUT_OFF));
        Instant lastSeenPrimary = cut;
        Instant firstSeenOutside = null;
        String decision;
        try {
            Instant atLeastUntil = cut.plus(limit).plus(BEYOND_THE_LIMIT);
            Instant atMostUntil = atLeastUntil.plus(stopGrace);
            while (Instant.now().isBefore(atLeastUntil)
                    || (!decidedAgain(lab.log(CUT_OFF, "mariadb").substring(logFrom))
                            && Instant.now().isBefore(atMostUntil))) {
                Instant asked = Instant.now();
                if (firstSeenOutside == null) {
                    if (members.status(CUT_OFF).primary()) {
                        lastSeenPrimary = asked;
                    } else {
                        firstSeenOutside = asked;
                    }
                }
                Shell.sleep(POLL);
            }
            decision = run.oracle().recoveryState(CUT_OFF).getOrDefault("decision", "(none)");
        } finally {
            partition.heal();
        }
        return new CutOff(
                cut,
                lastSeenPrimary,
                firstSeenOutside,
                Instant.now(),
                lab.log(CUT_OFF, "mariadb").substring(logFrom),
                decision);
    }

    /**
     * What the test saw of the cut-off member: the cut, the last poll that found it Primary and the first that did not,
     * the heal, its mariadb container's log since the cut, and init.sh's decision just before the heal.
     */
    private record CutOff(
            Instant cut,
            Instant lastSeenPrimary,
            Instant firstSeenOutside,
            Instant healed,
            String log,
            String decision) {

        /**
         * From the last poll that saw it Primary to the watchdog's log line (whose timestamp is truncated to the
         * second, hence + 1 s): at least as long as it really ran outside before the watchdog fired.
         */
        Duration outsideBeforeTheWatchdog() {
            return logTime(log, WATCHDOG_FIRED)
                    .map(fired -> Duration.between(lastSeenPrimary, fired.plusSeconds(1)))
                    .orElse(Duration.ofDays(1));
        }

        List<String> notes(Duration limit, Duration bound) {
            return List.of(
                    "left the Primary component "
                            + (firstSeenOutside == null
                                    ? "never (as far as the polls saw)"
                                    : Duration.between(cut, firstSeenOutside).toSeconds() + " s after the cut")
                            + "; watchdog fired "
                            + (logTime(log, WATCHDOG_FIRED).isEmpty()
                                    ? "never"
                                    : "at most " + outsideBeforeTheWatchdog().toSeconds()
                                            + " s after it was last seen Primary")
                            + " (limit " + limit.toSeconds() + " s, bound " + bound.toSeconds() + " s; start.sh: \""
                            + logLine(log, WATCHDOG_FIRED).replaceFirst("^\\S+ \\[[^]]*\\] ", "") + "\")",
                    "decided again "
                            + logTime(log, DECIDING)
                                    .map(at -> Duration.between(cut, at).toSeconds() + " s after the cut")
                                    .orElse("never while cut off")
                            + "; its decision before the heal: " + decision + "; healed "
                            + Duration.between(cut, healed).toSeconds() + " s after the cut; times from the heal");
        }
    }

    /** The watchdog's line, then the decision taken again after it. */
    private static boolean decidedAgain(String log) {
        int fired = log.indexOf(WATCHDOG_FIRED);
        return fired >= 0 && log.indexOf(DECIDING, fired) >= 0;
    }

    /** The first log line containing the text (after the watchdog's line, for the decision). */
    private static String logLine(String log, String text) {
        int from = text.equals(DECIDING) ? Math.max(0, log.indexOf(WATCHDOG_FIRED)) : 0;
        return log.substring(from)
                .lines()
                .filter(l -> l.contains(text))
                .findFirst()
                .orElse("");
    }

    /** When start.sh wrote that line (its galera_log timestamp, to the second). */
    private static Optional<Instant> logTime(String log, String text) {
        Matcher time = LOG_TIME.matcher(logLine(log, text));
        return time.find() ? Optional.of(Instant.parse(time.group(1))) : Optional.empty();
    }

    /** A setting of start.sh as rendered into the lab's ConfigMap (NAME=seconds), so the test follows the product. */
    private int startShSetting(String name) {
        String startSh = lab.rendering().manifests().stream()
                .map(m -> m.resource())
                .filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast)
                .map(c -> c.getData() == null ? null : c.getData().get("start.sh"))
                .filter(s -> s != null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no ConfigMap of the rendering holds start.sh"));
        Matcher setting = Pattern.compile("(?m)^" + name + "=([0-9]+)$").matcher(startSh);
        if (!setting.find()) {
            throw new IllegalStateException("start.sh sets no " + name);
        }
        return Integer.parseInt(setting.group(1));
    }
}
