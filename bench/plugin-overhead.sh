#!/usr/bin/env bash
# Plugin overhead (issue #6): wall time of `mvn galera:generate` on examples/basic against `mvn validate` on the
# same project (Maven's own start-up and project load, nothing else), 5 interleaved runs each after one untimed
# warm-up of each. generate is timed twice: as users run it (inputs unchanged since the warm-up, so its up-to-date
# check skips the work) and with -Dgalera.force=true (a full cold render, schema check and write, as on a fresh
# clone or after any change). Prints the medians, forced_overhead_ratio=<forced / validate>, and ends with
#   plugin_overhead_ratio=<generate / validate>  (goal <= 1.3).
#
# The plugin and its core are installed into bench/target/plugin-overhead-m2, chained in front of ~/.m2
# (maven.repo.local.tail, Maven 3.9+), so no snapshot is written into ~/.m2. Runs are offline (-o).
#   RUNS=5 bench/plugin-overhead.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
RUNS="${RUNS:-5}"
PROJECT="${PROJECT:-examples/basic}"
[ -f "$PROJECT/pom.xml" ] || { echo "$PROJECT/pom.xml not found (the plugin and examples/basic land on main first)" >&2; exit 1; }
REPO="$ROOT/bench/target/plugin-overhead-m2"
MVN=("$ROOT/mvnw" -q -B "-Dmaven.repo.local=$REPO" "-Dmaven.repo.local.tail=$HOME/.m2/repository")

echo "[$(date +%H:%M:%S)] installing the plugin into $REPO (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
"${MVN[@]}" -pl maven-plugin -am install -DskipTests -Dinvoker.skip=true

timed() { # prints milliseconds
  local start end
  start="$(date +%s%N)"
  "${MVN[@]}" -o -f "$PROJECT/pom.xml" "$@" >/dev/null
  end="$(date +%s%N)"
  echo $(((end - start) / 1000000))
}
timed validate >/dev/null
timed galera:generate -Dgalera.force=true >/dev/null

V=(); G=(); F=()
for run in $(seq 1 "$RUNS"); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  if [ $((run % 2)) = 1 ]; then
    v="$(timed validate)"; g="$(timed galera:generate)"; f="$(timed galera:generate -Dgalera.force=true)"
  else
    f="$(timed galera:generate -Dgalera.force=true)"; g="$(timed galera:generate)"; v="$(timed validate)"
  fi
  V+=("$v"); G+=("$g"); F+=("$f")
  echo "run $run: validate ${v} ms, galera:generate ${g} ms (up to date), -Dgalera.force=true ${f} ms (load before $load)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mv="$(median "${V[@]}")"; mg="$(median "${G[@]}")"; mf="$(median "${F[@]}")"
echo "median validate_ms=$mv generate_ms=$mg forced_generate_ms=$mf (runs=$RUNS, project $PROJECT, load now $(cut -d' ' -f1-3 /proc/loadavg))"
awk -v f="$mf" -v v="$mv" 'BEGIN {printf "forced_overhead_ratio=%.2f\n", f / v}'
awk -v g="$mg" -v v="$mv" 'BEGIN {printf "plugin_overhead_ratio=%.2f\n", g / v}'
