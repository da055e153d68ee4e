#!/bin/bash
# galera-gen start.sh: PID 1 of the mariadb container, a small supervisor around the image's entrypoint.
#
# - Runs mariadbd (through the image's docker-entrypoint.sh, which initialises an empty datadir first) with the
#   arguments init.sh decided, consuming them; whenever mariadbd stops, it runs init.sh again, which decides from
#   the volume as it is then. So no restart replays an old --wsrep-new-cluster, and no exit waits for the kubelet's
#   back-off.
# - Serves this member's state on port 4569 for the container's whole life and refreshes it from mariadbd every
#   REFRESH_SECONDS, so that the other members plan from facts (member-state.sh).
# - SIGTERM (pod deletion, scale down) goes to mariadbd: it shuts down cleanly and grastate.dat records its position.
#   bash as PID 1 would otherwise ignore SIGTERM and the pod would take its whole grace period to die.
# - Watchdog: mariadbd that runs outside a Primary component for OUTSIDE_PRIMARY_LIMIT seconds, disconnected from
#   every component for DISCONNECTED_LIMIT seconds, or while every other member waits for a decision, is stopped and
#   the decision taken again (a join that found no Primary, a failed IST, the survivor of an outage whose peers
#   restarted). A state transfer (SST or IST, local state Joining) is never stopped, however long.
# - After a start that initialised the volume or joined, once Synced, the datadir is synced file by file before
#   the member may be Ready (probe.sh): what the state transfer wrote is then durable (NOT_DURABLE_MARKER).
set -uo pipefail

DATADIR=${DATADIR:-/var/lib/mysql}
CONF_DIR=${CONF_DIR:-/etc/mysql/conf.d}
GALERA_CONFIG_DIR=${GALERA_CONFIG_DIR:-/etc/galera}
POD_NAME=${POD_NAME:-$(hostname)}
POD_NAMESPACE=${POD_NAMESPACE:-default}
RECOVERY_POLICY=${RECOVERY_POLICY:-safe}
PEER_HOSTS=${PEER_HOSTS:-}
GALERA_CONTAINER=mariadb
readonly ENTRYPOINT=docker-entrypoint.sh
REFRESH_SECONDS=2
# How long mariadbd may run outside a Primary component before the decision is taken again (issue 11: bounded, and
# longer than a short partition, which heals by itself).
OUTSIDE_PRIMARY_LIMIT=120
# Galera leaves every component only when this node needs a restart (a failed IST: "node restart required"); a
# partitioned node stays in a non-Primary component of its own. So a disconnected mariadbd is stopped sooner.
DISCONNECTED_LIMIT=10
# How long a stop the watchdog asked for may take before it kills mariadbd.
WATCHDOG_STOP_GRACE=120
# Pause before deciding again after mariadbd ran briefly: doubles from 2 s up to this, so that a start that fails at
# once (bad configuration) does not spin.
RESTART_PAUSE_MAX=60
LOG_TAG=galera-start
START_ARGS_FILE="$CONF_DIR/galera-start.args"

# shellcheck source=SCRIPTDIR/member-state.sh
source "$GALERA_CONFIG_DIR/member-state.sh"
# shellcheck source=SCRIPTDIR/recovery-plan.sh
source "$GALERA_CONFIG_DIR/recovery-plan.sh"

CHILD=""
STOPPING=0
SERVER_PID=""
WSREP_ON=""
LOCAL_STATE=""
ROOT_PASSWORD=""
STATUS_ROW=""

# shellcheck disable=SC2317 # called by the TERM trap
on_term() {
  STOPPING=1
  galera_log "SIGTERM: stopping${CHILD:+ pid $CHILD}"
  state_set status=stopping "decision=stopping: the container was asked to stop"
  [[ -z "$CHILD" ]] || kill -TERM "$CHILD" 2>/dev/null
}

# Waits for CHILD to end, also across signals (a trapped signal ends `wait` early); returns its exit status.
wait_child() {
  local rc=0
  wait "$CHILD"
  rc=$?
  while kill -0 "$CHILD" 2>/dev/null; do
    wait "$CHILD"
    rc=$?
  done
  CHILD=""
  return "$rc"
}

# Sleeps, but a signal ends it at once.
pause() {
  sleep "$1" &
  wait $! 2>/dev/null
}

# SIGTERM to mariadbd, SIGKILL after the grace.
stop_child() {
  local grace=$1 waited=0
  kill -TERM "$CHILD" 2>/dev/null
  while kill -0 "$CHILD" 2>/dev/null && ((waited < grace)); do
    pause 1
    waited=$((waited + 1))
  done
  if kill -0 "$CHILD" 2>/dev/null; then
    galera_log "mariadbd did not stop within ${grace}s: killing it"
    kill -KILL "$CHILD" 2>/dev/null
  fi
}

# The root password from the mounted Secret (or the environment), with builtins only: wsrep_status runs every
# REFRESH_SECONDS for the container's whole life, and each process it spares is CPU the member keeps.
root_password() {
  if [[ -n "${MARIADB_ROOT_PASSWORD_FILE:-}" && -r "${MARIADB_ROOT_PASSWORD_FILE:-}" ]]; then
    ROOT_PASSWORD=$(<"$MARIADB_ROOT_PASSWORD_FILE")
  else
    ROOT_PASSWORD=${MARIADB_ROOT_PASSWORD:-}
  fi
}

# Sets STATUS_ROW to one line: wsrep_on, cluster status, local state, cluster state uuid, last committed; empty if no
# server answers.
wsrep_status() {
  root_password
  STATUS_ROW=$(MYSQL_PWD=$ROOT_PASSWORD timeout 10 mariadb --protocol=socket --user=root --batch --skip-column-names \
    --connect-timeout=2 --execute="SELECT @@wsrep_on,
      (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_CLUSTER_STATUS'),
      (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_LOCAL_STATE'),
      (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_CLUSTER_STATE_UUID'),
      (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_LAST_COMMITTED')" \
    2>/dev/null) || STATUS_ROW=""
}

# Publishes what mariadbd says now; sets WSREP_ON and LOCAL_STATE for the checks below.
refresh_state() {
  local cluster_status cluster_uuid last_committed before=${STATE[cluster]}
  WSREP_ON="" LOCAL_STATE=""
  wsrep_status
  if [[ -z "$STATUS_ROW" ]]; then
    state_set status=starting cluster=-
    return
  fi
  read -r WSREP_ON cluster_status LOCAL_STATE cluster_uuid last_committed <<<"$STATUS_ROW"
  if [[ "$WSREP_ON" != 1 ]]; then
    # The entrypoint's temporary server (first initialisation), or a standalone server.
    state_set status=starting cluster=-
    return
  fi
  if [[ "$cluster_status" == Primary && ("$LOCAL_STATE" == 4 || "$LOCAL_STATE" == 2) ]]; then
    # Synced or donor: the volume now holds this history up to last_committed.
    state_set status=running cluster=Primary "cluster_uuid=$cluster_uuid" volume=data "uuid=$cluster_uuid" \
      "seqno=$last_committed" safe=0
  else
    state_set status=running "cluster=$cluster_status" "cluster_uuid=$cluster_uuid"
  fi
  [[ "$before" == "${STATE[cluster]}" ]] || galera_log "wsrep cluster status: $cluster_status (local state $LOCAL_STATE)"
}

# What a state transfer or the entrypoint's initialisation wrote is in the page cache only: fsync every file and
# directory of the datadir (coreutils sync FILE... calls fsync on each; syncfs would miss some filesystems), then
# drop the marker durably. galera.cache is left out: Galera keeps no promise about it after a power cut.
make_durable() {
  local started=$SECONDS
  if find "$DATADIR" -xdev -path "$DATADIR/lost+found" -prune -o \( -type f ! -name galera.cache -print0 \) \
      | xargs -0 -r sync -- && find "$DATADIR" -xdev -path "$DATADIR/lost+found" -prune -o -type d -print0 \
      | xargs -0 -r sync --; then
    rm -f "$NOT_DURABLE_MARKER"
    sync "$DATADIR"
    galera_log "datadir synced to disk in $((SECONDS - started)) s (what the initialisation or state transfer wrote is durable); this member may be Ready"
  else
    galera_log "WARNING: syncing the datadir failed; trying again (the member stays not Ready meanwhile)"
  fi
}

# True when every other member reports that it waits for a decision: then nothing will join this component.
others_all_waiting() {
  member_table | awk -v self="$POD_NAME" '
    $1 != self { n++; if ($0 !~ / status=waiting( |$)/) busy = 1 }
    END { exit !(n > 0 && !busy) }'
}

# Why mariadbd should stop now (outside a Primary component for the given seconds), or nothing.
watchdog_reason() {
  if (($1 >= OUTSIDE_PRIMARY_LIMIT)); then
    echo "outside a Primary component for $1 s"
  elif [[ "${STATE[cluster]}" == Disconnected ]] && (($1 >= DISCONNECTED_LIMIT)); then
    echo "disconnected from the cluster for $1 s (Galera needs a restart)"
  elif (($1 >= 2 * REFRESH_SECONDS)) && others_all_waiting; then
    echo "outside a Primary component while every other member waits for a decision"
  fi
}

# Watches mariadbd until it exits (or the watchdog stops it); returns its exit status.
supervise() {
  local outside_since="" why
  while kill -0 "$CHILD" 2>/dev/null && ((STOPPING == 0)); do
    refresh_state
    if [[ "${STATE[cluster]}" == Primary && "$LOCAL_STATE" == 4 && -e "$NOT_DURABLE_MARKER" ]]; then
      make_durable
    fi
    # Local state 1 (Joining): a state transfer is arriving. While an IST replays old views, mariadbd reports them
    # (non-Primary) although the member is in the Primary component: a transfer is never stopped.
    if [[ "$WSREP_ON" == 1 && "${STATE[cluster]}" != Primary && "$LOCAL_STATE" != 1 ]]; then
      outside_since=${outside_since:-$SECONDS}
      why=$(watchdog_reason $((SECONDS - outside_since)))
      if [[ -n "$why" ]]; then
        galera_log "watchdog: $why: stopping mariadbd to decide again"
        stop_child "$WATCHDOG_STOP_GRACE"
        break
      fi
    else
      outside_since=""
    fi
    pause "$REFRESH_SECONDS"
  done
  wait_child
}

# Runs init.sh as a child (it decides; start.sh keeps serving the state meanwhile).
decide() {
  galera_log "deciding (init.sh)"
  GALERA_CONTAINER=mariadb GALERA_STATE_SERVED=1 /bin/bash "$GALERA_CONFIG_DIR/init.sh" &
  CHILD=$!
  wait_child
}

main() {
  local action decided rc started restart_pause=2
  trap on_term TERM INT
  mkdir -p "$CONF_DIR"
  state_load
  SERVER_PID=$(state_serve) || true
  while ((STOPPING == 0)); do
    if [[ ! -f "$START_ARGS_FILE" ]]; then
      decide || { ((STOPPING == 0)) && galera_log "init.sh failed; trying again in ${restart_pause}s" && pause "$restart_pause"; }
      [[ -f "$START_ARGS_FILE" ]] || continue
    fi
    ((STOPPING == 0)) || break
    # First line: the action init.sh chose; the rest: mariadbd arguments, one per line.
    mapfile -t decided <"$START_ARGS_FILE"
    rm -f "$START_ARGS_FILE"
    state_load
    action=${decided[0]}
    decided=("${decided[@]:1}")
    galera_log "$action: $ENTRYPOINT mariadbd $* ${decided[*]}"
    state_set status=starting
    started=$SECONDS
    "$ENTRYPOINT" mariadbd "$@" "${decided[@]}" &
    CHILD=$!
    supervise
    rc=$?
    ((STOPPING == 0)) || break
    galera_log "mariadbd exited ($rc) after $((SECONDS - started)) s; deciding again"
    state_set status=deciding "decision=mariadbd exited ($rc); deciding again"
    if ((SECONDS - started < 60)); then
      pause "$restart_pause"
      restart_pause=$((restart_pause * 2 > RESTART_PAUSE_MAX ? RESTART_PAUSE_MAX : restart_pause * 2))
    else
      restart_pause=2
    fi
  done
  [[ -z "$CHILD" ]] || wait_child
  [[ -z "$SERVER_PID" ]] || kill "$SERVER_PID" 2>/dev/null
  galera_log "stopped"
  exit 0
}

main "$@"
