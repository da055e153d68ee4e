#!/bin/bash
# shellcheck shell=bash
# galera-gen init-users.sh: creates the accounts galera-gen's pods use, once, when the official image's entrypoint
# initialises an empty datadir. The entrypoint sources /docker-entrypoint-initdb.d/*.sh after it has created root
# (MARIADB_ROOT_PASSWORD, MARIADB_ROOT_HOST) and the application database and user (MARIADB_DATABASE, MARIADB_USER,
# MARIADB_PASSWORD), while a temporary server listens on its socket only, with wsrep off. The member that
# bootstraps the cluster keeps these accounts; joiners receive them with the data by SST.
#
# No password is written in this file or in any manifest: each comes from a Secret, through the environment or a
# mounted file.
#   SST_USER, SST_PASSWORD  mariabackup's account on a donor (RELOAD, PROCESS, LOCK TABLES, REPLICATION CLIENT);
#                           created only when SST_PASSWORD is set (wsrep_sst_method=mariabackup)
#   EXPORTER_MY_CNF         the mysqld-exporter's my.cnf (a [client] section with user= and password=); its account
#                           gets PROCESS, REPLICATION CLIENT, SELECT and at most 3 connections, from 127.0.0.1 and the
#                           socket only

galera_users_escape() {
  # An SQL string literal's content: backslash and quote escaped.
  local value=${1//\\/\\\\}
  printf '%s' "${value//\'/\\\'}"
}

galera_users_cnf_value() {
  # galera_users_cnf_value FILE KEY: the value of KEY in FILE's [client] section, surrounding quotes removed.
  awk -v key="$2" '
    /^[[:space:]]*\[/ { in_client = ($0 ~ /^[[:space:]]*\[client\][[:space:]]*$/); next }
    in_client {
      line = $0
      sub(/\r$/, "", line)
      if (match(line, "^[[:space:]]*" key "[[:space:]]*=[[:space:]]*")) {
        value = substr(line, RLENGTH + 1)
        sub(/[[:space:]]+$/, "", value)
        if (value ~ /^".*"$/ || value ~ /^\047.*\047$/) { value = substr(value, 2, length(value) - 2) }
        print value
        exit
      }
    }' "$1"
}

galera_users_sql() {
  # Runs SQL from stdin as root on the entrypoint's temporary server.
  if declare -F docker_process_sql >/dev/null; then
    docker_process_sql --database=mysql
  else
    MYSQL_PWD="${MARIADB_ROOT_PASSWORD:-}" mariadb --protocol=socket --user=root --database=mysql
  fi
}

galera_users_create() {
  local name_pattern='^[A-Za-z][A-Za-z0-9_]{0,79}$'
  local statements=""

  if [ -n "${SST_PASSWORD:-}" ]; then
    local sst_user=${SST_USER:-sst}
    if [[ ! $sst_user =~ $name_pattern ]]; then
      echo "init-users.sh: SST_USER '$sst_user' is not a plain user name" >&2
      return 1
    fi
    local sst_password
    sst_password=$(galera_users_escape "$SST_PASSWORD")
    statements+="CREATE USER IF NOT EXISTS '$sst_user'@'localhost' IDENTIFIED BY '$sst_password';"$'\n'
    statements+="GRANT RELOAD, PROCESS, LOCK TABLES, REPLICATION CLIENT ON *.* TO '$sst_user'@'localhost';"$'\n'
  fi

  if [ -n "${EXPORTER_MY_CNF:-}" ]; then
    if [ ! -r "$EXPORTER_MY_CNF" ]; then
      echo "init-users.sh: cannot read the exporter's my.cnf at $EXPORTER_MY_CNF" >&2
      return 1
    fi
    local exporter_user exporter_password
    exporter_user=$(galera_users_cnf_value "$EXPORTER_MY_CNF" user)
    exporter_password=$(galera_users_cnf_value "$EXPORTER_MY_CNF" password)
    if [[ ! $exporter_user =~ $name_pattern ]] || [ -z "$exporter_password" ]; then
      echo "init-users.sh: $EXPORTER_MY_CNF needs a [client] section with user= (letters, digits, _) and password=" >&2
      return 1
    fi
    exporter_password=$(galera_users_escape "$exporter_password")
    local host
    for host in 127.0.0.1 localhost; do
      statements+="CREATE USER IF NOT EXISTS '$exporter_user'@'$host' IDENTIFIED BY '$exporter_password' WITH MAX_USER_CONNECTIONS 3;"$'\n'
      statements+="GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO '$exporter_user'@'$host';"$'\n'
    done
  fi

  if [ -n "$statements" ]; then
    echo "init-users.sh: creating the SST and exporter accounts"
    galera_users_sql <<<"$statements"
  fi
}

galera_users_create
