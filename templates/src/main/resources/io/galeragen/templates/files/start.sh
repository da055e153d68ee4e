#!/bin/bash
# galera-gen start.sh: the main container's command. Starts mariadbd with the arguments init.sh
# decided, and consumes them first: a later restart of this container alone (mariadbd crashed,
# OOM kill) must decide again from the volume as it is then, never replay an old decision such
# as --wsrep-new-cluster, which would create a second primary component.
set -euo pipefail

CONF_DIR=${CONF_DIR:-/etc/mysql/conf.d}
GALERA_CONFIG_DIR=${GALERA_CONFIG_DIR:-/etc/galera}
# The image's entrypoint (initialises an empty datadir, then execs mariadbd). A harness may point
# this at its own entrypoint; the arguments stay the ones decided here.
MARIADB_ENTRYPOINT=${MARIADB_ENTRYPOINT:-docker-entrypoint.sh}
# Where this pod's own SQL port answers (a harness binds each node to its own loopback address).
NODE_SQL_HOST=${NODE_SQL_HOST:-127.0.0.1}
# A pc.recovery start waits for every member of the last primary component, forever, and does not
# stop on SIGTERM meanwhile. If a member never comes back as itself (it lost gvwstate.dat), only
# giving up lets this pod reach init.sh's "wait for a person" state.
PC_RECOVERY_TIMEOUT_SECONDS=${PC_RECOVERY_TIMEOUT_SECONDS:-120}
START_ARGS_FILE="$CONF_DIR/galera-start.args"

log() {
  printf '%s [galera-start %s] %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "${POD_NAME:-$(hostname)}" "$*" >&2
}

sql_port_open() {
  timeout 1 bash -c ": >/dev/tcp/$NODE_SQL_HOST/3306" 2>/dev/null
}

stop_child() {
  local pid=$1 grace=$2
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < grace; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 1
  done
  log "mariadbd did not stop within ${grace}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# Runs mariadbd as a child so that a pc.recovery start that never reaches a primary component can
# be ended; SIGTERM from the kubelet is passed on.
run_pc_recovery_start() {
  local pid waited=0
  "$MARIADB_ENTRYPOINT" mariadbd "$@" &
  pid=$!
  trap 'stop_child "$pid" 60; wait "$pid"; exit $?' TERM INT
  until sql_port_open; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" || exit $?
      exit 0
    fi
    if ((waited >= PC_RECOVERY_TIMEOUT_SECONDS)); then
      log "pc.recovery reached no primary component in ${PC_RECOVERY_TIMEOUT_SECONDS}s; stopping so that init.sh decides again"
      stop_child "$pid" 5
      wait "$pid" || true
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "pc.recovery: primary component reformed"
  wait "$pid"
}

main() {
  local action decided_args
  if [[ ! -f "$START_ARGS_FILE" ]]; then
    log "no fresh decision from the init container (container restart): deciding again"
    GALERA_CONTAINER=mariadb /bin/bash "$GALERA_CONFIG_DIR/init.sh"
  fi
  # First line: the action init.sh chose; the rest: mariadbd arguments, one per line.
  mapfile -t decided_args <"$START_ARGS_FILE"
  rm -f "$START_ARGS_FILE"
  action=${decided_args[0]}
  decided_args=("${decided_args[@]:1}")
  log "$action: $MARIADB_ENTRYPOINT mariadbd $* ${decided_args[*]}"
  if [[ "$action" == pc-recovery ]]; then
    run_pc_recovery_start "$@" "${decided_args[@]}"
  else
    exec "$MARIADB_ENTRYPOINT" mariadbd "$@" "${decided_args[@]}"
  fi
}

main "$@"
