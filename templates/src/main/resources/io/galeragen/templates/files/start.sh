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
START_ARGS_FILE="$CONF_DIR/galera-start.args"

if [[ ! -f "$START_ARGS_FILE" ]]; then
  echo "start.sh: no fresh decision from the init container (container restart): deciding again" >&2
  GALERA_CONTAINER=mariadb /bin/bash "$GALERA_CONFIG_DIR/init.sh"
fi

mapfile -t decided_args <"$START_ARGS_FILE"
rm -f "$START_ARGS_FILE"
echo "start.sh: exec $MARIADB_ENTRYPOINT mariadbd $* ${decided_args[*]}" >&2
exec "$MARIADB_ENTRYPOINT" mariadbd "$@" "${decided_args[@]}"
