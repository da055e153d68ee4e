#!/bin/bash
# galera-gen init.sh: decides, at every start of every pod, how this pod's mariadbd may start.
#
# Runs in the init container (GALERA_CONTAINER=init) and again from start.sh when only the main
# container restarted (GALERA_CONTAINER=mariadb). It never starts mariadbd itself: it writes the
# decision as mariadbd arguments into a one-shot file that start.sh consumes (deletes) before it
# execs mariadbd, so a container restart can never replay a stale --wsrep-new-cluster.
#
# Decision table (docs/recovery.md explains each row):
#   a ready peer exists                         -> join it (IST when a position is known)
#   fresh volume, pod 0, no peer up             -> bootstrap a new cluster
#   data, grastate seqno -1 (crash)             -> mariadbd --wsrep-recover first, start with
#                                                  --wsrep-start-position (keeps IST and history)
#   data, safe_to_bootstrap: 1                  -> bootstrap (Galera says this pod left last)
#   data, gvwstate.dat present                  -> start as joiner; pc.recovery reforms the
#                                                  primary component when all members are back
#   anything else                               -> wait for a ready peer or a person
#
# Inputs are environment variables only (see "Pod contract" in docs/recovery.md).
set -euo pipefail

DATADIR=${DATADIR:-/var/lib/mysql}
CONF_DIR=${CONF_DIR:-/etc/mysql/conf.d}
GALERA_CONFIG_DIR=${GALERA_CONFIG_DIR:-/etc/galera}
MARKER_DIR=${MARKER_DIR:-/tmp}
RECOVERY_POLICY=${RECOVERY_POLICY:-safe}
POD_NAME=${POD_NAME:-$(hostname)}
POD_NAMESPACE=${POD_NAMESPACE:-default}
REPLICAS=${REPLICAS:-3}
PEER_HOSTS=${PEER_HOSTS:-}
READY_PEERS_HOST=${READY_PEERS_HOST:-}
WSREP_CLUSTER_ADDRESS=${WSREP_CLUSTER_ADDRESS:-}
NODE_ADDRESS=${NODE_ADDRESS:-}
GALERA_CONTAINER=${GALERA_CONTAINER:-init}
# The SST password arrives as a mounted Secret file; SST_PASSWORD itself is still read (test harnesses).
if [[ -z "${SST_PASSWORD:-}" && -n "${SST_PASSWORD_FILE:-}" ]]; then
  SST_PASSWORD=$(<"$SST_PASSWORD_FILE")
fi
# Only a test harness sets this: it points mariadbd at a my.cnf outside /etc/mysql.
MARIADBD_DEFAULTS_FILE=${MARIADBD_DEFAULTS_FILE:-}
SQL_PORT=3306
GCOMM_PORT=4567
POLL_SECONDS=2
# A pc.recovery start that cannot reform the primary component ends after pc.wait_prim_timeout;
# trying again helps when a member was merely late, but not when a member lost its gvwstate.dat.
MAX_PC_RECOVERY_ATTEMPTS=2

START_ARGS_FILE="$CONF_DIR/galera-start.args"
STATE_FILE="$CONF_DIR/galera-recovery.state"
PEER_POSITIONS_FILE="$MARKER_DIR/peer-positions"
ZERO_UUID=00000000-0000-0000-0000-000000000000
ORDINAL=${POD_NAME##*-}

# Facts gathered once per run.
GRASTATE_UUID=""
GRASTATE_SEQNO=""
SAFE_TO_BOOTSTRAP=0
HAS_GVWSTATE=0
SST_INTERRUPTED=0
FRESH=0
POSITION_UUID=""
POSITION_SEQNO=""
RECOVERED=0
PC_RECOVERY_ATTEMPTS=0
DECISION=""

log() {
  printf '%s [galera-init %s/%s] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$POD_NAME" "$GALERA_CONTAINER" "$*" >&2
}

die() {
  log "ERROR: $*"
  exit 1
}

validate_inputs() {
  case "$RECOVERY_POLICY" in
    manual | safe | force-pod0) ;;
    *) die "RECOVERY_POLICY=$RECOVERY_POLICY is not one of: manual, safe, force-pod0" ;;
  esac
  [[ "$ORDINAL" =~ ^[0-9]+$ ]] || die "POD_NAME=$POD_NAME does not end in -<ordinal>"
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
    chown mysql: "$CONF_DIR/70-galera-sst-auth.cnf" 2>/dev/null || true
  fi
}

# An SST cut short leaves pid files, staging directories and a progress marker. They make the
# next SST fail, so remove them; they are never table data. A progress marker also means the
# data on this volume is incomplete: this pod must then never be a bootstrap candidate.
clean_sst_leftovers() {
  local leftover
  if [[ -e "$DATADIR/sst_in_progress" ]]; then
    SST_INTERRUPTED=1
    log "found sst_in_progress: a state transfer was cut short; this volume will only join (full SST)"
  fi
  for leftover in sst_in_progress wsrep_sst.pid rsync_sst.pid rsync_sst.conf rsync_sst_complete \
    stunnel.pid stunnel.conf xtrabackup_galera_info donor_galera_info .sst; do
    if [[ -e "$DATADIR/$leftover" ]]; then
      log "removing stale SST leftover $DATADIR/$leftover"
      rm -rf "${DATADIR:?}/$leftover"
    fi
  done
}

grastate_value() {
  sed -n "s/^$1:[[:space:]]*//p" "$DATADIR/grastate.dat" | head -n1
}

read_volume_state() {
  if [[ -f "$DATADIR/grastate.dat" ]]; then
    GRASTATE_UUID=$(grastate_value uuid)
    GRASTATE_SEQNO=$(grastate_value seqno)
    SAFE_TO_BOOTSTRAP=$(grastate_value safe_to_bootstrap)
    SAFE_TO_BOOTSTRAP=${SAFE_TO_BOOTSTRAP:-0}
  fi
  [[ -f "$DATADIR/gvwstate.dat" ]] && HAS_GVWSTATE=1
  if [[ -f "$STATE_FILE" ]]; then
    PC_RECOVERY_ATTEMPTS=$(sed -n 's/^pc_recovery_attempts=//p' "$STATE_FILE")
    PC_RECOVERY_ATTEMPTS=${PC_RECOVERY_ATTEMPTS:-0}
  fi
}

mariadbd_base_command() {
  MARIADBD=(mariadbd)
  [[ -n "$MARIADBD_DEFAULTS_FILE" ]] && MARIADBD+=("--defaults-file=$MARIADBD_DEFAULTS_FILE")
  [[ "$(id -u)" == 0 ]] && MARIADBD+=(--user=mysql)
  return 0
}

# InnoDB knows the last committed writeset even when grastate.dat says -1 after a crash.
recover_position() {
  local recover_log output position
  recover_log=$(mktemp "${TMPDIR:-/tmp}/wsrep-recover.XXXXXX")
  chown mysql: "$recover_log" 2>/dev/null || true
  mariadbd_base_command
  log "running ${MARIADBD[*]} --wsrep-recover"
  # --skip-networking: a recovering server would otherwise open the SQL port for a moment,
  # which a peer probing for a ready member would mistake for one.
  if ! output=$("${MARIADBD[@]}" --wsrep-recover --skip-networking --log-error="$recover_log" 2>&1); then
    log "mariadbd --wsrep-recover failed: $output $(tail -n 20 "$recover_log")"
    rm -f "$recover_log"
    return 1
  fi
  # mariadbd ends this log line without a newline, so the next line's timestamp follows the seqno
  # directly ("...:38102026-11-23 23:21:03 ..."): match it too (longest match), then drop it.
  position=$(grep -oE 'WSREP: Recovered position: *[0-9a-f-]{36}:-?[0-9]+([0-9]{4}-[0-9]{2}-[0-9]{2} )?' "$recover_log" \
    | tail -n1 | sed -E 's/^WSREP: Recovered position: *//; s/[0-9]{4}-[0-9]{2}-[0-9]{2} $//')
  rm -f "$recover_log"
  [[ "$position" =~ ^([0-9a-f-]{36}):(-?[0-9]+)$ ]] || {
    log "mariadbd --wsrep-recover printed no position"
    return 1
  }
  POSITION_UUID=${BASH_REMATCH[1]}
  POSITION_SEQNO=${BASH_REMATCH[2]}
  RECOVERED=1
  log "recovered position $POSITION_UUID:$POSITION_SEQNO"
}

# Sets FRESH, POSITION_UUID, POSITION_SEQNO from grastate.dat, or from InnoDB when that is unclear.
establish_position() {
  if [[ ! -d "$DATADIR/mysql" && -z "$GRASTATE_UUID" ]]; then
    FRESH=1
    return
  fi
  if [[ -n "$GRASTATE_UUID" && -n "$GRASTATE_SEQNO" && "$GRASTATE_SEQNO" != -1 ]]; then
    POSITION_UUID=$GRASTATE_UUID
    POSITION_SEQNO=$GRASTATE_SEQNO
  elif [[ -d "$DATADIR/mysql" ]]; then
    recover_position || true
  fi
  # A volume that never belonged to a cluster (e.g. initialised, then SST failed) is fresh.
  if [[ -z "$POSITION_UUID" && ( -z "$GRASTATE_UUID" || "$GRASTATE_UUID" == "$ZERO_UUID" ) ]] \
    || [[ "$POSITION_UUID" == "$ZERO_UUID" ]]; then
    FRESH=1
  fi
}

position_known() {
  [[ -n "$POSITION_UUID" && "$POSITION_UUID" != "$ZERO_UUID" && "$POSITION_SEQNO" -ge 0 && "$SST_INTERRUPTED" == 0 ]]
}

peer_hosts_except_self() {
  local i=0 host
  for host in $PEER_HOSTS; do
    [[ "$i" != "$ORDINAL" ]] && echo "$host"
    i=$((i + 1))
  done
  return 0
}

tcp_port_open() {
  timeout 1 bash -c ": >/dev/tcp/$1/$2" 2>/dev/null
}

# In Kubernetes READY_PEERS_HOST is a Service that lists only ready pods (readiness checks
# wsrep_ready=ON and Primary): if it resolves, a primary component can be joined. Without it
# (a harness, or no DNS) a peer whose SQL port answers counts: mariadbd opens that port only
# after it has joined a primary component and received its state.
peer_ready() {
  local host
  if [[ -n "$READY_PEERS_HOST" ]]; then
    getent hosts "$READY_PEERS_HOST" >/dev/null 2>&1
    return
  fi
  for host in $(peer_hosts_except_self); do
    tcp_port_open "$host" "$SQL_PORT" && return 0
  done
  return 1
}

# Any peer with a Galera process (e.g. waiting for pc.recovery) listens on the gcomm port.
peer_gcomm_up() {
  local host
  for host in $(peer_hosts_except_self); do
    tcp_port_open "$host" "$GCOMM_PORT" && return 0
  done
  return 1
}

# Positions of the other pods as a person (or galera-recover) last saw them: "<pod> <uuid>:<seqno>".
known_peer_positions() {
  [[ -f "$PEER_POSITIONS_FILE" ]] || return 0
  awk -v self="$POD_NAME" 'NF >= 2 && $1 != self && $1 !~ /^#/ { print $1, $2 }' "$PEER_POSITIONS_FILE"
}

# Prints the peers known to be ahead of this pod (or on another history); empty when none.
peers_ahead() {
  local pod position uuid seqno
  while read -r pod position; do
    uuid=${position%:*}
    seqno=${position##*:}
    [[ "$seqno" =~ ^-?[0-9]+$ ]] || continue
    if ! position_known; then
      [[ "$seqno" -ge 0 ]] && echo "$pod($position)"
    elif [[ "$uuid" != "$POSITION_UUID" && "$uuid" != "$ZERO_UUID" && "$seqno" -ge 0 ]]; then
      echo "$pod($position, another history)"
    elif [[ "$uuid" == "$POSITION_UUID" && "$seqno" -gt "$POSITION_SEQNO" ]]; then
      echo "$pod($position)"
    fi
  done < <(known_peer_positions)
}

all_peer_positions_known() {
  [[ "$(known_peer_positions | wc -l)" -ge $((REPLICAS - 1)) ]]
}

# The decision itself: facts in, DECISION="<action> <reason>" out (action: bootstrap, join, pc-recovery, wait).
decide() {
  if peer_ready; then
    DECISION="join a ready peer exists"
    return
  fi
  case "$RECOVERY_POLICY" in
    manual)
      DECISION="wait policy manual: a person decides every bootstrap"
      ;;
    force-pod0)
      if [[ "$ORDINAL" == 0 ]] && ! peer_gcomm_up; then
        DECISION="bootstrap policy force-pod0: pod 0 bootstraps without comparing positions (may lose writes)"
      else
        DECISION="wait policy force-pod0: waiting for pod 0"
      fi
      ;;
    safe)
      if [[ "$FRESH" == 1 ]]; then
        if [[ "$ORDINAL" == 0 ]] && ! peer_gcomm_up; then
          DECISION="bootstrap fresh volume on pod 0 and no peer is up: new cluster"
        else
          DECISION="wait fresh volume: waiting for a ready peer to join"
        fi
      elif ! position_known; then
        DECISION="wait this pod's position is unknown"
      elif [[ "$SAFE_TO_BOOTSTRAP" == 1 && -z "$(peers_ahead)" ]]; then
        DECISION="bootstrap grastate.dat says safe_to_bootstrap: 1 (this pod left the cluster last)"
      elif [[ "$HAS_GVWSTATE" == 1 && "$PC_RECOVERY_ATTEMPTS" -lt "$MAX_PC_RECOVERY_ATTEMPTS" ]]; then
        DECISION="pc-recovery gvwstate.dat present: pc.recovery reforms the primary component when every member is back"
      else
        DECISION="wait no peer is ready and nothing proves this pod may bootstrap"
      fi
      ;;
  esac
}

write_state() {
  local status=$1 decision=$2
  local tmp="$STATE_FILE.tmp"
  {
    echo "pod=$POD_NAME"
    echo "container=$GALERA_CONTAINER"
    echo "status=$status"
    echo "uuid=${POSITION_UUID:-$GRASTATE_UUID}"
    echo "seqno=${POSITION_SEQNO:--1}"
    echo "grastate_seqno=$GRASTATE_SEQNO"
    echo "recovered=$RECOVERED"
    echo "safe_to_bootstrap=$SAFE_TO_BOOTSTRAP"
    echo "gvwstate=$HAS_GVWSTATE"
    echo "fresh=$FRESH"
    echo "sst_interrupted=$SST_INTERRUPTED"
    echo "pc_recovery_attempts=$PC_RECOVERY_ATTEMPTS"
    echo "decision=$decision"
    echo "updated=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } >"$tmp"
  mv "$tmp" "$STATE_FILE"
}

print_instructions() {
  local exec_cmd="kubectl -n $POD_NAMESPACE exec $POD_NAME -c $GALERA_CONTAINER --"
  log "----- WAITING FOR A READY PEER OR A PERSON -----"
  log "this pod: uuid=${POSITION_UUID:-$GRASTATE_UUID} seqno=${POSITION_SEQNO:--1} safe_to_bootstrap=$SAFE_TO_BOOTSTRAP gvwstate=$HAS_GVWSTATE policy=$RECOVERY_POLICY"
  log "compare every pod first:   galera-recover -n $POD_NAMESPACE ${POD_NAME%-*}"
  log "bootstrap here (refused if a peer is known to be ahead):  $exec_cmd touch /tmp/confirm-new-cluster"
  log "bootstrap here although unproven (may lose writes):        $exec_cmd touch /tmp/confirm-force-bootstrap"
  log "   ... even if a peer is known to be ahead (loses writes): $exec_cmd sh -c 'echo lose-writes > /tmp/confirm-force-bootstrap'"
  log "start as a joiner (let pc.recovery or a primary take it):  $exec_cmd touch /tmp/confirm-resume"
  log "recover and print this pod's position, keep waiting:       $exec_cmd touch /tmp/confirm-recover"
}

# A person's marker, consumed when read. Sets DECISION, or leaves it empty to keep waiting.
take_marker_decision() {
  local marker ahead content
  DECISION=""
  for marker in confirm-force-bootstrap confirm-new-cluster confirm-resume confirm-recover; do
    [[ -e "$MARKER_DIR/$marker" ]] || continue
    content=$(cat "$MARKER_DIR/$marker" 2>/dev/null || true)
    rm -f "$MARKER_DIR/$marker"
    log "found /tmp/$marker (consumed)"
    ahead=$(peers_ahead | tr '\n' ' ')
    case "$marker" in
      confirm-force-bootstrap)
        if [[ -n "$ahead" && "$content" != *lose-writes* ]]; then
          log "REFUSED bootstrap: peers known to be ahead of this pod: $ahead; bootstrapping here would lose their writes. Write 'lose-writes' into the marker to force it."
          return 0
        fi
        [[ -n "$ahead" ]] && log "FORCED bootstrap although ahead: $ahead (their newer writes are lost)"
        DECISION="bootstrap person forced it with /tmp/confirm-force-bootstrap"
        ;;
      confirm-new-cluster)
        if [[ -n "$ahead" ]]; then
          log "REFUSED bootstrap: peers known to be ahead of this pod: $ahead"
        elif [[ "$FRESH" == 1 ]] && peer_gcomm_up; then
          log "REFUSED new cluster: a peer's Galera port answers; join it or stop it first"
        elif [[ "$FRESH" == 1 || "$SAFE_TO_BOOTSTRAP" == 1 ]] || { position_known && all_peer_positions_known; }; then
          DECISION="bootstrap person confirmed with /tmp/confirm-new-cluster"
        else
          log "REFUSED bootstrap: not every peer's position is known (run galera-recover), or use confirm-force-bootstrap"
        fi
        ;;
      confirm-resume)
        DECISION="join person confirmed with /tmp/confirm-resume"
        ;;
      confirm-recover)
        [[ "$RECOVERED" == 1 ]] || recover_position || true
        log "position: ${POSITION_UUID:-unknown}:${POSITION_SEQNO:--1}"
        write_state waiting "wait position recovered on request"
        ;;
    esac
    return 0
  done
}

discard_unused_markers() {
  local marker
  for marker in "$MARKER_DIR"/confirm-*; do
    [[ -e "$marker" ]] || continue
    log "discarding unused marker $marker"
    rm -f "$marker"
  done
}

mark_safe_to_bootstrap() {
  if [[ -f "$DATADIR/grastate.dat" && "$SAFE_TO_BOOTSTRAP" != 1 ]]; then
    log "setting safe_to_bootstrap: 1 in grastate.dat (decided above)"
    sed -i 's/^safe_to_bootstrap:.*/safe_to_bootstrap: 1/' "$DATADIR/grastate.dat"
  fi
}

write_start_args() {
  local action=$1
  local args=()
  case "$action" in
    bootstrap)
      mark_safe_to_bootstrap
      args+=(--wsrep-new-cluster)
      ;;
    pc-recovery)
      PC_RECOVERY_ATTEMPTS=$((PC_RECOVERY_ATTEMPTS + 1))
      ;;
  esac
  # After a crash grastate.dat says -1: without the recovered position the node would ask for a
  # full SST, and a pc.recovery restart would drop the cluster's history (seen in the lab).
  if [[ "$RECOVERED" == 1 ]] && position_known; then
    args+=("--wsrep-start-position=$POSITION_UUID:$POSITION_SEQNO")
  fi
  # First line: the action (start.sh watches a pc-recovery start); then one argument per line.
  printf '%s\n' "$action" "${args[@]}" >"$START_ARGS_FILE.tmp"
  mv "$START_ARGS_FILE.tmp" "$START_ARGS_FILE"
  log "start arguments for mariadbd: ${args[*]:-(none)}"
}

main() {
  local decision action reason last_reason="" last_instructions=0
  validate_inputs
  install_config
  rm -f "$START_ARGS_FILE"
  clean_sst_leftovers
  read_volume_state
  establish_position
  log "volume: fresh=$FRESH uuid=${POSITION_UUID:-$GRASTATE_UUID} seqno=${POSITION_SEQNO:--1} grastate_seqno=${GRASTATE_SEQNO:-none} safe_to_bootstrap=$SAFE_TO_BOOTSTRAP gvwstate=$HAS_GVWSTATE policy=$RECOVERY_POLICY"

  while true; do
    take_marker_decision
    [[ -n "$DECISION" ]] || decide
    decision=$DECISION
    action=${decision%% *}
    reason=${decision#* }
    [[ "$action" != wait ]] && break
    write_state waiting "$decision"
    if [[ "$reason" != "$last_reason" ]] || ((SECONDS - last_instructions >= 60)); then
      log "waiting: $reason"
      print_instructions
      last_reason=$reason
      last_instructions=$SECONDS
    fi
    sleep "$POLL_SECONDS"
  done

  discard_unused_markers
  log "decision: $action: $reason"
  write_start_args "$action"
  write_state started "$decision"
}

main "$@"
