#!/usr/bin/env bash
# Where did the render path spend its time? Records the batch run with JFR and prints the hottest frames:
# "self" = samples with the method on top of the stack, "total" = samples with it anywhere on the stack.
#   bench/jfr-top.sh [--validation] [count]      (needs bench/target/galera-bench.jar: run bench/render.sh once)
#   bench/jfr-top.sh --print FILE.jfr            only summarise an existing recording
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/bench/target/galera-bench.jar"
TOP="${TOP:-25}"
if [ "${1:-}" = "--print" ]; then
  JFR="$2"
else
  MODE=()
  JFR="$ROOT/bench/target/render.jfr"
  if [ "${1:-}" = "--validation" ]; then MODE=(--checks schema); JFR="$ROOT/bench/target/render-validation.jfr"; shift; fi
  COUNT="${1:-20000}"
  java -XX:+FlightRecorder -XX:StartFlightRecording="filename=$JFR,settings=profile" \
    -Dgalera.schemaRoot="${GALERA_SCHEMA_ROOT:-$ROOT/../shared/k8s-schemas}" \
    -cp "$JAR" io.galeragen.bench.BatchRender --count "$COUNT" "${MODE[@]}"
fi
SUMMARY="$(jfr print --events jdk.ExecutionSample --stack-depth 200 "$JFR" | awk '
  /stackTrace = \[/ { inStack = 1; depth = 0; split("", seen); samples++; next }
  inStack && /^[[:space:]]*\]/ { inStack = 0; next }
  inStack {
    frame = $0; sub(/^[[:space:]]+/, "", frame); sub(/[[:space:]]+line:.*/, "", frame)
    if (frame == "...") next
    if (depth == 0) self[frame]++
    if (!(frame in seen)) { total[frame]++; seen[frame] = 1 }
    depth++
  }
  END {
    print "samples\t" samples
    for (f in self) printf "self\t%.1f\t%s\n", 100 * self[f] / samples, f
    for (f in total) printf "total\t%.1f\t%s\n", 100 * total[f] / samples, f
  }')"
echo "$SUMMARY" | awk -F'\t' '$1 == "samples" {print "samples=" $2}'
echo "-- self (method on top of the stack)"
echo "$SUMMARY" | awk -F'\t' '$1 == "self" {printf "%6s%%  %s\n", $2, $3}' | sort -rn | head -n "$TOP"
echo "-- total (anywhere on the stack): galera-gen, FreeMarker, Jackson, SnakeYAML, fabric8, schema validator"
echo "$SUMMARY" | awk -F'\t' '$1 == "total" && $3 ~ /^(io\.galeragen|freemarker|com\.fasterxml|org\.yaml|io\.fabric8|com\.networknt)/ {printf "%6s%%  %s\n", $2, $3}' \
  | sort -rn | head -n "$TOP"
