#!/bin/bash
# Builds one read-only image layer of the pod lab: build-image-layer.sh KIND OUT_DIR [UPSTREAM_DIR]
#
#   mariadb-base        Debian bookworm (minbase) laid out as the official mariadb image's Dockerfile lays out
#                       ubuntu:jammy + MariaDB's packages: mysql uid/gid 999 created before any package, the
#                       packages it installs (Debian's of the same names, plus galera-arbitrator-4: MariaDB's own
#                       galera-4 package carries garbd, Debian splits it out), its /etc/mysql edits, /run/mysqld 1777,
#                       /docker-entrypoint-initdb.d.
#   mariadb-entrypoint  the Dockerfile's COPY lines: docker-entrypoint.sh and healthcheck.sh from UPSTREAM_DIR (one
#                       folder of ../shared/upstream/mariadb-docker), on top of mariadb-base.
#   mysqld-exporter     Debian trixie (minbase) with prometheus-mysqld-exporter (0.17.2 there) and
#                       /bin/mysqld_exporter, the path prom/mysqld-exporter's Dockerfile puts its binary at.
#
# The layer is written to OUT_DIR, which must not exist; the caller moves it into the cache once complete.
set -euo pipefail

kind=${1:?kind}
out=${2:?output directory}
upstream=${3:-}
mirror=http://deb.debian.org/debian
security=http://deb.debian.org/debian-security

[[ ! -e "$out" ]] || { echo "build-image-layer: $out exists" >&2; exit 1; }

case "$kind" in
  mariadb-base)
    # Dockerfile: "RUN groupadd -r mysql && useradd -r -g mysql mysql --home-dir /var/lib/mysql" runs first, so the
    # ids are the first system ids (999). passwd is not essential, so the lines are written directly.
    create_mysql_user='echo "mysql:x:999:" >>"$1/etc/group"; echo "mysql:!::" >>"$1/etc/gshadow";
      echo "mysql:x:999:999::/var/lib/mysql:/bin/sh" >>"$1/etc/passwd"; echo "mysql:!:19000::::::" >>"$1/etc/shadow";
      mkdir -p "$1/var/lib/mysql/mysql"; touch "$1/var/lib/mysql/mysql/user.frm"'
    # Dockerfile: the RUN after the package install, step by step.
    dockerfile_layout='set -e
      rm -rf "$1/var/lib/mysql" "$1/etc/mysql/mariadb.conf.d/50-mysqld_safe.cnf"
      mkdir -p "$1/var/lib/mysql"
      chroot "$1" chown -R mysql:mysql /var/lib/mysql
      chroot "$1" sh -c "find /etc/mysql/ -name \"*.cnf\" -print0 | xargs -0 grep -lZE \"^(bind-address|log|user\\s)\" | xargs -rt -0 sed -Ei \"s/^(bind-address|log|user\\s)/#&/\""
      printf "[mariadb]\nhost-cache-size=0\nskip-name-resolve\n" >"$1/etc/mysql/mariadb.conf.d/05-skipcache.cnf"
      if [ -L "$1/etc/mysql/my.cnf" ]; then sed -i -e "/includedir/ {N;s/\\(.*\\)\\n\\(.*\\)/\\n\\2\\n\\1/}" "$1/etc/mysql/mariadb.cnf"; fi
      mkdir -p "$1/docker-entrypoint-initdb.d"
      rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin'
    mmdebstrap --mode=root --variant=minbase --quiet \
      --aptopt='APT::Install-Recommends "false"' \
      --include=ca-certificates,gpg,gpgv,libjemalloc2,libtcmalloc-minimal4,pwgen,tzdata,xz-utils,zstd,gosu,mariadb-server,mariadb-backup,socat,galera-4,galera-arbitrator-4 \
      --essential-hook="$create_mysql_user" \
      --customize-hook="$dockerfile_layout" \
      bookworm "$out" \
      "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security bookworm-security main"
    # /run is a tmpfs while mmdebstrap runs its hooks, so the image's /run/mysqld is made afterwards; 1777: writable
    # whatever uid mariadbd runs as.
    install -d -o 999 -g 999 -m 1777 "$out/run/mysqld"
    ;;
  mariadb-entrypoint)
    [[ -f "$upstream/docker-entrypoint.sh" && -f "$upstream/healthcheck.sh" ]] \
      || { echo "build-image-layer: no docker-entrypoint.sh/healthcheck.sh in '$upstream'" >&2; exit 1; }
    # Dockerfile: COPY healthcheck.sh /usr/local/bin/healthcheck.sh; COPY docker-entrypoint.sh /usr/local/bin/
    install -d "$out/usr/local/bin"
    install -m 0755 "$upstream/healthcheck.sh" "$upstream/docker-entrypoint.sh" "$out/usr/local/bin/"
    ;;
  mysqld-exporter)
    mmdebstrap --mode=root --variant=minbase --quiet \
      --aptopt='APT::Install-Recommends "false"' \
      --include=prometheus-mysqld-exporter \
      --customize-hook='ln -s /usr/bin/prometheus-mysqld-exporter "$1/bin/mysqld_exporter"; rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*.bin' \
      trixie "$out" \
      "deb $mirror trixie main" "deb $mirror trixie-updates main" "deb $security trixie-security main"
    ;;
  *)
    echo "build-image-layer: unknown kind '$kind' (mariadb-base, mariadb-entrypoint, mysqld-exporter)" >&2
    exit 1
    ;;
esac
