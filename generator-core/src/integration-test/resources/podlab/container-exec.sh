#!/bin/bash
# container-exec.sh SPEC_DIR [--env KEY=VALUE]... -- COMMAND [ARG]...
#
# What `kubectl exec` does: runs COMMAND inside a running container (started by run-container.sh from SPEC_DIR):
# in its cgroups and namespaces (mount, PID, network, UTS, IPC), its root and working directory, as its user with its
# capabilities, with its environment. Exit status: COMMAND's; 126 when the container is not running.
set -euo pipefail

spec=${1:?spec directory}
shift
extra_env=()
while [[ "${1:-}" == --env ]]; do
  extra_env+=("$2")
  shift 2
done
[[ "${1:-}" == -- ]] && shift

# Builtins only before the exec: the oracle runs this a few times a second on a two-core machine.
pid=""
if [[ -r "$spec/pid" ]]; then read -r pid <"$spec/pid" || true; fi
if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
  echo "container-exec: container not running ($spec)" >&2
  exit 126
fi

while read -r cgroup; do
  [[ -n "$cgroup" ]] && echo 0 >"$cgroup/cgroup.procs"
done <"$spec/cgroups"

read -r uid gid groups <"$spec/user"
mapfile -d '' -t env <"$spec/env"
privileges=(--reuid="$uid" --regid="$gid" --bounding-set="$(<"$spec/bounding_set")" --inh-caps=-all)
if [[ "$groups" == - ]]; then privileges+=(--clear-groups); else privileges+=(--groups="$groups"); fi
[[ "$(<"$spec/no_new_privs")" == 1 ]] && privileges+=(--no-new-privs)

exec env -i "${env[@]}" "${extra_env[@]}" nsenter --target "$pid" --mount --uts --ipc --net --pid --root --wd -- \
  /usr/bin/setpriv "${privileges[@]}" -- "$@"
