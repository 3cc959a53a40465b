#!/bin/sh
# Install the named Debian packages that are not installed yet (and only those).
#
#   sh packaging/ensure-debs.sh PACKAGE...     (the Makefile runs it before each target)
#
# Silent when everything is present. When something is missing: as root it runs apt-get,
# as a normal user `sudo apt-get` (sudo may ask for your password); without either it says
# in one line what to install, and fails. apt-get runs quietly (no prompts, no debconf
# chatter); its output is shown only when it fails.
set -eu
missing=""
for pkg in "$@"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $pkg" ;;
  esac
done
[ -z "$missing" ] && exit 0
missing=${missing# }

if ! command -v apt-get >/dev/null 2>&1; then
  # Not Debian or Ubuntu: go on, Python's wheels may be enough; say what Debian would need.
  echo "Note: not a Debian system; Liaison may need your system's equivalents of: $missing" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "Liaison needs Debian packages that only root can install: as root, run" \
       "apt-get install $missing (or run make as root, or with sudo)." >&2
  exit 1
fi

echo "Installing Debian packages: $missing"
log=$(mktemp "${TMPDIR:-/tmp}/liaison-apt.XXXXXX")
trap 'rm -f "$log"' EXIT
run_apt() {
  # `env` runs under sudo, so the variable survives sudo's environment reset.
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive DEBCONF_NOWARNINGS=yes \
    apt-get -qq -o Dpkg::Use-Pty=0 "$@" >>"$log" 2>&1
}
# shellcheck disable=SC2086
if ! { run_apt update && run_apt install -y --no-install-recommends $missing; }; then
  cat "$log" >&2
  echo "Could not install: $missing (apt-get's messages above)." >&2
  exit 1
fi
