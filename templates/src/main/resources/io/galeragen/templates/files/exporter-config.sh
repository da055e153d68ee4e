#!/bin/bash
# galera-gen exporter-config.sh: the mysqld-exporter's credentials, checked and written in the one form the exporter
# reads back unchanged, so that a bad credential can never stop the exporter, nor through it the member.
#
#   exporter-config.sh SOURCE TARGET     (the exporter-config init container; always exits 0)
#
# SOURCE is the my.cnf of the exporter's Secret (exporter.credentials), read as MariaDB reads option files
# (my_print_defaults: the [client] group, quotes, escapes and # comments as for the mariadb client). TARGET is the
# file the exporter reads (--config.my-cnf). mysqld_exporter v0.15+ exits at start when its my.cnf has no [client]
# section with a user, and it reads values with go-ini: an unquoted value ends at # or ;, $NAME is replaced from the
# exporter's environment and %(key)s by another key's value. TARGET therefore holds the user and password in
# backquotes (go-ini keeps everything between them) with each $ written as %(galera_dollar)s, a key of the unnamed
# section whose value is a plain $. When SOURCE is missing or unusable, TARGET names a user that cannot log in: the
# exporter starts, reports mysql_up 0 and logs that user's access denial, and this container's log says what is wrong.
#
# Sourced (by init-users.sh), it only defines exporter_credentials, so that the account init-users.sh creates and the
# exporter's my.cnf come from one reading of the Secret.

# Set by exporter_credentials.
EXPORTER_USER=""
EXPORTER_PASSWORD=""
EXPORTER_PROBLEM=""
# The user the exporter gets when the Secret's my.cnf is unusable: no such account exists.
EXPORTER_INVALID_USER="invalid-exporter-my.cnf"

# exporter_credentials FILE: EXPORTER_USER and EXPORTER_PASSWORD from FILE's [client] group; returns 1 with
# EXPORTER_PROBLEM set when they cannot be used. Messages name keys, never a password.
exporter_credentials() {
  local file=$1 options line user="" password="" ignored=""
  EXPORTER_USER="" EXPORTER_PASSWORD="" EXPORTER_PROBLEM=""
  if [[ ! -e "$file" ]]; then
    EXPORTER_PROBLEM="$file does not exist: the Secret named by exporter.credentials lacks that key"
    return 1
  fi
  if ! options=$(my_print_defaults --defaults-file="$file" client 2>&1); then
    options=${options%%$'\n'*}
    EXPORTER_PROBLEM="$file is not a MariaDB option file (${options#error: })"
    return 1
  fi
  while IFS= read -r line; do
    case "$line" in
      --user=*) user=${line#--user=} ;;
      --password=*) password=${line#--password=} ;;
      --password) password="" ;;
      --*) ignored+=" ${line%%=*}" ;;
      *)
        EXPORTER_PROBLEM="a value in the [client] group of $file contains a line break"
        return 1
        ;;
    esac
  done < <(printf '%s\n' "$options")
  if [[ -z "$user" ]]; then
    EXPORTER_PROBLEM="$file has no user= in a [client] group"
  elif [[ ! "$user" =~ ^[A-Za-z][A-Za-z0-9_]{0,79}$ ]]; then
    EXPORTER_PROBLEM="user=$user in $file is not a plain account name (a letter, then letters, digits or _)"
  elif [[ -z "$password" ]]; then
    EXPORTER_PROBLEM="$file has no password= in its [client] group"
  elif [[ "$password" == *[[:cntrl:]]* ]]; then
    EXPORTER_PROBLEM="the password in $file contains a control character"
  elif [[ "$password" =~ %\([^\)]+\)s ]]; then
    EXPORTER_PROBLEM="the password in $file contains %(...)s, which mysqld_exporter replaces by another key's value: choose another password"
  fi
  [[ -z "$EXPORTER_PROBLEM" ]] || return 1
  [[ -z "$ignored" ]] || echo "exporter-config: ignoring${ignored} in $file: the exporter connects to 127.0.0.1:3306 with user and password only" >&2
  EXPORTER_USER=$user
  EXPORTER_PASSWORD=$password
}

# exporter_cnf_write TARGET USER PASSWORD: the exporter's my.cnf, readable by this pod's user only, replaced whole.
exporter_cnf_write() {
  local target=$1 user=$2 password=${3//\$/%(galera_dollar)s}
  (
    umask 077
    # shellcheck disable=SC2016 # a literal dollar sign
    printf '%s\n' "# Written by galera-gen's exporter-config.sh. Values in backquotes, each dollar sign as the key below:" \
      "# the form mysqld_exporter's go-ini reader returns unchanged." \
      'galera_dollar = `$`' \
      '[client]' \
      "user = \`$user\`" \
      "password = \`$password\`" >"$target.tmp"
  )
  mv -f "$target.tmp" "$target"
}

exporter_config_main() {
  local source=${1:?usage: exporter-config.sh SOURCE TARGET} target=${2:?usage: exporter-config.sh SOURCE TARGET}
  if exporter_credentials "$source"; then
    exporter_cnf_write "$target" "$EXPORTER_USER" "$EXPORTER_PASSWORD"
    echo "exporter-config: the exporter logs in as $EXPORTER_USER (from $source)"
  else
    exporter_cnf_write "$target" "$EXPORTER_INVALID_USER" ""
    echo "exporter-config: ERROR: the exporter's credentials are unusable: $EXPORTER_PROBLEM." \
      "The exporter runs as '$EXPORTER_INVALID_USER' and reports mysql_up 0; this member serves clients as usual." \
      "Fix the Secret, then restart the pod (docs/production.md, Monitoring)." >&2
  fi
  return 0
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  exporter_config_main "$@" || true
  exit 0
fi
