#!/bin/sh
# Smoke-test the built bundle (dist/liaison/) the way a user runs it: see packaging/smoke.py.
#
#   sh packaging/smoke.sh [BUNDLE_DIR]      after `make package`; exit status 0 when it works
set -eu
cd "$(dirname "$0")/.."
if [ -x .venv/bin/python ]; then PY=.venv/bin/python; else PY=python3; fi
exec "$PY" packaging/smoke.py "$@"
