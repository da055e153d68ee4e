#!/bin/bash
# shellcheck shell=bash
# galera-gen member-state.sh, sourced by init.sh and start.sh: this member's state (a key=value file in CONF_DIR),
# the read-only endpoint that serves it to the other members, and the table of every member's state that
# recovery-plan.sh plans from.
#
# The state file holds what the planner reads (status, volume, uuid, seqno, safe, cluster, cluster_uuid, container)
# and, for people, pod, decision and updated. galera-recover reads the same file with kubectl exec.

STATE_PORT=4569
STATE_FILE="$CONF_DIR/galera-recovery.state"
REPORTS_DIR="$CONF_DIR/galera-reports"
# On the data volume while what it holds is not known to be durable: from the decision to initialise a fresh volume or
# to join (a state transfer writes without fsync) until start.sh has synced the datadir after the first Synced. The
# member is not Ready meanwhile (probe.sh), so it has acknowledged no write of its own: init.sh may empty such a volume.
# ".log" because mariabackup's SST keeps *.log files when it cleans the datadir (rsync's keeps top-level files).
# shellcheck disable=SC2034 # used by init.sh and start.sh
NOT_DURABLE_MARKER="$DATADIR/galera-not-durable.log"
# uuid:seqno where a person forced a bootstrap of this volume's history (recovery-plan.sh: members past it diverged).
# shellcheck disable=SC2034 # used by init.sh
FORK_RECORD="$DATADIR/galera-forced-bootstrap.log"
ORDINAL=${POD_NAME##*-}

declare -A STATE=([pod]="$POD_NAME" [container]="${GALERA_CONTAINER:-init}" [status]=deciding [volume]=unknown
  [uuid]=- [seqno]=-1 [safe]=0 [fork]=- [cluster]=- [cluster_uuid]=- [decision]=-)

galera_log() {
  printf '%s [%s %s] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$LOG_TAG" "$POD_NAME" "$*" >&2
}

# state_set KEY=VALUE...: updates this member's state and rewrites the file atomically (a reader never sees half).
state_set() {
  local pair key
  for pair in "$@"; do
    STATE[${pair%%=*}]=${pair#*=}
  done
  {
    echo "# galera-gen member state 1"
    for key in pod container status volume uuid seqno safe fork cluster cluster_uuid decision; do
      echo "$key=${STATE[$key]}"
    done
    echo "updated=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  } >"$STATE_FILE.tmp"
  mv -f "$STATE_FILE.tmp" "$STATE_FILE"
}

# state_load: takes over the facts another process of this member wrote (start.sh after init.sh decided).
state_load() {
  local key value
  [[ -f "$STATE_FILE" ]] || return 0
  while IFS='=' read -r key value; do
    [[ -n "${STATE[$key]+set}" ]] && STATE[$key]=$value
  done <"$STATE_FILE"
  STATE[container]=${GALERA_CONTAINER:-init}
}

# Serves the state file on STATE_PORT, one read-only copy per connection, no shell per connection; IPv6 and IPv4
# (an IPv4-only kernel refuses the IPv6 socket: then IPv4 alone). Prints the server's PID.
state_serve() {
  local address pid
  for address in "TCP6-LISTEN:$STATE_PORT,ipv6only=0,reuseaddr,fork" "TCP4-LISTEN:$STATE_PORT,reuseaddr,fork"; do
    socat -U "$address" "OPEN:$STATE_FILE,rdonly" >/dev/null 2>&1 &
    pid=$!
    sleep 0.3
    if kill -0 "$pid" 2>/dev/null; then
      echo "$pid"
      return 0
    fi
  done
  galera_log "WARNING: cannot serve the state on port $STATE_PORT; the other members see this one as silent"
  return 1
}

# The state another member serves, or nothing (no name, no address, no answer within 3 s).
read_report() {
  # shellcheck disable=SC2016 # $0 and $1 are the inner shell's arguments
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$0/$1" && cat <&3' "$1" "$STATE_PORT" 2>/dev/null
}

# Every member's row, in ordinal order (PEER_HOSTS), this member's from its own state file; the others are read in
# parallel, so that silent members cost one timeout in total.
member_table() {
  local host i=0 pids=()
  rm -rf "$REPORTS_DIR"
  mkdir -p "$REPORTS_DIR"
  for host in $PEER_HOSTS; do
    if [[ "$i" == "$ORDINAL" ]]; then
      cp "$STATE_FILE" "$REPORTS_DIR/$i"
    else
      read_report "$host" >"$REPORTS_DIR/$i" &
      pids+=("$!")
    fi
    i=$((i + 1))
  done
  ((${#pids[@]} == 0)) || wait "${pids[@]}"
  i=0
  for host in $PEER_HOSTS; do
    galera_plan_row "${host%%.*}" <"$REPORTS_DIR/$i"
    i=$((i + 1))
  done
}

# The plan for this member now: recovery-plan.sh over every member's state.
current_plan() {
  member_table | galera_plan "$POD_NAME" "$RECOVERY_POLICY" "${1:--}" "${2:-0}" "$POD_NAMESPACE" "${POD_NAME%-*}"
}

# The one command a person runs, for log lines: galera-recover beside the manifests.
recover_hint() {
  echo "galera-recover -n $POD_NAMESPACE ${POD_NAME%-*}"
}
