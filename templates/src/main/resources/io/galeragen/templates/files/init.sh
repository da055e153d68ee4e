#!/bin/bash
# galera-gen init.sh: decides, at every start of every pod, how this member's mariadbd may start.
#
# Runs in the init container (GALERA_CONTAINER=init) and again from start.sh whenever mariadbd has stopped
# (GALERA_CONTAINER=mariadb). It never starts mariadbd itself: it writes the decision as mariadbd arguments into a
# one-shot file that start.sh consumes, so no restart can replay an old --wsrep-new-cluster.
#
# 1. It reads the volume once: fresh, or data at a position (grastate.dat, or mariadbd --wsrep-recover after a
#    crash), or data whose position cannot be read. A volume whose initialisation or state transfer never became
#    durable (galera-not-durable.log) or was cut short (sst_in_progress) is emptied first: it was never Ready since,
#    so it holds no write that another member lacks (docs/recovery.md, "Volumes that start empty again").
# 2. It publishes that as this member's state (member-state.sh: a file served on port 4569) and reads every other
#    member's, then follows recovery-plan.sh, the rule galera-recover shares:
#      a Primary component is up           -> join it (not if this volume holds data of another history)
#      every member reports, one history   -> the highest seqno bootstraps (ties: safe_to_bootstrap, lowest ordinal);
#                                             every member empty: the lowest ordinal starts a new cluster
#      a member is silent or undecided     -> wait, name it, and give the one command
# 3. A person's marker in /tmp (confirm-new-cluster, confirm-force-bootstrap, confirm-resume, confirm-recover) is
#    consumed when read; the planner decides whether it is refused.
#
# Inputs are environment variables only (docs/recovery.md, "Pod contract").
set -euo pipefail

DATADIR=${DATADIR:-/var/lib/mysql}
CONF_DIR=${CONF_DIR:-/etc/mysql/conf.d}
GALERA_CONFIG_DIR=${GALERA_CONFIG_DIR:-/etc/galera}
MARKER_DIR=${MARKER_DIR:-/tmp}
RECOVERY_POLICY=${RECOVERY_POLICY:-safe}
POD_NAME=${POD_NAME:-$(hostname)}
POD_NAMESPACE=${POD_NAMESPACE:-default}
PEER_HOSTS=${PEER_HOSTS:-}
WSREP_CLUSTER_ADDRESS=${WSREP_CLUSTER_ADDRESS:-}
NODE_ADDRESS=${NODE_ADDRESS:-}
GALERA_CONTAINER=${GALERA_CONTAINER:-init}
# The SST password arrives as a mounted Secret file; SST_PASSWORD itself is still read.
if [[ -z "${SST_PASSWORD:-}" && -n "${SST_PASSWORD_FILE:-}" ]]; then
  SST_PASSWORD=$(<"$SST_PASSWORD_FILE")
fi
# start.sh serves the state endpoint itself while it runs this script.
GALERA_STATE_SERVED=${GALERA_STATE_SERVED:-0}
POLL_SECONDS=2
# --wsrep-recover can fail for a passing reason (memory pressure): try a few times before calling the position lost.
RECOVER_ATTEMPTS=3
LOG_TAG="galera-init/$GALERA_CONTAINER"
START_ARGS_FILE="$CONF_DIR/galera-start.args"
# Files a state transfer leaves behind when it is cut short; never table data.
SST_LEFTOVERS=(wsrep_sst.pid rsync_sst.pid rsync_sst.conf rsync_sst_complete stunnel.pid stunnel.conf
  xtrabackup_galera_info donor_galera_info .sst)

# shellcheck source=SCRIPTDIR/member-state.sh
source "$GALERA_CONFIG_DIR/member-state.sh"
# shellcheck source=SCRIPTDIR/recovery-plan.sh
source "$GALERA_CONFIG_DIR/recovery-plan.sh"

RECOVERED=0
SERVER_PID=""
PLAN_TEXT=""

die() {
  galera_log "ERROR: $*"
  exit 1
}

# An init container that waits must stop at once when the pod is deleted (bash as PID 1 ignores SIGTERM otherwise).
on_exit() {
  [[ -z "$SERVER_PID" ]] || kill "$SERVER_PID" 2>/dev/null || true
}

on_term() {
  galera_log "SIGTERM: stopping"
  exit 143
}

validate_inputs() {
  case "$RECOVERY_POLICY" in
    manual | safe | force-pod0) ;;
    *) die "RECOVERY_POLICY=$RECOVERY_POLICY is not one of: manual, safe, force-pod0" ;;
  esac
  [[ "$ORDINAL" =~ ^[0-9]+$ ]] || die "POD_NAME=$POD_NAME does not end in -<ordinal>"
  [[ -n "$PEER_HOSTS" ]] || die "PEER_HOSTS is not set (every member's name, in ordinal order)"
  [[ -f "$GALERA_CONFIG_DIR/galera.cnf" ]] || die "missing $GALERA_CONFIG_DIR/galera.cnf"
  [[ -d "$DATADIR" ]] || die "DATADIR=$DATADIR is not a directory"
}

# The ConfigMap is read-only; mariadbd reads CONF_DIR (an emptyDir the image's my.cnf includes).
install_config() {
  mkdir -p "$CONF_DIR"
  cp "$GALERA_CONFIG_DIR/galera.cnf" "$CONF_DIR/50-galera.cnf"
  {
    echo "# written by init.sh for $POD_NAME"
    echo "[galera]"
    echo "wsrep_node_name=$POD_NAME"
    # An IPv6 pod IP needs brackets wherever Galera and the SST scripts read an address.
    [[ "$NODE_ADDRESS" == *:* && "$NODE_ADDRESS" != \[* ]] && NODE_ADDRESS="[$NODE_ADDRESS]"
    [[ -n "$NODE_ADDRESS" ]] && echo "wsrep_node_address=$NODE_ADDRESS"
    [[ -n "$WSREP_CLUSTER_ADDRESS" ]] && echo "wsrep_cluster_address=$WSREP_CLUSTER_ADDRESS"
    true
  } >"$CONF_DIR/60-galera-node.cnf"
  if [[ -n "${SST_PASSWORD:-}" ]]; then
    # The credential comes from a Secret through env; it never enters the ConfigMap.
    (
      umask 077
      printf '[galera]\nwsrep_sst_auth=%s:%s\n' "${SST_USER:-sst}" "$SST_PASSWORD" >"$CONF_DIR/70-galera-sst-auth.cnf"
    )
  fi
}

# ---- 1. the volume ------------------------------------------------------------------------------------------------

# Empties the volume (lost+found stays: it is the filesystem's). Only for a volume that was never Ready since its
# content arrived, so every write it holds is on another member too or was never acknowledged.
empty_volume() {
  local why=$1 entries
  entries=$(find "$DATADIR" -mindepth 1 -maxdepth 1 ! -name lost+found -printf '%f ' 2>/dev/null)
  galera_log "$why: emptying the volume so that it starts fresh (removing: ${entries:-nothing})"
  find "$DATADIR" -mindepth 1 -maxdepth 1 ! -name lost+found -exec rm -rf {} +
}

prepare_volume() {
  local leftover
  if [[ -e "$NOT_DURABLE_MARKER" ]]; then
    empty_volume "this volume's initialisation or state transfer never became durable ($(head -n1 "$NOT_DURABLE_MARKER" 2>/dev/null))"
  elif [[ -e "$DATADIR/sst_in_progress" ]]; then
    empty_volume "found sst_in_progress: a state transfer was cut short and left incomplete data"
  fi
  for leftover in "${SST_LEFTOVERS[@]}"; do
    if [[ -e "$DATADIR/$leftover" ]]; then
      galera_log "removing stale SST leftover $DATADIR/$leftover"
      rm -rf "${DATADIR:?}/$leftover"
    fi
  done
}

grastate_value() {
  [[ -f "$DATADIR/grastate.dat" ]] || return 0
  sed -n "s/^$1:[[:space:]]*//p" "$DATADIR/grastate.dat" | head -n1
}

is_zero_uuid() {
  [[ -z "$1" || "$1" =~ ^[-0]*$ ]]
}

mariadbd_base_command() {
  MARIADBD=(mariadbd)
  [[ "$(id -u)" == 0 ]] && MARIADBD+=(--user=mysql)
  return 0
}

# InnoDB knows the last committed writeset even when grastate.dat says -1 after a crash. Prints uuid:seqno.
recover_position() {
  local recover_log position
  recover_log="$CONF_DIR/wsrep-recover.log"
  rm -f "$recover_log"
  mariadbd_base_command
  galera_log "running ${MARIADBD[*]} --wsrep-recover"
  # --skip-networking: a recovering server must not open the SQL port even for a moment.
  if ! "${MARIADBD[@]}" --wsrep-recover --skip-networking --log-error="$recover_log" >/dev/null 2>&1; then
    galera_log "mariadbd --wsrep-recover failed: $(tail -n 20 "$recover_log" 2>/dev/null | tr '\n' ' ')"
    return 1
  fi
  # mariadbd ends this log line without a newline, so the next line's timestamp may follow the seqno directly
  # ("...:38102026-11-23 23:21:03 ..."): match it too (longest match), then drop it.
  position=$(grep -oE 'WSREP: Recovered position: *[0-9a-f-]{36}:-?[0-9]+([0-9]{4}-[0-9]{2}-[0-9]{2} )?' "$recover_log" \
    | tail -n1 | sed -E 's/^WSREP: Recovered position: *//; s/[0-9]{4}-[0-9]{2}-[0-9]{2} $//')
  [[ "$position" =~ ^[0-9a-f-]{36}:-?[0-9]+$ ]] || {
    galera_log "mariadbd --wsrep-recover printed no position"
    return 1
  }
  echo "$position"
}

recover_with_retries() {
  local attempt
  for ((attempt = 1; attempt <= RECOVER_ATTEMPTS; attempt++)); do
    recover_position && return 0
    sleep $((attempt * 5))
  done
  return 1
}

# Sets STATE volume/uuid/seqno/safe: fresh, data (position known; uuid "-" if it never was in a cluster), or lost.
establish_position() {
  local uuid seqno position
  uuid=$(grastate_value uuid)
  seqno=$(grastate_value seqno)
  STATE[safe]=$(grastate_value safe_to_bootstrap)
  STATE[safe]=${STATE[safe]:-0}
  [[ ! -s "$FORK_RECORD" ]] || STATE[fork]=$(head -n1 "$FORK_RECORD")
  if [[ ! -d "$DATADIR/mysql" ]] && is_zero_uuid "$uuid"; then
    STATE[volume]=fresh
    return
  fi
  if ! is_zero_uuid "$uuid" && [[ "$seqno" =~ ^[0-9]+$ ]]; then
    STATE[volume]=data STATE[uuid]=$uuid STATE[seqno]=$seqno
    return
  fi
  if ! position=$(recover_with_retries); then
    galera_log "the position of this volume's data cannot be read: the other members will not bootstrap without it"
    STATE[volume]=lost
    return
  fi
  RECOVERED=1
  STATE[volume]=data STATE[uuid]=${position%:*} STATE[seqno]=${position##*:}
  if is_zero_uuid "${STATE[uuid]}"; then
    # Data that never was in a cluster (a standalone server scaled up): a history of its own.
    STATE[uuid]=- STATE[seqno]=-1
  fi
}

# ---- 2. the decision ----------------------------------------------------------------------------------------------

# A person's marker, consumed when read. Prints "<action> <why>" or nothing (keep following the plan).
marker_decision() {
  local marker content plan
  for marker in confirm-force-bootstrap confirm-new-cluster confirm-resume confirm-recover; do
    [[ -e "$MARKER_DIR/$marker" ]] || continue
    content=$(cat "$MARKER_DIR/$marker" 2>/dev/null || true)
    rm -f "$MARKER_DIR/$marker"
    galera_log "found $MARKER_DIR/$marker (consumed)"
    case "$marker" in
      confirm-force-bootstrap | confirm-new-cluster)
        if [[ "$marker" == confirm-force-bootstrap ]]; then
          plan=$(current_plan "$POD_NAME" 1)
        else
          plan=$(current_plan "$POD_NAME" 0)
        fi
        if [[ "$(head -n1 <<<"$plan")" != "PLAN bootstrap $POD_NAME" ]]; then
          galera_log "REFUSED $marker: $(sed -n 's/^reason: //p' <<<"$plan")"
        elif [[ "$marker" == confirm-force-bootstrap && "$content" != *lose-writes* ]] && grep -q 'is ahead\|is empty' <<<"$plan"; then
          galera_log "REFUSED $marker: $(sed -n 's/^reason: forced by a person; //p' <<<"$plan"). Write 'lose-writes' into the marker to do it anyway."
        else
          echo "bootstrap a person confirmed it with $marker: $(sed -n 's/^reason: //p' <<<"$plan")"
        fi
        ;;
      confirm-resume)
        if current_plan | grep -q "^conflict: $POD_NAME "; then
          # The person chose the Primary component's history: this volume's data goes, a full SST replaces it.
          echo "join a person confirmed it with confirm-resume: this volume's data is replaced"
        else
          echo "join a person confirmed it with confirm-resume"
        fi
        ;;
      confirm-recover)
        galera_log "position: ${STATE[volume]} ${STATE[uuid]}:${STATE[seqno]} safe_to_bootstrap=${STATE[safe]}"
        ;;
    esac
    return 0
  done
}

# This member's decision in a plan: "<action> <why>".
self_decision() {
  local self_line
  self_line=$(sed -n 's/^self: //p' <<<"$1")
  if [[ -n "$self_line" ]]; then
    echo "$self_line"
  elif [[ "$(head -n1 <<<"$1")" == "PLAN join "* ]]; then
    # A pod beyond PEER_HOSTS (kubectl scale past the rendered replicas) never bootstraps; it joins a Primary.
    echo "join a Primary component is up"
  else
    echo "wait $POD_NAME is not one of the members in PEER_HOSTS: it only joins a Primary component"
  fi
}

print_waiting() {
  local reason=$1
  galera_log "waiting: $reason"
  while IFS= read -r line; do
    galera_log "  $line"
  done < <(grep -v '^self: ' <<<"$PLAN_TEXT")
  galera_log "  every member's state and the plan: $(recover_hint)"
}

# ---- 3. the arguments for start.sh --------------------------------------------------------------------------------

# Where a person forced a bootstrap, the history goes on without what only the silent members held: the bootstrapped
# member records the point, and every member that joins it copies the record (recovery-plan.sh compares with it).
record_fork() {
  local action=$1 reason=$2 fork=""
  if [[ "$action" == bootstrap && "$reason" == *confirm-force-bootstrap* && "${STATE[uuid]}" != - ]]; then
    fork="${STATE[uuid]}:${STATE[seqno]}"
  elif [[ "$action" == join ]]; then
    fork=$(current_plan | sed -n 's/^fork: //p')
  fi
  [[ -n "$fork" && "$fork" != "${STATE[fork]}" ]] || return 0
  galera_log "recording the forced bootstrap this history descends from: $fork"
  printf '%s\n' "$fork" >"$FORK_RECORD"
  sync "$FORK_RECORD" "$DATADIR"
  STATE[fork]=$fork
}

galera_enabled() {
  grep -qE '^wsrep_on[[:space:]]*=[[:space:]]*ON' "$GALERA_CONFIG_DIR/galera.cnf"
}

# A new history starts or a state transfer comes: until start.sh has synced the datadir after the first Synced, the
# volume's content is not known to be durable (NOT_DURABLE_MARKER, written durably itself).
mark_not_durable() {
  printf '%s: %s decided at %s\n' "$POD_NAME" "$1" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$NOT_DURABLE_MARKER"
  sync "$NOT_DURABLE_MARKER" "$DATADIR"
}

write_start_args() {
  local action=$1
  local args=()
  # Galera's own view cache: the plan above replaces pc.recovery, and a stale view must not decide anything.
  if [[ -e "$DATADIR/gvwstate.dat" ]]; then
    galera_log "removing gvwstate.dat (the members' plan decides, not a saved view)"
    rm -f "$DATADIR/gvwstate.dat"
  fi
  if [[ "$action" == bootstrap ]]; then
    if [[ -f "$DATADIR/grastate.dat" && "${STATE[safe]}" != 1 ]]; then
      galera_log "setting safe_to_bootstrap: 1 in grastate.dat (decided above)"
      sed -i 's/^safe_to_bootstrap:.*/safe_to_bootstrap: 1/' "$DATADIR/grastate.dat"
    fi
    args+=(--wsrep-new-cluster)
  fi
  # A standalone server (replicas: 1, wsrep off) is never Synced, so start.sh would never drop the marker.
  if [[ "$action" == join || "${STATE[volume]}" == fresh ]] && galera_enabled; then
    mark_not_durable "$action"
  fi
  # After a crash grastate.dat says -1: without the recovered position a joiner would ask for a full SST and a
  # bootstrap would start a new history.
  if [[ "$RECOVERED" == 1 && "${STATE[seqno]}" -ge 0 ]]; then
    args+=("--wsrep-start-position=${STATE[uuid]}:${STATE[seqno]}")
  fi
  # First line: the action; then one mariadbd argument per line.
  printf '%s\n' "$action" "${args[@]}" >"$START_ARGS_FILE.tmp"
  mv "$START_ARGS_FILE.tmp" "$START_ARGS_FILE"
  galera_log "start arguments for mariadbd: ${args[*]:-(none)}"
}

main() {
  local decision action reason last_reason="" last_print=0
  trap on_exit EXIT
  trap on_term TERM INT
  validate_inputs
  install_config
  rm -f "$START_ARGS_FILE"
  state_set status=deciding "decision=reading the volume"
  if [[ "$GALERA_STATE_SERVED" != 1 ]]; then
    SERVER_PID=$(state_serve) || true
  fi
  prepare_volume
  establish_position
  galera_log "volume: ${STATE[volume]} position ${STATE[uuid]}:${STATE[seqno]} safe_to_bootstrap=${STATE[safe]} policy=$RECOVERY_POLICY"
  while true; do
    state_set status=waiting
    decision=$(marker_decision)
    if [[ -z "$decision" ]]; then
      PLAN_TEXT=$(current_plan)
      decision=$(self_decision "$PLAN_TEXT")
    fi
    action=${decision%% *}
    reason=${decision#* }
    [[ "$action" != wait ]] && break
    state_set "decision=wait: $reason"
    if [[ "$reason" != "$last_reason" ]] || ((SECONDS - last_print >= 60)); then
      print_waiting "$reason"
      last_reason=$reason
      last_print=$SECONDS
    fi
    sleep "$POLL_SECONDS" &
    wait $! || true
  done
  rm -f "$MARKER_DIR"/confirm-*
  galera_log "decision: $action: $reason"
  if [[ "$reason" == *"this volume's data is replaced" ]]; then
    empty_volume "a person chose to replace this volume's data (confirm-resume)"
    STATE[volume]=fresh STATE[uuid]=- STATE[seqno]=-1 STATE[safe]=0 STATE[fork]=-
    RECOVERED=0
  fi
  record_fork "$action" "$reason"
  write_start_args "$action"
  state_set status=starting "decision=$action: $reason"
}

main "$@"
