#!/bin/bash
# Test-harness stand-in for the mariadb image's docker-entrypoint.sh: like the image, it
# initialises an empty datadir, then execs mariadbd with the arguments it was given. The only
# difference is the --defaults-file (the harness's my.cnf, which includes CONF_DIR the way the
# image's /etc/mysql/my.cnf includes /etc/mysql/conf.d).
set -euo pipefail

[[ "${1:-}" == mariadbd ]] && shift
if [[ ! -d "$DATADIR/mysql" ]]; then
  echo "harness-entrypoint: initialising empty $DATADIR" >&2
  mariadb-install-db --no-defaults --datadir="$DATADIR" --user=mysql --tmpdir="$TMPDIR" \
    --skip-test-db --auth-root-authentication-method=socket >/dev/null
fi
exec mariadbd --defaults-file="$MARIADBD_DEFAULTS_FILE" "$@"
