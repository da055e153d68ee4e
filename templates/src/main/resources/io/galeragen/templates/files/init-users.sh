#!/bin/bash
# shellcheck shell=bash
# galera-gen init-users.sh: creates the accounts galera-gen's pods use, once, when the official image's entrypoint
# initialises an empty datadir. The entrypoint sources /docker-entrypoint-initdb.d/*.sh after it has created root
# (MARIADB_ROOT_PASSWORD, MARIADB_ROOT_HOST) and the application database and user (MARIADB_DATABASE, MARIADB_USER,
# MARIADB_PASSWORD), while a temporary server listens on its socket only, with wsrep off. The member that
# bootstraps the cluster keeps these accounts; joiners receive them with the data by SST.
#
# No password is written in this file or in any manifest: each comes from a Secret mounted as files.
#   SST_USER, SST_PASSWORD_FILE  mariabackup's account on a donor (RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR);
#                                created only when the SST password is set (wsrep_sst_method=mariabackup).
#                                SST_PASSWORD, the value itself, is still read when set (test harnesses)
#   EXPORTER_MY_CNF              the mysqld-exporter's my.cnf from its Secret, read by exporter-config.sh exactly as
#                                the exporter-config init container reads it; the account gets PROCESS (what the
#                                exporter's collectors read on 10.11) and at most 3 connections, from 127.0.0.1 and
#                                the socket only. An unusable my.cnf is logged and skips this account: the metrics of a
#                                member must never stop the member from being initialised.

# shellcheck source=SCRIPTDIR/exporter-config.sh
. "${GALERA_CONFIG_DIR:-/etc/galera}/exporter-config.sh"

galera_users_escape() {
  # An SQL string literal's content: backslash and quote escaped.
  local value=${1//\\/\\\\}
  printf '%s' "${value//\'/\\\'}"
}

galera_users_sql() {
  # Runs SQL from stdin as root on the entrypoint's temporary server.
  if declare -F docker_process_sql >/dev/null; then
    docker_process_sql --database=mysql
  else
    MYSQL_PWD="$(galera_users_root_password)" mariadb --protocol=socket --user=root --database=mysql
  fi
}

galera_users_root_password() {
  if [ -n "${MARIADB_ROOT_PASSWORD_FILE:-}" ]; then
    cat "$MARIADB_ROOT_PASSWORD_FILE"
  else
    printf '%s' "${MARIADB_ROOT_PASSWORD:-}"
  fi
}

galera_users_create() {
  local name_pattern='^[A-Za-z][A-Za-z0-9_]{0,79}$'
  local statements="" sst_password="${SST_PASSWORD:-}"

  if [ -z "$sst_password" ] && [ -n "${SST_PASSWORD_FILE:-}" ]; then
    sst_password=$(<"$SST_PASSWORD_FILE")
  fi
  if [ -n "$sst_password" ]; then
    local sst_user=${SST_USER:-sst}
    if [[ ! $sst_user =~ $name_pattern ]]; then
      echo "init-users.sh: SST_USER '$sst_user' is not a plain user name" >&2
      return 1
    fi
    sst_password=$(galera_users_escape "$sst_password")
    statements+="CREATE USER IF NOT EXISTS '$sst_user'@'localhost' IDENTIFIED BY '$sst_password';"$'\n'
    statements+="GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO '$sst_user'@'localhost';"$'\n'
  fi

  if [ -n "${EXPORTER_MY_CNF:-}" ]; then
    if exporter_credentials "$EXPORTER_MY_CNF"; then
      local host exporter_password
      exporter_password=$(galera_users_escape "$EXPORTER_PASSWORD")
      for host in 127.0.0.1 localhost; do
        statements+="CREATE USER IF NOT EXISTS '$EXPORTER_USER'@'$host' IDENTIFIED BY '$exporter_password' WITH MAX_USER_CONNECTIONS 3;"$'\n'
        statements+="GRANT PROCESS ON *.* TO '$EXPORTER_USER'@'$host';"$'\n'
      done
    else
      echo "init-users.sh: ERROR: the exporter's account is not created: $EXPORTER_PROBLEM." \
        "Fix the Secret and create the account by hand (docs/production.md, Monitoring); the cluster starts as usual." >&2
    fi
  fi

  if [ -n "$statements" ]; then
    echo "init-users.sh: creating the SST and exporter accounts"
    galera_users_sql <<<"$statements"
  fi
}

galera_users_create
