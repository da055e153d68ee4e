#!/bin/bash
# run-container.sh SPEC_DIR: what a container runtime does between "create" and the container's first instruction.
#
# Started by the lab's kubelet as PID 1 of a new PID and mount namespace (unshare --mount --pid --fork) inside the
# pod's network, UTS and IPC namespaces. It joins the container's cgroups, builds the root filesystem (overlay: the
# image's read-only layers under a writable layer that is new at every start), mounts /proc, /sys, /dev and the
# volumes at their mountPaths, makes the root read-only when asked, pivots into it and execs the container's
# command as its user with its capabilities (the image's setpriv), so that the command is PID 1 of the container.
#
# SPEC_DIR (written by the lab, see ContainerSpec): lower (overlay lowerdir), mounts (SOURCE<TAB>TARGET<TAB>ro|rw
# per line, in order), argv and env (NUL-separated), user (UID GID GROUPS, groups comma-separated or "-"),
# bounding_set (setpriv syntax), no_new_privs (1|0), readonly_root (1|0), workdir, cgroups (one directory a line).
set -euo pipefail

spec=${1:?spec directory}
root=$spec/rootfs

while read -r cgroup; do
  [[ -n "$cgroup" ]] && echo 0 >"$cgroup/cgroup.procs"
done <"$spec/cgroups"

mount --make-rprivate /
rm -rf "$spec/upper" "$spec/work"
mkdir -p "$spec/upper" "$spec/work" "$root"
mount -t overlay overlay -o "lowerdir=$(<"$spec/lower"),upperdir=$spec/upper,workdir=$spec/work" "$root"

mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys"
mount -t tmpfs -o nosuid,mode=755,size=65536k tmpfs "$root/dev"
mknod -m 666 "$root/dev/null" c 1 3
mknod -m 666 "$root/dev/zero" c 1 5
mknod -m 666 "$root/dev/full" c 1 7
mknod -m 666 "$root/dev/random" c 1 8
mknod -m 666 "$root/dev/urandom" c 1 9
mknod -m 666 "$root/dev/tty" c 5 0
mkdir -p "$root/dev/pts" "$root/dev/shm" "$root/dev/mqueue"
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root/dev/pts"
mount -t tmpfs -o nosuid,nodev,noexec,mode=1777,size=65536k shm "$root/dev/shm"
mount -t mqueue -o nosuid,nodev,noexec mqueue "$root/dev/mqueue"
ln -s pts/ptmx "$root/dev/ptmx"
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"

# A mountPath is resolved inside the image (its symlinks, e.g. /var/run -> /run, point into the image).
while IFS=$'\t' read -r source target mode; do
  [[ -n "$source" ]] || continue
  resolved=$(chroot "$root" /usr/bin/realpath -m "$target")
  dest=$root$resolved
  if [[ -d "$source" ]]; then
    mkdir -p "$dest"
  else
    mkdir -p "$(dirname "$dest")"
    [[ -e "$dest" ]] || : >"$dest"
  fi
  mount --rbind "$source" "$dest"
  if [[ "$mode" == ro ]]; then
    mount -o remount,bind,ro "$dest"
  fi
done <"$spec/mounts"

if [[ "$(<"$spec/readonly_root")" == 1 ]]; then
  mount -o remount,ro "$root"
fi

read -r uid gid groups <"$spec/user"
mapfile -d '' -t argv <"$spec/argv"
mapfile -d '' -t env <"$spec/env"
workdir=$(<"$spec/workdir")
bounding_set=$(<"$spec/bounding_set")
privileges=(--reuid="$uid" --regid="$gid" --bounding-set="$bounding_set" --inh-caps=-all)
if [[ "$groups" == - ]]; then privileges+=(--clear-groups); else privileges+=(--groups="$groups"); fi
[[ "$(<"$spec/no_new_privs")" == 1 ]] && privileges+=(--no-new-privs)

# pivot_root(".", "."): the old root ends up on top of the new one and is detached; from then on every path,
# including the programs below, is the image's.
cd "$root"
pivot_root . .
umount -l /
cd "$workdir"
exec /usr/bin/env -i "${env[@]}" /usr/bin/setpriv "${privileges[@]}" -- "${argv[@]}"
