#!/bin/sh
# Make the virtual environment (.venv) all or nothing, so that a failed or interrupted
# attempt never leaves a half-made one behind to break every later `make`.
#
#   sh packaging/make-venv.sh PYTHON VENV      (the Makefile runs it; VENV/.created marks success)
#
# Debian's python3 comes without venv/pip: python3.X-venv is installed first when the
# interpreter cannot make a venv (as root, or with sudo; packaging/ensure-debs.sh says what
# to install when neither is possible).
set -eu
cd "$(dirname "$0")/.."
PYTHON=$1
VENV=$2

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "Liaison needs Python 3.11 or newer: install it (Debian/Ubuntu: apt-get install python3)," \
       "or name one with make PYTHON=/path/to/python3." >&2
  exit 1
fi
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "Liaison needs Python 3.11 or newer, and $PYTHON is $("$PYTHON" -V 2>&1):" \
       "name a newer one with make PYTHON=python3.11 (or newer)." >&2
  exit 1
fi

# Is VENV a virtual environment with its own pip (not a stray link to some python)?
complete() {
  [ -f "$VENV/pyvenv.cfg" ] && "$VENV/bin/python" -c 'if True:
    import os, sys, pip
    inside = os.path.realpath(pip.__file__).startswith(os.path.realpath(sys.prefix) + os.sep)
    sys.exit(sys.prefix == sys.base_prefix or not inside)' >/dev/null 2>&1
}

# A complete one (made before .created existed, or a symlink to a shared one) is kept.
if complete; then
  touch "$VENV/.created"
  exit 0
fi
if [ -e "$VENV" ] || [ -L "$VENV" ]; then
  echo "Removing $VENV: an earlier attempt left it unfinished."
  rm -rf "$VENV"
fi

if ! "$PYTHON" -c 'import ensurepip' 2>/dev/null; then
  sh packaging/ensure-debs.sh "$("$PYTHON" -c 'import sys; print("python3.%d-venv" % sys.version_info[1])')"
fi

log=$(mktemp "${TMPDIR:-/tmp}/liaison-venv.XXXXXX")
done=""
cleanup() {
  rm -f "$log"
  [ -n "$done" ] || rm -rf "$VENV"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
echo "Making the virtual environment $VENV with $PYTHON"
if ! "$PYTHON" -m venv "$VENV" >"$log" 2>&1 || ! complete; then
  cat "$log" >&2
  echo "Could not make the virtual environment $VENV with $PYTHON (messages above)." >&2
  exit 1
fi
touch "$VENV/.created"
done=yes
