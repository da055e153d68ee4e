#!/usr/bin/env bash
# What does the pod lab's power-loss layer (generator-core/src/integration-test/lab/unsynced-fs) cost?
# The same work with each datadir on a plain directory and on the layer (one layer per datadir, as one per PVC):
#   1. one standalone mariadbd (wsrep off): mariadb-install-db, start to "answers", then sysbench oltp_insert
#      (autocommit single-row INSERTs, THREADS clients, TIME s) with innodb_flush_log_at_trx_commit=1 and =2;
#   2. a 3-member Galera fresh start on loopback (127.0.2.1-3, ports 33306/34567/34568/34444): install-db x3,
#      bootstrap member 0, then members 1 and 2 one at a time by mariabackup SST: time to 3 Synced.
# Prints one line per figure and a last line: start_ratio=<layer/plain> galera_ratio=<layer/plain>.
#
# Needs root and Debian's packages: mariadb-server galera-4 mariadb-backup sysbench socat fuse3 libfuse3-dev gcc make
# Options (environment): TIME=20 THREADS=1 KEEP=1 (keep the scratch directory)
# Addresses 127.0.2.x belong to this script only (the recovery tests own 127.0.0.1-3, galera-throughput 127.0.1.x).
set -euo pipefail
trap 'FAILED=1' ERR
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
LAYER_SOURCES="$ROOT/generator-core/src/integration-test/lab/unsynced-fs"
TIME="${TIME:-20}"
THREADS="${THREADS:-1}"
W="$(mktemp -d /tmp/unsynced-fs-bench.XXXXXX)"
chmod 755 "$W"
SERVERS=()
LAYERS=()

teardown() {
  for pid in "${SERVERS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  for pid in "${LAYERS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${LAYERS[@]}"; do timeout 30 tail --pid="$pid" -f /dev/null 2>/dev/null || true; done
  if [ "${KEEP:-}" = 1 ] || [ "${FAILED:-}" = 1 ]; then echo "kept $W"; else rm -rf "$W"; fi
}
trap teardown EXIT

make -s -C "$LAYER_SOURCES" O="$W/bin"

elapsed() { echo "$(date +%s.%N) - $1" | bc; }

# datadir_for MODE DIR: sets DATADIR, on the layer (mounted here) or plain (no subshell: LAYERS must keep its pid)
datadir_for() {
  local mode=$1 dir=$2
  mkdir -p "$dir/pvc" "$dir/mnt"
  if [ "$mode" = layer ]; then
    "$W/bin/unsynced-fs" "$dir/pvc" "$dir/mnt" --log "$dir/layer.log" >"$dir/layer.out" 2>&1 &
    LAYERS+=("$!")
    for _ in $(seq 100); do mountpoint -q "$dir/mnt" && break; sleep 0.05; done
    mountpoint -q "$dir/mnt" || { echo "layer did not mount $dir/mnt" >&2; exit 1; }
    DATADIR="$dir/mnt/data"
  else
    DATADIR="$dir/pvc/data"
  fi
}

# write_cnf DIR DATADIR ADDRESS PORT [galera members]
write_cnf() {
  local dir=$1 data=$2 addr=$3 port=$4 galera=${5:-}
  mkdir -p "$dir/run/tmp" "$data"
  cat >"$dir/my.cnf" <<EOF
[mysqld]
user=mysql
datadir=$data
socket=$dir/run/mysqld.sock
pid-file=$dir/run/mariadbd.pid
log_error=$dir/run/error.log
tmpdir=$dir/run/tmp
port=$port
bind-address=$addr
skip-name-resolve
innodb_buffer_pool_size=128M
innodb_log_file_size=48M
EOF
  if [ -n "$galera" ]; then
    cat >>"$dir/my.cnf" <<EOF
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=bench
wsrep_cluster_address=gcomm://$galera
wsrep_node_address=$addr:34567
wsrep_provider_options="gmcast.listen_addr=tcp://$addr:34567;ist.recv_addr=$addr:34568;gcache.size=64M"
wsrep_sst_receive_address=$addr:34444
wsrep_sst_method=mariabackup
binlog_format=ROW
innodb_autoinc_lock_mode=2
[sst]
sst-log-archive-dir=$dir/run/sst_log_archive
EOF
  fi
  printf '[client]\nsocket=%s/run/mysqld.sock\n' "$dir" >>"$dir/my.cnf"
  chown -R mysql: "$dir/run" "$data"
  mariadb-install-db --no-defaults --datadir="$data" --user=mysql --tmpdir="$dir/run/tmp" --skip-test-db \
    --auth-root-authentication-method=socket >"$dir/run/install-db.log" 2>&1
}

# start_server DIR [extra args]: waits until it answers over its socket (bounded: 180 s)
start_server() {
  local dir=$1; shift
  mariadbd --defaults-file="$dir/my.cnf" "$@" >>"$dir/run/mariadbd.out" 2>&1 &
  SERVERS+=("$!")
  for _ in $(seq 1800); do
    mariadb --defaults-file="$dir/my.cnf" -NBe 'SELECT 1' >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "mariadbd in $dir did not answer; see $dir/run/error.log" >&2
  exit 1
}

await_synced() {
  local dir=$1
  for _ in $(seq 3000); do
    [ "$(mariadb --defaults-file="$dir/my.cnf" -NBe "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" = Synced ] && return 0
    sleep 0.1
  done
  echo "$dir never Synced" >&2
  exit 1
}

standalone() {
  local mode=$1 dir="$W/standalone-$1" t
  datadir_for "$mode" "$dir"
  t=$(date +%s.%N); write_cnf "$dir" "$DATADIR" 127.0.2.10 33310; echo "$mode: install-db $(elapsed "$t") s"
  t=$(date +%s.%N); start_server "$dir"; START[$mode]=$(elapsed "$t"); echo "$mode: mariadbd start ${START[$mode]} s"
  mariadb --defaults-file="$dir/my.cnf" -e "CREATE DATABASE sb; CREATE USER sb@'127.%' IDENTIFIED BY 'sb';
    GRANT ALL ON sb.* TO sb@'127.%'"
  local sb=(--db-driver=mysql --mysql-host=127.0.2.10 --mysql-port=33310 --mysql-user=sb --mysql-password=sb
    --mysql-db=sb --tables=1 --table-size=1000)
  sysbench oltp_insert "${sb[@]}" prepare >/dev/null
  for flush in 1 2; do
    mariadb --defaults-file="$dir/my.cnf" -e "SET GLOBAL innodb_flush_log_at_trx_commit=$flush"
    local tps
    tps=$(sysbench oltp_insert "${sb[@]}" --threads="$THREADS" --time="$TIME" run | awk '/transactions:/ {gsub(/\(/, "", $3); print $3}')
    echo "$mode: oltp_insert flush=$flush threads=$THREADS: $tps inserts/s"
  done
  mariadb-admin --defaults-file="$dir/my.cnf" shutdown
}

galera() {
  local mode=$1 members="127.0.2.1:34567,127.0.2.2:34567,127.0.2.3:34567" t i dir
  t=$(date +%s.%N)
  for i in 0 1 2; do
    dir="$W/galera-$mode-$i"
    datadir_for "$mode" "$dir"
    write_cnf "$dir" "$DATADIR" "127.0.2.$((i + 1))" 33306 "$members"
  done
  start_server "$W/galera-$mode-0" --wsrep-new-cluster
  await_synced "$W/galera-$mode-0"
  for i in 1 2; do start_server "$W/galera-$mode-$i"; await_synced "$W/galera-$mode-$i"; done
  GALERA[$mode]=$(elapsed "$t")
  echo "$mode: galera fresh start (install-db x3, bootstrap, 2 mariabackup SSTs) to 3 Synced ${GALERA[$mode]} s"
  for i in 2 1 0; do mariadb-admin --defaults-file="$W/galera-$mode-$i/my.cnf" shutdown; done
}

declare -A START GALERA
for mode in plain layer; do standalone "$mode"; done
for mode in plain layer; do galera "$mode"; done
echo "start_ratio=$(echo "scale=2; ${START[layer]} / ${START[plain]}" | bc) galera_ratio=$(echo "scale=2; ${GALERA[layer]} / ${GALERA[plain]}" | bc)"
