#!/bin/bash
# Probes of the mariadb container: probe.sh started|ready
#   started  the server answers SQL (startupProbe: SST may take long, so no liveness probe restarts a joiner)
#   ready    the server answers and, when Galera is on, this member is Synced inside the primary component:
#            a member of a non-primary component (split brain) must take no traffic.
set -euo pipefail

mode=${1:?usage: probe.sh started|ready}
# The root password reaches the query through the environment, never the command line.
export MYSQL_PWD="${MARIADB_ROOT_PASSWORD:-}"

sql() {
  mariadb --protocol=socket --user=root --batch --skip-column-names --connect-timeout=5 --execute="$1"
}

case "$mode" in
  started)
    sql "SELECT 1" >/dev/null
    ;;
  ready)
    read -r wsrep_on wsrep_ready cluster_status < <(sql "SELECT @@wsrep_on,
        (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_READY'),
        (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'WSREP_CLUSTER_STATUS')")
    if [ "$wsrep_on" = "1" ] && { [ "$wsrep_ready" != "ON" ] || [ "$cluster_status" != "Primary" ]; }; then
      echo "not ready: wsrep_ready=$wsrep_ready wsrep_cluster_status=$cluster_status" >&2
      exit 1
    fi
    ;;
  *)
    echo "usage: probe.sh started|ready" >&2
    exit 2
    ;;
esac
