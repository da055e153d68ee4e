#!/usr/bin/env bash
# Render benchmark (issue #6). Builds the bench module (-Pbench, in the reactor: nothing is installed into ~/.m2),
# runs the JMH RenderBenchmark (3 and 9 replicas; checks none = templates only, types = read back into fabric8
# types, schema = the shared JSON schema of 1.30, bundled = the default: bundled schemas of 1.34, 1.35, 1.36; -prof gc), then the batch run of 1,000 distinct clusters, each in a
# fresh JVM: one thread at each level of checks, then two threads with none.
# The last line is:  ms_per_render=<warm median, 3 replicas, checks none (no validation)>
#
#   bench/render.sh            full run (about 2 minutes)
#   bench/render.sh --quick    fewer, shorter iterations (a smoke test; figures are rough)
#   JMH_ARGS="-p replicas=3" bench/render.sh   extra JMH arguments
# Schemas: ../shared/k8s-schemas beside the project root, or GALERA_SCHEMA_ROOT.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SCHEMAS="${GALERA_SCHEMA_ROOT:-$ROOT/../shared/k8s-schemas}"
[ -d "$SCHEMAS" ] || { echo "schemas not found at $SCHEMAS (set GALERA_SCHEMA_ROOT)" >&2; exit 1; }
SCHEMAS="$(cd "$SCHEMAS" && pwd)"

JMH_RUN=()
if [ "${1:-}" = "--quick" ]; then JMH_RUN=(-wi 2 -w 1 -i 3 -r 1); fi

echo "[$(date +%H:%M:%S)] building (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
./mvnw -q -B -Pbench -pl bench -am package -DskipTests
JAR="$ROOT/bench/target/galera-bench.jar"
RESULT="$ROOT/bench/target/jmh-render.json"

echo "[$(date +%H:%M:%S)] JMH (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
# shellcheck disable=SC2086
java -Dgalera.schemaRoot="$SCHEMAS" -jar "$JAR" RenderBenchmark -prof gc "${JMH_RUN[@]}" -rf json -rff "$RESULT" \
  ${JMH_ARGS:-} > "$ROOT/bench/target/jmh-render.txt"
sed -n '/^Benchmark/,$p' "$ROOT/bench/target/jmh-render.txt" | grep -E '^Benchmark|render( |:p0.50|:gc.alloc.rate.norm)'

for mode in "--checks none" "--checks types" "--checks schema" "--checks bundled" "--checks none --threads 2"; do
  echo "[$(date +%H:%M:%S)] batch $mode (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  # shellcheck disable=SC2086
  java -Dgalera.schemaRoot="$SCHEMAS" -cp "$JAR" io.galeragen.bench.BatchRender --count 1000 $mode
done
echo "[$(date +%H:%M:%S)] done (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
java -cp "$JAR" io.galeragen.bench.JmhSummary "$RESULT"
