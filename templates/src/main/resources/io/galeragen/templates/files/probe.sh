#!/bin/bash
# Probes of the mariadb container: probe.sh started|ready
#   started  the server answers SQL (startupProbe: SST may take long, so no liveness probe restarts a joiner)
#   ready    the server answers and, where galera.cnf turns Galera on, this member is Synced (wsrep_local_state 4)
#            inside the primary component: a member of a non-primary component (split brain), a joiner, a donor and
#            the image entrypoint's temporary server (which runs with wsrep off while it initialises a datadir) must
#            take no traffic, and peers must not join them; and what a state transfer (or the first initialisation)
#            wrote must be durable first (start.sh removes galera-not-durable.log once it has synced the datadir).
set -euo pipefail

mode=${1:?usage: probe.sh started|ready}
GALERA_CONFIG_DIR=${GALERA_CONFIG_DIR:-/etc/galera}
# The root password reaches the query through the environment, never the command line; it is read from the
# mounted Secret file as the image's entrypoint reads it (trailing newlines dropped).
if [[ -n "${MARIADB_ROOT_PASSWORD_FILE:-}" ]]; then
  MYSQL_PWD=$(<"$MARIADB_ROOT_PASSWORD_FILE")
else
  MYSQL_PWD=${MARIADB_ROOT_PASSWORD:-}
fi
export MYSQL_PWD

sql() {
  mariadb --protocol=socket --user=root --batch --skip-column-names --connect-timeout=5 --execute="$1"
}

galera_expected() {
  grep -qx 'wsrep_on=ON' "$GALERA_CONFIG_DIR/galera.cnf" 2>/dev/null
}

status_of() {
  echo "(SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = '$1')"
}

case "$mode" in
  started)
    sql "SELECT 1" >/dev/null
    ;;
  ready)
    # Before that sync a power cut could take back what this member holds, so it must take no writes yet.
    if [[ -e "${DATADIR:-/var/lib/mysql}/galera-not-durable.log" ]]; then
      echo "not ready: what the last state transfer wrote is not yet synced to disk" >&2
      exit 1
    fi
    read -r wsrep_on wsrep_ready cluster_status local_state < <(sql "SELECT @@wsrep_on, $(status_of WSREP_READY),
        $(status_of WSREP_CLUSTER_STATUS), $(status_of WSREP_LOCAL_STATE)")
    if [[ "$wsrep_on" != "1" ]] && galera_expected; then
      echo "not ready: Galera is off on this server (@@wsrep_on=0), e.g. the entrypoint's temporary server" >&2
      exit 1
    fi
    if [[ "$wsrep_on" == "1" ]] && [[ "$wsrep_ready" != "ON" || "$cluster_status" != "Primary" || "$local_state" != "4" ]]; then
      echo "not ready: wsrep_ready=$wsrep_ready wsrep_cluster_status=$cluster_status wsrep_local_state=$local_state (4 is Synced)" >&2
      exit 1
    fi
    ;;
  *)
    echo "usage: probe.sh started|ready" >&2
    exit 2
    ;;
esac
