package io.galeragen.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.galeragen.core.values.ValuesSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * recovery-plan.sh, the one planning rule, as a pure function: tables of member reports in, decisions out. Each
 * table runs the way a pod runs it (the ConfigMap's file, sourced, once per member as SELF) and the way a person runs
 * it (the rendered galera-recover --plan-from, which must carry the same rule), with mawk and with gawk. Tables follow
 * issue 11's cases; a property check over random tables holds the safety rules (docs/recovery.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecoveryPlanTest {

    private static final String U = "6554e8b9-e793-11f1-b179-4b2c6e04df11";
    private static final String OTHER = "11111111-e793-11f1-b179-4b2c6e04df11";
    private static final List<String> AWKS = List.of("mawk", "gawk");

    @TempDir
    Path dir;

    private String planFile;
    private String galeraRecover;

    /** The pods' decisions (pod -> "action why") and the plan's lines, for one table. */
    record Plans(Map<String, String> self, String pods, String person, int personExit) {
        String action(String pod) {
            return self.get(pod).split(" ", 2)[0];
        }

        String first() {
            return pods.lines().findFirst().orElse("");
        }
    }

    @BeforeAll
    void render() {
        ExternalTool.requireFiles(List.of("/usr/bin/mawk", "/usr/bin/gawk"), "mawk gawk");
        Rendering rendering = GaleraGenerator.builder()
                .build()
                .render(GaleraGenerator.cluster(
                        List.of(ValuesSource.yaml("name: g\nnamespace: db\nreplicas: 3\n", "test values"))));
        planFile = Renderings.resource(rendering, ConfigMap.class).getData().get("recovery-plan.sh");
        galeraRecover = rendering.tools().get("galera-recover");
    }

    @Test
    void galeraRecoverCarriesTheConfigMapsRuleVerbatim() {
        String body = planFile.lines()
                .filter(l -> !l.startsWith("#!") && !l.startsWith("# shellcheck shell="))
                .collect(Collectors.joining("\n", "", "\n"));
        assertThat(galeraRecover).contains(body).doesNotContain("source \"$(dirname");
    }

    // ---- issue 11's cases
    // --------------------------------------------------------------------------------------------

    @Test
    void everyPodStoppedCleanlyAtOnceBootstrapsTheLowestOrdinalOfTheEqualSeqnos() throws Exception {
        // Issue 11 point 1: scale to 0 with Parallel pods, no safe_to_bootstrap anywhere, one position.
        Plans plans = plan(members(data(U, 120, 0), data(U, 120, 0), data(U, 120, 0)));
        assertThat(plans.first()).isEqualTo("PLAN bootstrap g-0");
        assertThat(plans.action("g-0")).isEqualTo("bootstrap");
        assertThat(plans.action("g-1")).isEqualTo("wait");
        assertThat(plans.self().get("g-1")).contains("g-0 bootstraps; this member joins it once it is Primary");
        assertThat(plans.person()).startsWith("PLAN bootstrap g-0 confirm-new-cluster");
    }

    @Test
    void theHighestSeqnoBootstrapsThenSafeToBootstrapThenTheLowestOrdinal() throws Exception {
        assertThat(plan(members(data(U, 90, 0), data(U, 120, 0), data(U, 100, 0)))
                        .first())
                .isEqualTo("PLAN bootstrap g-1");
        assertThat(plan(members(data(U, 50, 0), data(U, 50, 1), data(U, 50, 0))).first())
                .isEqualTo("PLAN bootstrap g-1");
        assertThat(plan(members(data(U, 50, 0), data(U, 49, 1), data(U, 50, 0))).first())
                .isEqualTo("PLAN bootstrap g-0");
    }

    @Test
    void aFreshPodZeroNeverBootstrapsBesideData() throws Exception {
        // Issue 11 point 2: pod 0's PVC replaced during a full outage.
        Plans plans = plan(members("status=waiting volume=fresh", data(U, 374, 0), data(U, 374, 0)));
        assertThat(plans.first()).isEqualTo("PLAN bootstrap g-1");
        assertThat(plans.action("g-0")).isEqualTo("wait");
        // Once g-1 is Primary, the fresh member joins it (SST).
        Plans later = plan(members("status=waiting volume=fresh", primary(U, 380), data(U, 374, 0)));
        assertThat(later.first()).isEqualTo("PLAN join g-1");
        assertThat(later.action("g-0")).isEqualTo("join");
        assertThat(later.action("g-2")).isEqualTo("join");
        assertThat(later.person()).startsWith("PLAN none");
    }

    @Test
    void everyMemberEmptyStartsANewClusterOnPodZero() throws Exception {
        Plans plans = plan(
                members("status=waiting volume=fresh", "status=waiting volume=fresh", "status=waiting volume=fresh"));
        assertThat(plans.first()).isEqualTo("PLAN bootstrap g-0");
        assertThat(plans.self().get("g-0")).isEqualTo("bootstrap every member is empty: g-0 starts a new cluster");
    }

    @Test
    void aSilentMemberStopsEveryBootstrapAndIsNamedWithTheOneCommand() throws Exception {
        // Must show 2: a member that never returns.
        Plans plans = plan(members(data(U, 90, 0), "status=silent", data(U, 100, 0)));
        assertThat(plans.first()).isEqualTo("PLAN wait");
        assertThat(plans.self().values()).allMatch(decision -> decision.startsWith("wait waiting for g-1 (no answer)"));
        assertThat(plans.pods())
                .contains(
                        "missing: g-1",
                        "command: galera-recover -n db g --apply --bootstrap g-2 --force   # only if g-1 will never return");
        assertThat(plans.personExit()).isEqualTo(2);
        assertThat(plans.person()).startsWith("PLAN wait").contains("g-1                  silent");
    }

    @Test
    void membersStillReadingTheirVolumeOrWhosePositionIsLostAreWaitedFor() throws Exception {
        assertThat(plan(members(data(U, 90, 0), "status=deciding", data(U, 100, 0)))
                        .self()
                        .get("g-0"))
                .isEqualTo("wait waiting for g-1 (reading its volume)");
        assertThat(plan(members(data(U, 90, 0), "status=waiting volume=lost", data(U, 100, 0)))
                        .self()
                        .get("g-2"))
                .isEqualTo("wait waiting for g-1 (holds data, position unknown)");
    }

    @Test
    void aJoinerKilledInItsStateTransferStartsEmptyAndTheOthersGoOn() throws Exception {
        // Issue 11 point 10: init.sh empties the interrupted joiner's volume, so it reports fresh.
        Plans plans = plan(members(data(U, 200, 0), data(U, 201, 0), "status=waiting volume=fresh"));
        assertThat(plans.first()).isEqualTo("PLAN bootstrap g-1");
        assertThat(plans.action("g-2")).isEqualTo("wait");
    }

    @Test
    void differentHistoriesWaitForAPerson() throws Exception {
        Plans plans = plan(members(data(U, 90, 0), data(OTHER, 500, 0), data(U, 100, 0)));
        assertThat(plans.first()).isEqualTo("PLAN wait");
        assertThat(plans.pods())
                .contains(
                        "members hold different histories (g-0 on " + U + ", g-1 on " + OTHER + ")",
                        "--bootstrap POD --force");
        assertThat(plans.self().values()).allMatch(decision -> decision.startsWith("wait"));
    }

    @Test
    void dataThatNeverWasInAClusterIsAHistoryOfItsOwn() throws Exception {
        // A standalone server (replicas 1) scaled up: it bootstraps beside empty members, never beside a cluster.
        assertThat(plan(members(data("-", -1, 0), "status=waiting volume=fresh", "status=waiting volume=fresh"))
                        .first())
                .isEqualTo("PLAN bootstrap g-0");
        assertThat(plan(members(data("-", -1, 0), data(U, 5, 0), "status=waiting volume=fresh"))
                        .first())
                .isEqualTo("PLAN wait");
    }

    @Test
    void aPrimaryComponentOnAnotherHistoryNeverWipesAVolumeByItself() throws Exception {
        Plans plans = plan(members(primary(U, 80), data(OTHER, 90, 0), "status=waiting volume=fresh"));
        assertThat(plans.first()).isEqualTo("PLAN join g-0");
        assertThat(plans.action("g-1")).isEqualTo("wait");
        assertThat(plans.self().get("g-1")).contains("joining would replace its data by a full state transfer");
        assertThat(plans.action("g-2")).isEqualTo("join");
        assertThat(plans.pods()).contains("command: kubectl -n db exec g-1 -c init -- touch /tmp/confirm-resume");
    }

    @Test
    void aMemberPastAForcedBootstrapNeverRejoinsThatHistoryByItself() throws Exception {
        // A person forced g-0 at seqno 100 while g-1 was silent; g-1 comes back holding writes up to 110 that the
        // cluster never got: by IST it would keep them beside the cluster's own 101..110, silently diverged.
        Plans back = plan(members(primary(U, 130) + " fork=" + U + ":100", data(U, 110, 0), data(U, 95, 0)));
        assertThat(back.first()).isEqualTo("PLAN join g-0");
        assertThat(back.pods()).contains("fork: " + U + ":100");
        assertThat(back.action("g-1")).isEqualTo("wait");
        assertThat(back.self().get("g-1")).contains("past the forced bootstrap at 100");
        assertThat(back.action("g-2"))
                .as("a member behind the fork point is a prefix of it")
                .isEqualTo("join");
        // Members that carry the fork record compare as one history; the one past it without the record does not.
        assertThat(plan(members(data(U, 120, 0) + " fork=" + U + ":100", data(U, 110, 0), data(U, 100, 0)))
                        .first())
                .isEqualTo("PLAN wait");
        assertThat(plan(members(
                                data(U, 120, 0) + " fork=" + U + ":100",
                                data(U, 105, 0) + " fork=" + U + ":100",
                                data(U, 100, 0)))
                        .first())
                .isEqualTo("PLAN bootstrap g-0");
    }

    @Test
    void membersStartingOrRunningOutsideAPrimaryComponentAreWaitedFor() throws Exception {
        assertThat(plan(members(data(U, 90, 0), "status=starting volume=data uuid=" + U + " seqno=95", data(U, 100, 0)))
                        .self()
                        .get("g-2"))
                .isEqualTo("wait waiting for g-1 (starting) to reach a Primary component or to stop");
        assertThat(plan(members(
                                data(U, 90, 0),
                                "status=running volume=data uuid=" + U + " seqno=95 cluster=non-Primary",
                                data(U, 100, 0)))
                        .first())
                .isEqualTo("PLAN wait");
    }

    @Test
    void policiesManualAndForcePodZero() throws Exception {
        String table = members(data(U, 90, 0), "status=silent", data(U, 100, 0));
        Map<String, String> forced = selfDecisions(table, "force-pod0", "mawk");
        assertThat(forced.get("g-0")).startsWith("bootstrap policy force-pod0");
        assertThat(forced.get("g-2")).isEqualTo("wait g-0 bootstraps; this member joins it once it is Primary");
        Map<String, String> manual =
                selfDecisions(members(data(U, 90, 0), data(U, 95, 0), data(U, 100, 0)), "manual", "mawk");
        assertThat(manual.values()).allMatch(decision -> decision.startsWith("wait policy manual"));
    }

    // ---- a person's requests (galera-recover --bootstrap POD [--force]) ---------------------------------------------

    @Test
    void aMemberThatIsBehindIsRefusedUnlessForcedInSoManyWords() throws Exception {
        String table = members(data(U, 100, 0), data(U, 90, 0), data(U, 95, 0));
        Person refused = person(table, "--bootstrap", "g-1");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.output())
                .startsWith("PLAN refuse")
                .contains("g-1 is behind: seqno 90 < 100 on g-0; bootstrapping it would lose 10 writesets");
        Person forced = person(table, "--bootstrap", "g-1", "--force");
        assertThat(forced.exit()).isZero();
        assertThat(forced.output())
                .startsWith("PLAN bootstrap g-1 confirm-force-bootstrap")
                .contains("g-0 is ahead (seqno 100", "sh -c 'echo lose-writes > /tmp/confirm-force-bootstrap'");
    }

    @Test
    void theCommandForAMemberThatNeverReturnsBootstrapsTheBestReportingMember() throws Exception {
        String table = members(data(U, 90, 0), "status=silent", data(U, 100, 0));
        assertThat(person(table, "--bootstrap", "g-2").output())
                .startsWith("PLAN refuse")
                .contains("position unknown for g-1", "--bootstrap g-2 --force");
        Person forced = person(table, "--bootstrap", "g-2", "--force");
        assertThat(forced.output())
                .startsWith("PLAN bootstrap g-2 confirm-force-bootstrap")
                .contains("writes that only g-1 acknowledged are lost");
    }

    @Test
    void noRequestStartsASecondPrimaryComponentOrTakesAMemberThatIsNotWaiting() throws Exception {
        assertThat(person(members(primary(U, 80), data(U, 70, 0), data(U, 75, 0)), "--bootstrap", "g-2", "--force")
                        .output())
                .startsWith("PLAN refuse")
                .contains("a Primary component is up (g-0)");
        assertThat(person(members(data(U, 80, 0), "status=starting", data(U, 75, 0)), "--bootstrap", "g-0", "--force")
                        .output())
                .startsWith("PLAN refuse")
                .contains("starting or running outside a Primary component");
        assertThat(person(members(data(U, 80, 0), "status=silent", data(U, 75, 0)), "--bootstrap", "g-1", "--force")
                        .output())
                .startsWith("PLAN refuse")
                .contains("g-1 is silent, not waiting");
    }

    // ---- safety over random tables ----------------------------------------------------------------------------------

    /**
     * Over random reports of 1 to 5 members: at most one member decides to bootstrap, and only the planned one; never
     * while a Primary component is up or a member is silent, undecided or busy; never an empty member beside data,
     * never across histories, never one behind a reporting member; and the person's tool plans the same.
     */
    @Test
    void randomReportsNeverYieldAnUnsafeBootstrap() throws Exception {
        Random random = new Random(11);
        List<List<String>> reportsPerTable = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (int round = 0; round < 120; round++) {
            int size = 1 + random.nextInt(5);
            List<String> reports = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                reports.add(randomReport(random));
            }
            reportsPerTable.add(reports);
            tables.add(members(reports.toArray(String[]::new)));
        }
        List<Plans> byMawk = planAll(tables, "mawk", "safe", false, true);
        List<Plans> byGawk = planAll(tables, "gawk", "safe", false, false);
        for (int round = 0; round < tables.size(); round++) {
            String table = tables.get(round);
            List<String> reports = reportsPerTable.get(round);
            Plans plans = byMawk.get(round);
            assertThat(byGawk.get(round).pods()).as(table).isEqualTo(plans.pods());
            List<String> bootstrapping = plans.self().entrySet().stream()
                    .filter(e -> e.getValue().startsWith("bootstrap"))
                    .map(Map.Entry::getKey)
                    .toList();
            assertThat(bootstrapping).as(table).hasSizeLessThanOrEqualTo(1);
            if (bootstrapping.isEmpty()) {
                continue;
            }
            String chosen = bootstrapping.get(0);
            assertThat(plans.first()).as(table).isEqualTo("PLAN bootstrap " + chosen);
            assertThat(plans.person())
                    .as(table)
                    .startsWith("PLAN bootstrap " + chosen + " ")
                    .contains("  " + chosen + " bootstrap ");
            assertThat(reports).as(table).allMatch(r -> r.startsWith("status=waiting") && !r.contains("volume=lost"));
            String chosenReport = reports.get(Integer.parseInt(chosen.substring(2)));
            boolean anyData = reports.stream().anyMatch(r -> r.contains("volume=data"));
            assertThat(chosenReport.contains("volume=data")).as(table).isEqualTo(anyData);
            assertThat(reports.stream()
                            .filter(r -> r.contains("volume=data"))
                            .map(r -> field(r, "uuid"))
                            .distinct()
                            .count())
                    .as(table)
                    .isLessThanOrEqualTo(1);
            long chosenSeqno = anyData ? Long.parseLong(field(chosenReport, "seqno")) : -1;
            assertThat(reports.stream()
                            .filter(r -> r.contains("volume=data"))
                            .mapToLong(r -> Long.parseLong(field(r, "seqno"))))
                    .as(table)
                    .allMatch(seqno -> seqno <= chosenSeqno);
        }
    }

    private static String randomReport(Random random) {
        int kind = random.nextInt(10);
        String history = random.nextInt(8) == 0 ? OTHER : U;
        return switch (kind) {
            case 0 -> "status=silent";
            case 1 -> "status=deciding";
            case 2 -> "status=waiting volume=fresh";
            case 3 -> "status=waiting volume=lost";
            case 4 -> "status=starting volume=data uuid=" + history + " seqno=" + random.nextInt(5);
            case 5 ->
                random.nextInt(3) == 0
                        ? primary(history, random.nextInt(5))
                        : "status=running volume=data uuid=" + history + " seqno=3 cluster=non-Primary";
            default -> data(history, random.nextInt(5), random.nextInt(4) == 0 ? 1 : 0);
        };
    }

    private static String field(String report, String key) {
        for (String pair : report.split(" ")) {
            if (pair.startsWith(key + "=")) {
                return pair.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in " + report);
    }

    // ---- running the rule -------------------------------------------------------------------------------------------

    private static String data(String uuid, long seqno, int safe) {
        return "status=waiting volume=data uuid=" + uuid + " seqno=" + seqno + " safe=" + safe;
    }

    private static String primary(String uuid, long seqno) {
        return "status=running volume=data uuid=" + uuid + " seqno=" + seqno + " cluster=Primary cluster_uuid=" + uuid
                + " container=mariadb";
    }

    /** A table of members g-0, g-1, ... with these reports. */
    private static String members(String... reports) {
        StringBuilder table = new StringBuilder("# pod key=value...\n");
        for (int i = 0; i < reports.length; i++) {
            table.append("g-").append(i).append(' ').append(reports[i]).append('\n');
        }
        return table.toString();
    }

    private Plans plan(String table) throws IOException {
        Plans mawk = plan(table, "mawk");
        Plans gawk = plan(table, "gawk");
        assertThat(gawk).as("gawk plans as mawk does").isEqualTo(mawk);
        return mawk;
    }

    private Plans plan(String table, String awk) throws IOException {
        return planAll(List.of(table), awk, "safe", true, true).get(0);
    }

    private Map<String, String> selfDecisions(String table, String policy, String awk) throws IOException {
        return planAll(List.of(table), awk, policy, true, true).get(0).self();
    }

    /**
     * Plans every table in one bash process (a process per table is slow on a loaded machine): the plan with every
     * member's decision (SELF "*"), galera-recover --plan-from's, and, asEachPod, each member's decision as init.sh
     * takes it (SELF its name), which must equal the former; withPerson, galera-recover's too.
     */
    private List<Plans> planAll(List<String> tables, String awk, String policy, boolean asEachPod, boolean withPerson)
            throws IOException {
        Files.writeString(dir.resolve("recovery-plan.sh"), planFile);
        Files.writeString(dir.resolve("galera-recover"), galeraRecover);
        for (int i = 0; i < tables.size(); i++) {
            Files.writeString(dir.resolve("table-" + i), tables.get(i));
        }
        String eachPod = !asEachPod
                ? ""
                : "   while read -r pod _; do [[ -z $pod || $pod == '#'* ]] && continue;"
                        + "     echo \"self: $pod $(galera_plan \"$pod\" " + policy
                        + " - 0 db g < $t | sed -n 's/^self: //p')\";"
                        + "   done < $t;";
        ExternalTool.Result result = ExternalTool.run(
                dir,
                List.of(
                        "bash",
                        "-c",
                        "set -uo pipefail; mkdir -p awk;"
                                + " ln -sf \"$(command -v " + awk
                                + ")\" awk/awk; PATH=$PWD/awk:$PATH; source ./recovery-plan.sh;"
                                + " for ((i = 0; i < " + tables.size()
                                + "; i++)); do t=table-$i; echo \"=== table $i\";" + eachPod
                                + "   echo '=== pods'; galera_plan '*' " + policy + " - 0 db g < $t;"
                                + "   echo '=== person'; "
                                + (withPerson ? "bash ./galera-recover -n db --plan-from $t" : "true")
                                + "; echo \"=== exit $?\";"
                                + " done"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        List<Plans> plans = new ArrayList<>();
        for (String block : result.output().split("=== table \\d+\n")) {
            if (block.isEmpty()) {
                continue;
            }
            String[] parts = block.split("=== pods\n|=== person\n|=== exit ");
            Map<String, String> members = decisions(parts[1], "member: ");
            if (asEachPod) {
                assertThat(decisions(parts[0], "self: "))
                        .as("each pod decides as the plan says\n" + block)
                        .isEqualTo(members);
            }
            plans.add(new Plans(members, parts[1], parts[2], Integer.parseInt(parts[3].strip())));
        }
        assertThat(plans).hasSize(tables.size());
        return plans;
    }

    /** "pod action why" lines after the prefix, by pod. */
    private static Map<String, String> decisions(String text, String prefix) {
        Map<String, String> decisions = new LinkedHashMap<>();
        text.lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()))
                .forEach(line -> decisions.put(line.split(" ", 2)[0], line.split(" ", 2)[1]));
        return decisions;
    }

    record Person(int exit, String output) {}

    private Person person(String table, String... options) throws IOException {
        Path tableFile = dir.resolve("person-table.txt");
        Files.writeString(tableFile, table);
        Path tool = dir.resolve("galera-recover");
        Files.writeString(tool, galeraRecover);
        List<String> command =
                new ArrayList<>(List.of("bash", tool.toString(), "-n", "db", "--plan-from", tableFile.toString()));
        command.addAll(List.of(options));
        ExternalTool.Result result = ExternalTool.run(dir, command);
        return new Person(result.exitCode(), result.output());
    }
}
