# Liaison: `make run` starts the app, `make test` runs every test.
# Both work on a fresh Debian machine with only Python 3.11 and root: they make
# the virtual environment and install the Debian packages Qt needs when missing.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

# Qt's shared-library needs (xcb for a real screen, EGL/GL, fonts).
RUN_DEBS  := libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 \
             libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
             libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 \
             libxcb-xkb1 libxcb-sync1 libxcb-shm0 libx11-xcb1 fonts-dejavu-core
# Tests also drive a virtual screen and look at PDFs as pictures.
TEST_DEBS := $(RUN_DEBS) xvfb xauth poppler-utils desktop-file-utils appstream
TEST_DEBS += postgresql

.PHONY: run test bench lint soak package clean system-run system-test translations

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends python3-venv && \
	  $(PYTHON) -m venv $(VENV); }

$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e '.[test,dev]'
	touch $@ $(VENV)/.installed-run

system-run:
	@sh packaging/ensure-debs.sh $(RUN_DEBS)

system-test:
	@sh packaging/ensure-debs.sh $(TEST_DEBS)

run: system-run $(VENV)/.installed-run
	$(VENV)/bin/liaison

test: system-test $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: system-test $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench.run

soak: system-test $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen LIAISON_SOAK=1 $(PY) -m pytest -q tests/reliability

package: system-test $(VENV)/.installed-test
	@sh packaging/ensure-debs.sh binutils
	sh packaging/build.sh $(PY)

# The built bundle, run as a user would: init, search, the app offscreen, a briefing.
.PHONY: smoke
smoke: package
	sh packaging/smoke.sh

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check db gui tests
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# Words: extract every _() from db/ and gui/, merge into the Vietnamese catalog, compile it
# and Qt's own strings (tests/i18n fails on anything untranslated or fuzzy).
TRANSLATIONS := assets/translations
translations: $(VENV)/.installed-test
	$(VENV)/bin/pybabel -q extract -F $(TRANSLATIONS)/babel.cfg --no-location --sort-output \
	  --project=Liaison --copyright-holder="Liaison developers" -o $(TRANSLATIONS)/liaison.pot .
	$(VENV)/bin/pybabel -q update -i $(TRANSLATIONS)/liaison.pot -d $(TRANSLATIONS) -D liaison \
	  -l vi --no-fuzzy-matching --omit-header --ignore-obsolete
	$(VENV)/bin/pybabel -q compile -d $(TRANSLATIONS) -D liaison -l vi
	$(PY) -c "import PySide6, pathlib, subprocess; subprocess.run([str(pathlib.Path(PySide6.__file__).with_name('lrelease')), '-silent', '$(TRANSLATIONS)/qtbase_vi.ts', '-qm', '$(TRANSLATIONS)/qtbase_vi.qm'], check=True)"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
