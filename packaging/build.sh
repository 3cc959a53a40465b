#!/bin/sh
# Build the desktop bundle: dist/liaison/ (one folder; start it with dist/liaison/liaison).
#
#   sh packaging/build.sh [PYTHON]      (make package runs this with .venv/bin/python)
#
# Installs PyInstaller into the same virtual environment (the "package" extra of
# pyproject.toml), then runs packaging/liaison.spec. PyInstaller's work files go to
# build/pyinstaller/, the result to dist/liaison/; both are git-ignored.
set -eu
cd "$(dirname "$0")/.."
PY=${1:-.venv/bin/python}

if ! "$PY" -c "import PyInstaller" >/dev/null 2>&1; then
  echo "Installing PyInstaller (pip install -e '.[package]')"
  "$PY" -m pip --disable-pip-version-check -q install -e '.[package]'
fi

started=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/liaison.spec
elapsed=$(( $(date +%s) - started ))

[ -f dist/liaison/liaison ] || [ -f dist/liaison/liaison.exe ] || {
  echo "build.sh: PyInstaller made no dist/liaison/liaison" >&2; exit 1; }
echo "Built dist/liaison/ in ${elapsed} s: $(du -sh dist/liaison | cut -f1)"
