#!/bin/bash
# shellcheck shell=bash
# galera-gen recovery-plan.sh: the one planning rule of a galera-gen cluster, a pure function (member reports in, plan
# out). init.sh and start.sh source it from the ConfigMap; galera-gen copies it into galera-recover, so the pods and
# the person's tool cannot disagree. docs/recovery.md argues every rule.
#
#   galera_plan SELF POLICY REQUESTED FORCE NAMESPACE STATEFULSET < TABLE
#
# TABLE: one line per member of the StatefulSet (every ordinal, in order); "#" lines are ignored.
#   <pod> key=value ...    (a missing key takes its default)
#     status        silent (default: no answer) | deciding | waiting | starting | running | stopping
#     volume        unknown (default) | fresh (holds nothing) | data (uuid and seqno below) | lost (data, position unknown)
#     uuid, seqno   the history (cluster state uuid) and last writeset of the data; uuid "-" for data that never was in
#                   a cluster (a standalone server being scaled up)
#     safe          grastate.dat's safe_to_bootstrap (0 | 1)
#     fork          uuid:seqno where a person forced a bootstrap of this history, as this member knows it ("-": none)
#     cluster       while running: wsrep_cluster_status (Primary | non-Primary | Disconnected); cluster_uuid: its history
#     container     init | mariadb: where a person's marker goes
# SELF: this member's pod name, "*" for every member's decision, or "-". POLICY: safe | manual | force-pod0. REQUESTED, FORCE:
# galera-recover's --bootstrap POD and --force ("-" and 0 when not given).
#
# Output: the first line is "PLAN bootstrap POD", "PLAN join POD" (a Primary component is up on POD), "PLAN wait" or,
# for a person's request only, "PLAN refuse". Then:
#   reason: <why>
#   self: <bootstrap|join|wait> <why>                  SELF's own decision, when SELF is a member
#   member: <pod> <bootstrap|join|wait> <why>          every member's decision, when SELF is "*" (galera-recover)
#   missing: <pod>...                                  members the plan waits for
#   conflict: <pod> <why>                              a member that must not join by itself
#   fork: <uuid:seqno>                                 the forced bootstrap the Primary component descends from
#   marker: <pod> <container> <marker> [<content>]     what galera-recover --apply writes
#   command: <text>                                    the one command a person may run

# galera_plan_row POD < STATE_FILE: a member's state file (member-state.sh) as its TABLE row; "status=silent" when the
# file is empty or another pod served it (an old address now given to someone else).
galera_plan_row() {
  awk -F= -v pod="$1" '
    $1 == "pod" { served_by = $2 }
    $1 ~ /^(status|volume|uuid|seqno|safe|fork|cluster|cluster_uuid|container)$/ && $2 !~ /[[:space:]]/ { row = row " " $1 "=" $2 }
    END { print pod (served_by == pod ? row : " status=silent") }'
}

galera_plan() {
  awk -v self="$1" -v policy="$2" -v requested="$3" -v force="$4" -v ns="$5" -v sts="$6" '
    function ordinal(p) { sub(/.*-/, "", p); return p + 0 }
    function is_zero(u) { return u == "" || u ~ /^[-0]*$/ }
    # Data that never was in a cluster is a history of its own: it can be compared with nothing. After a person forced
    # a bootstrap at uuid:S, the history goes on from S without the writes only the silent members had: a member past
    # S that does not know that fork holds writes the others never will, a branch of its own.
    function history(p) {
      if (is_zero(uuid[p])) return "none(" p ")"
      if ((uuid[p] in fork_at) && fork[p] != uuid[p] ":" fork_at[uuid[p]] && seqno[p] > fork_at[uuid[p]])
        return uuid[p] "(past the forced bootstrap at " fork_at[uuid[p]] ")"
      return uuid[p]
    }
    # The better bootstrap candidate: highest seqno, then safe_to_bootstrap: 1, then lowest ordinal.
    function better(a, b) {
      if (b == "") return a
      if (seqno[a] != seqno[b]) return seqno[a] > seqno[b] ? a : b
      if (safe[a] != safe[b]) return safe[a] > safe[b] ? a : b
      return ordinal(a) < ordinal(b) ? a : b
    }
    function describe(p) {
      if (status[p] == "silent") return p " (no answer)"
      if (status[p] == "deciding") return p " (reading its volume)"
      if (status[p] != "waiting") return p " (" status[p] (cluster[p] != "-" ? ", " cluster[p] : "") ")"
      if (volume[p] == "lost") return p " (holds data, position unknown)"
      return p " (volume not reported)"
    }
    function recover_command(args) { return "galera-recover -n " ns " " sts " --apply " args }
    # The decision of one member: printed for SELF, or for every member when SELF is "*".
    function decide(p, action, why) {
      if (p == self) print "self: " action " " why
      else if (self == "*") print "member: " p " " action " " why
    }
    function refuse(why) { print "PLAN refuse"; print "reason: " why; exit 0 }

    NF >= 1 && $1 !~ /^#/ {
      p = $1; n++; pod[n] = p
      status[p] = "silent"; volume[p] = "unknown"; uuid[p] = "-"; seqno[p] = -1; safe[p] = 0; fork[p] = "-"
      cluster[p] = "-"; cluster_uuid[p] = "-"; container[p] = "init"
      for (i = 2; i <= NF; i++) {
        eq = index($i, "="); k = substr($i, 1, eq - 1); v = substr($i, eq + 1)
        if (k == "status") status[p] = v; else if (k == "volume") volume[p] = v
        else if (k == "uuid") uuid[p] = v; else if (k == "seqno") seqno[p] = v + 0
        else if (k == "safe") safe[p] = v + 0; else if (k == "cluster") cluster[p] = v
        else if (k == "fork") fork[p] = v
        else if (k == "cluster_uuid") cluster_uuid[p] = v; else if (k == "container") container[p] = v
      }
    }

    END {
      for (i = 1; i <= n; i++) {
        p = pod[i]
        split(fork[p], f, ":")
        if (fork[p] != "-" && (!(f[1] in fork_at) || f[2] + 0 > fork_at[f[1]])) fork_at[f[1]] = f[2] + 0
      }
      for (i = 1; i <= n; i++) {
        p = pod[i]
        if (status[p] == "running" && cluster[p] == "Primary" && primary == "") primary = p
        if (status[p] == "starting" || status[p] == "running" || status[p] == "stopping") {
          if (!(status[p] == "running" && cluster[p] == "Primary")) busy = busy ", " describe(p)
        } else if (status[p] != "waiting" || volume[p] == "lost" || volume[p] == "unknown") {
          missing = missing " " p; missing_text = missing_text ", " describe(p)
          if (status[p] == "silent") silent = silent " " p
        }
        if (volume[p] == "data" && status[p] != "silent") {
          best = better(p, best)
          if (!(history(p) in seen)) { seen[history(p)] = 1; histories++; history_text = history_text ", " p " on " history(p) }
        }
      }
      missing_text = substr(missing_text, 3); busy = substr(busy, 3); history_text = substr(history_text, 3)
      if (histories == 0) {
        # Every reporting volume is empty (first start): a new cluster on the lowest ordinal.
        chosen = pod[1]
        why = "every member is empty: " chosen " starts a new cluster"
      } else {
        chosen = best
        why = "every member reports; " best " holds the highest seqno (" seqno[best] ") of history " history(best) \
          (safe[best] ? ", safe_to_bootstrap: 1" : "")
      }
      if (primary != "") join_primary()
      else if (requested != "" && requested != "-") person_request()
      else pods_plan()
    }

    # A Primary component is up: everybody else joins it, unless that would replace data of another history.
    function join_primary(   i, p, why) {
      if (requested != "" && requested != "-")
        refuse(requested " cannot bootstrap: a Primary component is up (" primary "); a second one would split the cluster")
      print "PLAN join " primary
      print "reason: a Primary component is up (" primary ", history " cluster_uuid[primary] "); the other members join it"
      if (fork[primary] != "-") print "fork: " fork[primary]
      for (i = 1; i <= n; i++) {
        p = pod[i]
        if (status[p] == "running" && cluster[p] == "Primary") {
          decide(p, "join", "already in the Primary component")
        } else if (volume[p] == "data" && history(p) != cluster_uuid[primary]) {
          why = "the Primary component is on history " cluster_uuid[primary] " but this volume holds " history(p) \
            " (seqno " seqno[p] "): joining would replace its data by a full state transfer"
          print "conflict: " p " " why
          print "command: kubectl -n " ns " exec " p " -c " container[p] " -- touch /tmp/confirm-resume   # " p \
            " joins and its data is replaced"
          decide(p, "wait", why)
        } else {
          decide(p, "join", "a Primary component is up on " primary)
        }
      }
    }

    # What the members do by themselves: bootstrap only once every member reports, one history, nobody busy.
    function pods_plan(   i, chosen_action, why_all) {
      if (policy == "force-pod0" && busy == "") {
        chosen = pod[1]
        why = "policy force-pod0: " chosen " bootstraps without comparing positions (may lose writes)"
        chosen_action = "bootstrap"
      } else if (missing != "") {
        print "PLAN wait"
        print "reason: waiting for " missing_text "; nobody bootstraps while a member that may hold newer writes is silent"
        print "missing:" missing
        if (best != "" && silent != "")
          print "command: " recover_command("--bootstrap " best " --force") "   # only if" silent \
            " will never return: writes that only they acknowledged are lost"
        why_all = "waiting for " missing_text
      } else if (busy != "") {
        print "PLAN wait"
        print "reason: waiting for " busy " to reach a Primary component or to stop"
        why_all = "waiting for " busy " to reach a Primary component or to stop"
      } else if (histories > 1) {
        print "PLAN wait"
        print "reason: members hold different histories (" history_text "); nobody bootstraps, a person chooses"
        print "command: " recover_command("--bootstrap POD --force") "   # POD holds the history to keep; the others are replaced"
        why_all = "members hold different histories: " history_text
      } else if (policy == "manual") {
        print "PLAN wait"
        print "reason: policy manual: a person confirms every bootstrap (" why ")"
        print "command: " recover_command("--bootstrap " chosen)
        why_all = "policy manual: a person confirms the bootstrap of " chosen
      } else {
        chosen_action = "bootstrap"
      }
      if (chosen_action == "bootstrap") {
        print "PLAN bootstrap " chosen
        print "reason: " why
      }
      for (i = 1; i <= n; i++) {
        if (chosen_action != "bootstrap") decide(pod[i], "wait", why_all)
        else if (pod[i] == chosen) decide(pod[i], "bootstrap", why)
        else decide(pod[i], "wait", chosen " bootstraps; this member joins it once it is Primary")
      }
    }

    # galera-recover --bootstrap POD [--force].
    function person_request(   lost) {
      if (!(requested in status)) refuse(requested " is not a member of " sts)
      if (status[requested] != "waiting") refuse(requested " is " status[requested] ", not waiting: it cannot take a bootstrap now")
      if (busy != "") refuse("members are starting or running outside a Primary component: " busy "; wait until they stop")
      if (force) {
        if (missing != "") lost = lost "; writes that only" missing " acknowledged are lost"
        if (best != "" && best != requested && (history(best) != history(requested) || seqno[best] > seqno[requested]))
          lost = lost "; " best " is ahead (seqno " seqno[best] " of " history(best) "): its newer writes are lost"
        if (volume[requested] == "fresh" && histories > 0) lost = lost "; " requested " is empty: every member'"'"'s data is replaced"
        print "PLAN bootstrap " requested
        print "reason: forced by a person" lost
        print "marker: " requested " " container[requested] " confirm-force-bootstrap lose-writes"
        return
      }
      if (missing != "")
        refuse("position unknown for" missing "; they may hold newer writes. If they will never report: " \
          recover_command("--bootstrap " (best != "" ? best : requested) " --force"))
      if (histories > 1) refuse("members hold different histories: " history_text "; keep one with " recover_command("--bootstrap POD --force"))
      if (requested != chosen) {
        if (volume[requested] == "data" && seqno[requested] < seqno[chosen])
          refuse(requested " is behind: seqno " seqno[requested] " < " seqno[chosen] " on " chosen "; bootstrapping it would lose " \
            seqno[chosen] - seqno[requested] " writesets (--force to do it anyway)")
        refuse(requested " is not the member to bootstrap (" why "); --force to do it anyway")
      }
      print "PLAN bootstrap " requested
      print "reason: " why
      print "marker: " requested " " container[requested] " confirm-new-cluster"
    }
  '
}
