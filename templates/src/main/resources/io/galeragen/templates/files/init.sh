#!/bin/bash
# Placeholder until the recovery work lands: see docs/recovery.md.
set -euo pipefail
echo "init.sh: pod ${POD_NAME:?} of ${CLUSTER_NAME:?}"
