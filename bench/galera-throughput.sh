#!/usr/bin/env bash
# Cluster throughput harness (issue #6): how fast is the Galera that galera-gen generates?
#
# Starts, on loopback, a 3-node Galera cluster from the GENERATED galera.cnf (rendered by the library for a
# 3-replica cluster) and one standalone MariaDB with the same settings but wsrep off, then runs sysbench
# oltp_write_only and oltp_read_write against each, interleaved, and prints TPS, p95 latency and the
# cluster/standalone ratios. The last line is:  write_only_ratio=<x> read_write_ratio=<y>
#
# Needs root and Debian's packages:
#   apt-get install -y --no-install-recommends mariadb-server galera-4 mariadb-client sysbench rsync
# (run with --install to do that first).
#
# Only addresses, ports and paths are overridden, in a per-node fragment read after the generated file:
#   cluster    127.0.1.1-3, SQL 23306-23308, gcomm 24567/24577/24587, IST +1, SST 24444/24454/24464
#   standalone 127.0.1.10, SQL 23310, and wsrep_on=OFF, wsrep_provider=none
# (127.0.0.1-3 and the default ports belong to the recovery tests; these never collide with them.)
# The standalone also gets the generated [galera] settings, which are inert with wsrep off.
#
# Options (environment):
#   ROUNDS=2        interleaved rounds; each round runs every workload on the standalone and on the cluster
#   TIME=30         seconds per sysbench run
#   TABLES=4 TABLE_SIZE=10000 THREADS=4
#   SETTLE=5        seconds of rest before each run (after the cluster's receive queues have drained)
#   GALERA_CNF=f    use this galera.cnf instead of rendering one (for experiments; the report says so)
#   RENDER_ARGS=".." extra arguments for the renderer (io.galeragen.bench.GaleraCnf), e.g.
#                   "--set galera.applierThreads=2" (see GaleraCnf's usage)
#   KEEP=1          keep the scratch directory (logs, datadirs) after the run
# Everything runs under one mktemp directory and is torn down by a trap (kill -9 of the PIDs it started).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${ROUNDS:-2}"
TIME="${TIME:-30}"
TABLES="${TABLES:-4}"
TABLE_SIZE="${TABLE_SIZE:-10000}"
THREADS="${THREADS:-4}"
SETTLE="${SETTLE:-5}"
WORKLOADS=(oltp_write_only oltp_read_write)

HOSTS=(127.0.1.1 127.0.1.2 127.0.1.3)
SQL_PORTS=(23306 23307 23308)
GCOMM_PORTS=(24567 24577 24587)
IST_PORTS=(24568 24578 24588)
SST_PORTS=(24444 24454 24464)
SINGLE_HOST=127.0.1.10
SINGLE_PORT=23310

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if [ "${1:-}" = "--install" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends mariadb-server galera-4 mariadb-client sysbench rsync >/dev/null
fi

[ "$(id -u)" -eq 0 ] || die "run as root (mariadbd is started as root and switches to user mysql)"
for tool in mariadbd mariadb mariadb-install-db sysbench rsync java; do
  command -v "$tool" >/dev/null || die "$tool not found; run: $0 --install"
done
[ -e /usr/lib/galera/libgalera_smm.so ] || die "galera-4 not installed; run: $0 --install"
id mysql >/dev/null 2>&1 || die "no mysql user (install mariadb-server)"

for port in "${SQL_PORTS[@]}" "${GCOMM_PORTS[@]}" "${IST_PORTS[@]}" "${SST_PORTS[@]}" "$SINGLE_PORT"; do
  if ss -Hltn "sport = :$port" | grep -q .; then die "port $port is in use"; fi
done

WORK="$(mktemp -d /tmp/galera-bench.XXXXXX)"
chmod 755 "$WORK"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  if [ "${KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- the generated configuration -------------------------------------------------------------------------
CNF="$WORK/galera.cnf"
if [ -n "${GALERA_CNF:-}" ]; then
  cp "$GALERA_CNF" "$CNF"
  CNF_ORIGIN="file $GALERA_CNF (not rendered here)"
else
  JAR="$ROOT/bench/target/galera-bench.jar"
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/generator-core/src" "$ROOT/templates/src" "$ROOT/bench/src" -newer "$JAR" -type f -print -quit)" ]; then
    log "building bench/target/galera-bench.jar"
    (cd "$ROOT" && ./mvnw -q -B -Pbench -pl bench -am package -DskipTests) >&2
  fi
  # shellcheck disable=SC2086
  java -cp "$JAR" io.galeragen.bench.GaleraCnf ${RENDER_ARGS:-} > "$CNF"
  CNF_ORIGIN="rendered by io.galeragen.bench.GaleraCnf ${RENDER_ARGS:-}"
fi
chmod 644 "$CNF"
grep -q '^wsrep_provider_options=' "$CNF" || die "generated galera.cnf has no wsrep_provider_options"
PROVIDER_OPTIONS="$(sed -n 's/^wsrep_provider_options="\(.*\)"$/\1/p' "$CNF" | tail -1)"

CLUSTER_ADDRESS="gcomm://${HOSTS[0]}:${GCOMM_PORTS[0]},${HOSTS[1]}:${GCOMM_PORTS[1]},${HOSTS[2]}:${GCOMM_PORTS[2]}"

common_fragment() { # dir host port
  cat <<EOF
!include $CNF
# --- harness overrides: addresses, ports and paths only ---
[mysqld]
user=mysql
datadir=$1/data
socket=$1/mysqld.sock
pid-file=$1/mariadbd.pid
log_error=$1/error.log
tmpdir=$1/tmp
port=$3
bind-address=$2
EOF
}

node_cnf() { # i
  local d="$WORK/node$1"
  common_fragment "$d" "${HOSTS[$1]}" "${SQL_PORTS[$1]}"
  cat <<EOF
[galera]
wsrep_cluster_address=$CLUSTER_ADDRESS
wsrep_node_name=node$1
wsrep_node_address=${HOSTS[$1]}:${GCOMM_PORTS[$1]}
wsrep_node_incoming_address=${HOSTS[$1]}:${SQL_PORTS[$1]}
wsrep_sst_receive_address=${HOSTS[$1]}:${SST_PORTS[$1]}
wsrep_provider_options="$PROVIDER_OPTIONS;gmcast.listen_addr=tcp://${HOSTS[$1]}:${GCOMM_PORTS[$1]};ist.recv_addr=${HOSTS[$1]}:${IST_PORTS[$1]}"
[sst]
sst-log-archive-dir=$d/sst_log_archive
[client]
socket=$d/mysqld.sock
EOF
}

single_cnf() {
  local d="$WORK/single"
  common_fragment "$d" "$SINGLE_HOST" "$SINGLE_PORT"
  cat <<EOF
[galera]
wsrep_on=OFF
wsrep_provider=none
[client]
socket=$d/mysqld.sock
EOF
}

sql() { # dir statement...
  local d="$1"; shift
  timeout 20 mariadb --defaults-file="$d/node.cnf" -NB -e "$*"
}
status() { # dir variable
  sql "$1" "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | awk '{print $2}'
}

init_dir() { # dir
  mkdir -p "$1/data" "$1/tmp"
  chown -R mysql: "$1"
  mariadb-install-db --no-defaults --datadir="$1/data" --user=mysql --tmpdir="$1/tmp" --skip-test-db \
    --auth-root-authentication-method=socket >"$1/install-db.log" 2>&1 || { cat "$1/install-db.log" >&2; die "install-db failed in $1"; }
}

start() { # dir extra-args...
  local d="$1"; shift
  mariadbd --defaults-file="$d/node.cnf" "$@" >>"$d/stdout.log" 2>&1 &
  PIDS+=("$!")
  disown "$!" # no "Killed" job notices at teardown
  echo "$!" >"$d/harness.pid"
}

wait_until() { # seconds description command...
  local limit="$1" what="$2"; shift 2
  local deadline=$((SECONDS + limit))
  until "$@"; do
    [ "$SECONDS" -lt "$deadline" ] || die "timed out after ${limit}s waiting for $what"
    sleep 0.2
  done
}
is_up() { sql "$1" "SELECT 1" >/dev/null 2>&1; }
is_synced() {
  [ "$(status "$1" wsrep_local_state_comment)" = Synced ] && [ "$(status "$1" wsrep_ready)" = ON ] \
    && [ "$(status "$1" wsrep_cluster_size)" -ge "$2" ]
}
drained() {
  local i q
  for i in 0 1 2; do
    q="$(status "$WORK/node$i" wsrep_local_recv_queue)"
    [ "${q:-1}" = 0 ] || return 1
  done
}

# ---- bring everything up ----------------------------------------------------------------------------------
log "scratch $WORK; load: $(cut -d' ' -f1-3 /proc/loadavg)"
SECONDS=0
for i in 0 1 2; do
  mkdir -p "$WORK/node$i"; node_cnf "$i" >"$WORK/node$i/node.cnf"; init_dir "$WORK/node$i"
done
mkdir -p "$WORK/single"; single_cnf >"$WORK/single/node.cnf"; init_dir "$WORK/single"
chown -R mysql: "$WORK"/node* "$WORK/single"

start "$WORK/single"
start "$WORK/node0" --wsrep-new-cluster
wait_until 60 "node0 to bootstrap" is_synced "$WORK/node0" 1
for i in 1 2; do # joiners one at a time: the donor serialises SST
  start "$WORK/node$i"
  wait_until 120 "node$i to join" is_synced "$WORK/node$i" $((i + 1))
done
wait_until 60 "the standalone server" is_up "$WORK/single"
[ "$(sql "$WORK/single" "SELECT @@wsrep_on")" = 0 ] || die "standalone has wsrep on"
log "cluster size=$(status "$WORK/node0" wsrep_cluster_size) and standalone up after ${SECONDS}s"

for d in "$WORK/node0" "$WORK/single"; do
  sql "$d" "CREATE DATABASE sbtest; CREATE USER sbtest@'127.%' IDENTIFIED BY 'sbpass'; GRANT ALL ON sbtest.* TO sbtest@'127.%'"
done

sb() { # workload host port command [extra...]
  local workload="$1" host="$2" port="$3" cmd="$4"; shift 4
  sysbench "$workload" --db-driver=mysql --mysql-host="$host" --mysql-port="$port" --mysql-user=sbtest \
    --mysql-password=sbpass --mysql-db=sbtest --tables="$TABLES" --table-size="$TABLE_SIZE" "$@" "$cmd"
}
log "sysbench prepare ($TABLES tables x $TABLE_SIZE rows) on both"
sb oltp_read_write "$SINGLE_HOST" "$SINGLE_PORT" prepare --threads="$TABLES" >"$WORK/prepare-single.log"
sb oltp_read_write "${HOSTS[0]}" "${SQL_PORTS[0]}" prepare --threads="$TABLES" >"$WORK/prepare-cluster.log"
wait_until 120 "the cluster to apply the prepared tables" drained

# ---- the settings in effect, for the record ---------------------------------------------------------------
{
  echo "# configuration: $CNF_ORIGIN"
  sed 's/^/#   /' "$CNF"
  for d in "$WORK/single" "$WORK/node0"; do
    echo "# in effect on $(basename "$d"):"
    sql "$d" "SELECT CONCAT('#   wsrep_on=', @@wsrep_on, ' wsrep_slave_threads=', @@wsrep_slave_threads,
      ' innodb_flush_log_at_trx_commit=', @@innodb_flush_log_at_trx_commit, ' sync_binlog=', @@sync_binlog,
      ' log_bin=', @@log_bin, ' innodb_buffer_pool_size=', @@innodb_buffer_pool_size,
      ' innodb_log_file_size=', @@innodb_log_file_size, ' wsrep_sync_wait=', @@wsrep_sync_wait)"
  done
  echo "#   provider options (node0): $(sql "$WORK/node0" "SELECT @@wsrep_provider_options" | tr ';' '\n' \
    | grep -E 'gcache.size|gcs.fc_limit|gcs.fc_factor|evs.send_window|evs.user_send_window|pc.recovery' \
    | tr -d ' ' | paste -sd' ')"
} | tee "$WORK/settings.txt"

# ---- interleaved runs -------------------------------------------------------------------------------------
RESULTS="$WORK/results.tsv"
printf 'round\tworkload\ttarget\ttps\tp95_ms\tload1_before\tfc_paused\tcpu_busy\n' >"$RESULTS"
cpu_sample() { # "<total jiffies> <idle+iowait jiffies>" of all CPUs, from /proc/stat
  awk '$1 == "cpu" {t = 0; for (i = 2; i <= 9; i++) t += $i; print t, $5 + $6; exit}' /proc/stat
}
run_one() { # round workload target
  local round="$1" workload="$2" target="$3" host port out tps p95 fc="-"
  if [ "$target" = single ]; then host="$SINGLE_HOST"; port="$SINGLE_PORT"; else host="${HOSTS[0]}"; port="${SQL_PORTS[0]}"; fi
  wait_until 300 "the cluster's receive queues to drain" drained
  sleep "$SETTLE"
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  if [ "$target" = cluster ]; then for i in 0 1 2; do sql "$WORK/node$i" "FLUSH STATUS"; done; fi
  out="$WORK/run-$round-$workload-$target.log"
  local before after busy
  before="$(cpu_sample)"
  sb "$workload" "$host" "$port" run --threads="$THREADS" --time="$TIME" --report-interval=0 --percentile=95 >"$out" 2>&1 \
    || { cat "$out" >&2; die "sysbench $workload on $target failed"; }
  tps="$(sed -n 's/^ *transactions: *[0-9]* *(\([0-9.]*\) per sec.)/\1/p' "$out")"
  p95="$(sed -n 's/^ *95th percentile: *\([0-9.]*\)/\1/p' "$out")"
  after="$(cpu_sample)"
  # Share of both cores busy during the run (all processes): near 100% means the run was CPU-bound.
  busy="$(awk -v b="$before" -v a="$after" 'BEGIN {split(b, x, " "); split(a, y, " ");
    printf "%.0f%%", 100 * (1 - (y[2] - x[2]) / (y[1] - x[1]))}')"
  if [ "$target" = cluster ]; then fc="$(status "$WORK/node0" wsrep_flow_control_paused)"; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$workload" "$target" "$tps" "$p95" "$load" "$fc" "$busy" >>"$RESULTS"
  log "round $round $workload $target: tps=$tps p95=${p95}ms cpu_busy=$busy (load before $load, fc_paused $fc)"
}
for round in $(seq 1 "$ROUNDS"); do
  for workload in "${WORKLOADS[@]}"; do
    # Alternate which target goes first, so neither always runs right after the other's write burst.
    if [ $((round % 2)) = 1 ]; then order=(single cluster); else order=(cluster single); fi
    for target in "${order[@]}"; do run_one "$round" "$workload" "$target"; done
  done
done
for i in 1 2; do
  log "node$i after the runs: flow_control_sent=$(status "$WORK/node$i" wsrep_flow_control_sent) recv_queue_avg=$(status "$WORK/node$i" wsrep_local_recv_queue_avg) cert_deps_distance=$(status "$WORK/node$i" wsrep_cert_deps_distance)"
done

# ---- summary ----------------------------------------------------------------------------------------------
echo
echo "# $(date '+%Y-%m-%d %H:%M') rounds=$ROUNDS time=${TIME}s tables=$TABLES table_size=$TABLE_SIZE threads=$THREADS load(1,5,15)=$(cut -d' ' -f1-3 /proc/loadavg)"
column -t -s $'\t' "$RESULTS"
echo
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }
declare -A RATIO
for workload in "${WORKLOADS[@]}"; do
  s_tps="$(awk -F'\t' -v w="$workload" '$2==w && $3=="single" {print $4}' "$RESULTS" | median)"
  c_tps="$(awk -F'\t' -v w="$workload" '$2==w && $3=="cluster" {print $4}' "$RESULTS" | median)"
  s_p95="$(awk -F'\t' -v w="$workload" '$2==w && $3=="single" {print $5}' "$RESULTS" | median)"
  c_p95="$(awk -F'\t' -v w="$workload" '$2==w && $3=="cluster" {print $5}' "$RESULTS" | median)"
  RATIO[$workload]="$(awk -v c="$c_tps" -v s="$s_tps" 'BEGIN {printf "%.2f", c / s}')"
  printf '%-16s single tps=%-8s p95=%-6s cluster tps=%-8s p95=%-6s ratio=%s\n' "$workload" "$s_tps" "$s_p95" "$c_tps" "$c_p95" "${RATIO[$workload]}"
done
echo "write_only_ratio=${RATIO[oltp_write_only]} read_write_ratio=${RATIO[oltp_read_write]}"
