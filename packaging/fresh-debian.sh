#!/usr/bin/env bash
# The README's commands on a fresh Debian 12, from nothing: a missing install step fails here
# instead of hiding behind what the build machine happens to have.
#
#   sudo bash packaging/fresh-debian.sh          (.ci/run runs it; needs root, debootstrap, chroot)
#
# A clean root made by `debootstrap --variant=minbase --include=python3,make bookworm` (only
# Debian's python3 and make: no venv, no Qt libraries, no compilers) is cached as a tarball in
# /var/cache/liaison-ci/ and unpacked afresh for each run. The source tree (the files git
# knows, as on disk) is copied in, and then, each from a fresh copy:
#   1. a normal user without sudo runs `make run`: it must fail with one clear line naming the
#      Debian packages to install, and leave no half-made .venv;
#   2. root runs `make test` (everything installed by the Makefile itself), `make run`
#      offscreen until the window shows the catalog, and `make smoke` (bundle built,
#      smoke-tested, printing included);
#   3. in a second fresh root, a normal user with sudo runs `make test` (its own PostgreSQL
#      started without root, the Debian packages installed through sudo), then `make run`
#      the same way.
# Only the machine's network set-up is copied in (hosts, DNS, CA certificates and pip's
# `cert` setting) so that the chroot reaches the same package registries.
#
# Skips (exit 0, saying why) when not root, or when debootstrap or chroot cannot work here.
# FRESH_DEBIAN_STEPS="nosudo root package sudo" picks steps; LIAISON_CI_CACHE moves the cache.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=$PWD
SUITE=bookworm
INCLUDE=python3,make
CACHE=${LIAISON_CI_CACHE:-/var/cache/liaison-ci}
TARBALL=$CACHE/debian-$SUITE-minbase-${INCLUDE//,/-}.tar
STEPS=${FRESH_DEBIAN_STEPS:-nosudo root package sudo}
CHROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# Quit once the catalog is shown; a hang shows every thread's stack (SIGABRT + faulthandler).
QUIT_ENV="QT_QPA_PLATFORM=offscreen LIAISON_QUIT_WHEN_SHOWN=catalog PYTHONFAULTHANDLER=1"

say() { echo "fresh-debian: $*"; }
skip() { say "SKIPPED: $*"; exit 0; }
fail() { say "FAILED: $*" >&2; exit 1; }
elapsed() { echo "$(( $(date +%s) - $1 )) s"; }

[ "$(id -u)" -eq 0 ] || skip "needs root (debootstrap and chroot)"
if ! command -v debootstrap >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get -qq update >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends \
    debootstrap >/dev/null 2>&1 || skip "debootstrap is not installed and could not be"
fi
mirror=$(sed -n 's/^URIs: *\(http[^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources \
           2>/dev/null | head -n 1)
mirror=${mirror:-http://deb.debian.org/debian}

started_all=$(date +%s)
mkdir -p "$CACHE/apt"
WORK=$(mktemp -d /var/tmp/liaison-fresh-debian.XXXXXX)
ROOTS=()

# --- mounts, and never deleting through one --------------------------------------------
mounted_under() { awk -v r="$1/" 'index($2 "/", r) == 1 { print $2 }' /proc/mounts | sort -r; }
unmount_all() {
  local root=$1 point
  for point in $(mounted_under "$root"); do
    umount "$point" 2>/dev/null || umount -l "$point" 2>/dev/null || true
  done
}
cleanup() {
  local root
  for root in "${ROOTS[@]}"; do unmount_all "$root"; done
  if [ -n "$(mounted_under "$WORK")" ]; then
    say "left $WORK in place: still mounted: $(mounted_under "$WORK" | tr '\n' ' ')" >&2
  else
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

# --- the cached clean root ---------------------------------------------------------------
if [ ! -s "$TARBALL" ]; then
  t=$(date +%s)
  say "debootstrap --variant=minbase --include=$INCLUDE $SUITE ($mirror), cached as $TARBALL"
  boot=$WORK/debootstrap
  if ! debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$boot" "$mirror" \
       >"$WORK/debootstrap.log" 2>&1; then
    tail -n 20 "$WORK/debootstrap.log" >&2
    unmount_all "$boot"
    skip "debootstrap could not make a Debian root here (its log's end is above)"
  fi
  unmount_all "$boot"
  tar -C "$boot" -cf "$TARBALL.part" . && mv "$TARBALL.part" "$TARBALL"
  rm -rf "$boot"
  say "clean root made in $(elapsed "$t")"
fi

# A fresh root from the tarball, with the machine's network set-up and the caches mounted.
new_root() {
  local root=$WORK/$1
  mkdir "$root"
  ROOTS+=("$root")
  tar -C "$root" -xf "$TARBALL"
  cp /etc/hosts /etc/resolv.conf "$root/etc/" 2>/dev/null || true
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    mkdir -p "$root/etc/ssl/certs" "$root/usr/local/share/ca-certificates"
    cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/" \
      2>/dev/null || true
    printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$root/etc/pip.conf"
  fi
  mount -t proc proc "$root/proc"
  mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
  mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts "$root/dev/pts"
  # Downloaded .deb files only: what gets installed is decided afresh. (pip needs no cache:
  # the registry's answers here say not to keep them, and it is fast.)
  mount --bind "$CACHE/apt" "$root/var/cache/apt/archives"
  in_root "$1" true || fail "cannot run programs in a chroot here"
}

in_root() {  # in_root NAME COMMAND... : as root inside, with a clean environment
  local root=$WORK/$1; shift
  chroot "$root" /usr/bin/env -i PATH=$CHROOT_PATH HOME=/root LANG=C.UTF-8 TERM=dumb "$@"
}

as_user() {  # as_user NAME SCRIPT : as the normal user "tester", in its copy of the source
  local root=$WORK/$1; shift
  chroot "$root" /usr/bin/env -i PATH=$CHROOT_PATH LANG=C.UTF-8 TERM=dumb \
    runuser -u tester -- /usr/bin/env HOME=/home/tester USER=tester sh -c "cd ~/liaison && $1"
}

copy_source() {  # copy_source NAME DEST OWNER
  local root=$WORK/$1
  mkdir -p "$root$2"
  git -C "$SRC" ls-files -z --cached --others --exclude-standard \
    | tar -C "$SRC" --null --ignore-failed-read -cf - -T - 2>/dev/null \
    | tar -C "$root$2" -xf -
  in_root "$1" chown -R "$3" "$2"
}

add_user() {  # add_user NAME : the normal user "tester" with a copy of the source
  in_root "$1" useradd --create-home --shell /bin/sh tester
  copy_source "$1" /home/tester/liaison tester:tester
}

t=$(date +%s)
new_root a
say "fresh Debian $(cat "$WORK/a/etc/debian_version") root unpacked ($(elapsed "$t")):" \
    "$(in_root a python3 -V), $(in_root a make -v | head -n 1)"

# --- 1. a normal user without sudo ---------------------------------------------------------
if [[ " $STEPS " == *" nosudo "* ]]; then
  add_user a
  t=$(date +%s)
  set +e
  out=$(as_user a "make run" 2>&1)
  status=$?
  set -e
  printf '%s\n' "$out" | sed 's/^/  | /'
  [ "$status" -ne 0 ] || fail "make run as a user without sudo succeeded without its packages?"
  message=$(printf '%s\n' "$out" | grep -c "Liaison needs Debian packages .*apt-get install .*libgl1" || true)
  [ "$message" -eq 1 ] || fail "no one-line message naming the Debian packages to install"
  printf '%s\n' "$out" | grep -q "python3\.[0-9]*-venv" \
    || fail "the message does not name python3.X-venv"
  if printf '%s\n' "$out" | grep -qE "Traceback|not found|Error 127|ensurepip"; then
    fail "make run as a user without sudo printed more than the message"
  fi
  [ ! -e "$WORK/a/home/tester/liaison/.venv" ] || fail "a half-made .venv was left behind"
  say "1. user without sudo: make run says what to install, and stops ($(elapsed "$t"))"
fi

# --- 2. root: make test, make run, make smoke -----------------------------------------------
if [[ " $STEPS " == *" root "* ]]; then
  copy_source a /root/liaison root:root
  t=$(date +%s)
  in_root a sh -c "cd /root/liaison && make test" || fail "make test as root"
  say "2a. root: make test passed ($(elapsed "$t"))"
  t=$(date +%s)
  in_root a sh -c "cd /root/liaison && $QUIT_ENV timeout -s ABRT 1200 make run" \
    || fail "make run as root (offscreen, quitting once the catalog is shown)"
  [ -x "$WORK/a/root/liaison/.venv/bin/liaison" ] || fail "no .venv/bin/liaison after make run"
  say "2b. root: make run showed the catalog ($(elapsed "$t"))"
fi
if [[ " $STEPS " == *" package "* ]]; then
  [ -d "$WORK/a/root/liaison" ] || copy_source a /root/liaison root:root
  t=$(date +%s)
  in_root a sh -c "cd /root/liaison && make smoke" || fail "make smoke as root"
  say "2c. root: make package + smoke test passed ($(elapsed "$t"))"
fi

# --- 3. a normal user with sudo, in a second fresh root ----------------------------------------
if [[ " $STEPS " == *" sudo "* ]]; then
  t=$(date +%s)
  new_root b
  in_root b sh -c "DEBIAN_FRONTEND=noninteractive apt-get -qq update && \
    DEBIAN_FRONTEND=noninteractive apt-get -qq install -y sudo >/dev/null 2>&1" \
    || fail "could not install sudo in the second root"
  add_user b
  echo "tester ALL=(ALL) NOPASSWD: ALL" >"$WORK/b/etc/sudoers.d/tester"
  chmod 0440 "$WORK/b/etc/sudoers.d/tester"
  as_user b "make test" || fail "make test as a user with sudo"
  say "3a. user with sudo: make test installed what it needs and passed ($(elapsed "$t"))"
  t=$(date +%s)
  as_user b "$QUIT_ENV timeout -s ABRT 1200 make run" || fail "make run as a user with sudo"
  [ -x "$WORK/b/home/tester/liaison/.venv/bin/liaison" ] || fail "no .venv/bin/liaison"
  say "3b. user with sudo: make run showed the catalog ($(elapsed "$t"))"
fi

say "passed in $(elapsed "$started_all")"
