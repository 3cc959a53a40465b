# Liaison: `make run` starts the app, `make test` runs every test.
# Both work on a fresh Debian or Ubuntu machine with Python 3.11+, make, and root or sudo:
# they make the virtual environment and install the Debian packages Qt needs when missing
# (a normal user without sudo is told, in one line, what to install).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

# Qt's shared-library needs (xcb for a real screen, EGL/GL, fonts; libcups2 for Qt's print
# plugin, without which File > Print lists no printer).
RUN_DEBS  := libgl1 libegl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 \
             libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
             libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 \
             libxcb-xkb1 libxcb-sync1 libxcb-shm0 libx11-xcb1 fonts-dejavu-core libcups2
# Tests validate the desktop entry and AppStream metadata with the distribution's tools.
TEST_DEBS := $(RUN_DEBS) desktop-file-utils appstream
TEST_DEBS += postgresql
# The bundle: PyInstaller reads binaries with objdump (binutils) and bundles libcups2 (in
# RUN_DEBS) for the print plugin; the smoke test reads the briefing back with pdftotext
# (poppler-utils). Debian's own python3 also needs its shared library, libpython3.X
# (PYTHON_LIB_DEB).
PACKAGE_DEBS := binutils poppler-utils
# Debian's python3 makes no venv without python3.X-venv: asked for along with the other
# packages (one install, or one message), and only while there is no working .venv.
VENV_DEBS := $(shell test -f $(VENV)/.created || $(PYTHON) -c 'import ensurepip' 2>/dev/null \
               || $(PYTHON) -c 'import sys; print("python3.%d-venv" % sys.version_info[1])' 2>/dev/null)
PYTHON_LIB_DEB = $$(dpkg-query -S "$$(readlink -f $(PY))" >/dev/null 2>&1 \
                   && $(PY) -c 'import sys; print("libpython3.%d" % sys.version_info[1])')

.PHONY: run test bench lint soak package clean system-run system-test translations

# All or nothing: a failed attempt leaves no half-made .venv (see packaging/make-venv.sh).
$(VENV)/.created:
	@sh packaging/make-venv.sh $(PYTHON) $(VENV)

$(VENV)/.installed-run: pyproject.toml | $(VENV)/.created
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/.created
	$(PIP) install -e '.[test,dev]'
	touch $@ $(VENV)/.installed-run

system-run:
	@sh packaging/ensure-debs.sh $(RUN_DEBS) $(VENV_DEBS)

system-test:
	@sh packaging/ensure-debs.sh $(TEST_DEBS) $(VENV_DEBS)

run: system-run $(VENV)/.installed-run
	$(VENV)/bin/liaison

test: system-test $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: system-test $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m tests.bench.run

soak: system-test $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen LIAISON_SOAK=1 $(PY) -m pytest -q tests/reliability

package: system-test $(VENV)/.installed-test
	@sh packaging/ensure-debs.sh $(PACKAGE_DEBS) $(PYTHON_LIB_DEB)
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
	  -l vi --no-fuzzy-matching --ignore-obsolete
	$(VENV)/bin/pybabel -q compile -d $(TRANSLATIONS) -D liaison -l vi
	$(VENV)/bin/pybabel -q compile -d $(TRANSLATIONS) -D argparse -l vi
	$(PY) -c "import PySide6, pathlib, subprocess; subprocess.run([str(pathlib.Path(PySide6.__file__).with_name('lrelease')), '-silent', '$(TRANSLATIONS)/qtbase_vi.ts', '-qm', '$(TRANSLATIONS)/qtbase_vi.qm'], check=True)"

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
