"""Smoke test of the built bundle, dist/liaison/: does what a user double-clicks actually work?

    sh packaging/smoke.sh            (after `make package`; CI runs both)

Runs only the bundled executable, never the source tree, in a throw-away home folder so
it can neither read nor touch the real user's catalog or settings:

1. the bundle holds what it must (icons, sample catalog, migrations) and none of the Qt
   modules Liaison leaves out (a size regression shows up here, by name);
2. ``liaison init`` makes a catalog (Alembic migrations run from the bundled files);
3. ``liaison search "nguyen duc chung" --json`` finds Nguyễn Đức Chung (accent folding);
4. the app starts offscreen on that catalog and on a first-start default catalog, shows
   the catalog and quits by itself (``LIAISON_QUIT_WHEN_SHOWN``), with nothing on stderr
   that looks like a crash; start-up times are printed;
5. ``liaison brief person ID -o x.pdf`` prints a briefing whose text, read back with
   pdftotext, names Nguyễn Đức Chung. Skipped, saying so, while the command does not exist;
6. the app prints a bio sheet from its preview through Qt's print system to a PDF file
   (``LIAISON_QUIT_WHEN_SHOWN=print``, gui/print_probe.py), and Qt's CUPS print plugin and
   the libcups it links were both loaded from the bundle: a bundle without them reaches no
   printer on a user's desktop.

Standard library only: any Python 3.11 runs it. Exit status 0 when everything passed.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "liaison"
PERSON = "Nguyễn Đức Chung"
QUERY = "nguyen duc chung"
QUIT_ENV = "LIAISON_QUIT_WHEN_SHOWN"
PRINT_TO_ENV = "LIAISON_PRINT_TO"
TIMEOUT_S = 120
START_RUNS = 3
# Present in every good bundle (relative to the bundle's data folder).
REQUIRED = ("assets/icons/liaison-256.png", "assets/icons/liaison-16.png",
            "assets/sample/catalog.json", "db/migrations/env.py",
            "db/migrations/script.py.mako", "db/migrations/versions/0001_baseline.py")
# Qt libraries that must never be in the bundle: Liaison does not use them.
FORBIDDEN_QT = ("Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt63D", "Qt6Multimedia", "Qt6Charts",
                "Qt6Designer", "Qt6Sql", "Qt6Test", "Qt6Location", "Qt6Positioning",
                "Qt6VirtualKeyboard")
CRASH_MARKERS = ("Traceback (most recent call last)", "Segmentation fault", "Aborted",
                 "Could not load the Qt platform plugin", "ModuleNotFoundError", "ImportError")


class SmokeFailure(Exception):
    pass


class Smoke:
    def __init__(self, bundle: Path, home: Path) -> None:
        self.exe = bundle / ("liaison.exe" if os.name == "nt" else "liaison")
        self.data = bundle / "_internal" if (bundle / "_internal").is_dir() else bundle
        self.home = home
        self.catalog = home / "Smoke test.liaison"
        self.env = {key: value for key, value in os.environ.items()
                    if not key.startswith(("LIAISON_", "XDG_", "QT_"))}
        self.env.update({
            "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"), "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_RUNTIME_DIR": str(home / "runtime"), "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8",
        })
        (home / "runtime").mkdir(mode=0o700)

    def run(self, args: Sequence[str], *, env: dict[str, str] | None = None,
            check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([str(self.exe), *args], cwd=self.home, env=env or self.env,
                                capture_output=True, text=True, encoding="utf-8",
                                timeout=TIMEOUT_S)
        if check and result.returncode != 0:
            raise SmokeFailure(f"`liaison {' '.join(args)}` exited {result.returncode}:\n"
                               f"{result.stdout}{result.stderr}")
        return result

    # ------------------------------------------------------------------ steps

    def layout(self) -> str:
        if not self.exe.is_file():
            raise SmokeFailure(f"{self.exe} does not exist: run `make package` first")
        missing = [name for name in REQUIRED if not (self.data / name).is_file()]
        if missing:
            raise SmokeFailure("missing from the bundle: " + ", ".join(missing))
        unwanted = sorted({path.name for path in self.data.rglob("*Qt6*")
                           if any(name in path.name for name in FORBIDDEN_QT)})
        if unwanted:
            raise SmokeFailure("Qt libraries Liaison does not use are bundled: "
                               + ", ".join(unwanted))
        return f"{len(REQUIRED)} required files present, no unused Qt modules"

    def init(self) -> str:
        out = self.run(["init", str(self.catalog)]).stdout.strip()
        if not self.catalog.is_file():
            raise SmokeFailure(f"`liaison init` said {out!r} but made no file")
        return out

    def search(self) -> int:
        out = self.run(["search", QUERY, "--json", "--catalog", str(self.catalog)]).stdout
        hits = json.loads(out)
        people = [hit for hit in hits if hit["kind"] == "person"
                  and nfc(hit["title"]) == nfc(PERSON)]
        if not people:
            raise SmokeFailure(f"`liaison search {QUERY!r}` did not find {PERSON}: {out}")
        return int(people[0]["id"])

    def start(self, args: Sequence[str], quit_when: str) -> float:
        """Seconds from launch until the app quit itself at *quit_when* ("window"/"catalog")."""
        env = {**self.env, QUIT_ENV: quit_when}
        started = time.perf_counter()
        result = self.run(args, env=env, check=False)
        elapsed = time.perf_counter() - started
        crashed = [marker for marker in CRASH_MARKERS if marker in result.stderr]
        if result.returncode != 0 or crashed:
            raise SmokeFailure(f"the app ({' '.join(args) or 'no arguments'}) exited "
                               f"{result.returncode}:\n{result.stderr}")
        return elapsed

    def gui(self) -> str:
        open_args = ["--catalog", str(self.catalog)]
        window = [self.start(open_args, "window") for _ in range(START_RUNS)]
        catalog = [self.start(open_args, "catalog") for _ in range(START_RUNS)]
        first_start = self.start([], "catalog")  # creates the default catalog from the sample
        default = self.home / "data" / "Liaison" / "catalog.liaison"
        if not default.is_file():
            raise SmokeFailure(f"the first start made no default catalog at {default}")
        return (f"launch to window shown {ms(window)}, to catalog shown {ms(catalog)} "
                f"(median of {START_RUNS}, offscreen, including exit); first start with a new "
                f"default catalog {first_start * 1000:.0f} ms")

    def brief(self, person_id: int) -> str:
        probe = self.run(["brief", "--help"], check=False)
        if probe.returncode != 0:
            if "invalid choice" in probe.stderr:
                return "SKIPPED: this build has no `liaison brief` command yet"
            raise SmokeFailure(f"`liaison brief --help` exited {probe.returncode}:\n"
                               f"{probe.stderr}")
        pdftotext = shutil.which("pdftotext")
        if pdftotext is None:
            raise SmokeFailure("pdftotext is missing: install poppler-utils")
        pdf = self.home / "briefing.pdf"
        self.run(["brief", "person", str(person_id), "-o", str(pdf),
                  "--catalog", str(self.catalog)])
        if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
            raise SmokeFailure(f"`liaison brief` wrote no PDF at {pdf}")
        text = subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True, encoding="utf-8", timeout=TIMEOUT_S, check=True).stdout
        if nfc(PERSON) not in nfc(" ".join(text.split())):
            raise SmokeFailure(f"the briefing for person {person_id} does not name {PERSON}; "
                               f"its text begins:\n{text[:600]}")
        return f"briefing for person {person_id}: {pdf.stat().st_size:,} bytes, names {PERSON}"

    def print_check(self) -> str:
        pdf = self.home / "printed.pdf"
        env = {**self.env, QUIT_ENV: "print", PRINT_TO_ENV: str(pdf)}
        result = self.run(["--catalog", str(self.catalog)], env=env, check=False)
        crashed = [marker for marker in CRASH_MARKERS if marker in result.stderr]
        if result.returncode != 0 or crashed:
            raise SmokeFailure(f"printing a briefing from the app exited {result.returncode}:\n"
                               f"{result.stdout}{result.stderr}")
        if not pdf.is_file() or not pdf.read_bytes().startswith(b"%PDF"):
            raise SmokeFailure(f"printing a briefing wrote no PDF at {pdf}")
        line = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
        if sys.platform.startswith("linux"):
            for name in ("print plugin", "libcups"):
                path = line.split(f"{name}: ", 1)[-1].split(";", 1)[0].strip()
                if not path.startswith(str(self.data)):
                    raise SmokeFailure(f"{name} was not loaded from the bundle ({path!r}): "
                                       f"{line}")
        return f"{line} ({pdf.stat().st_size:,} bytes)"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def ms(seconds: list[float]) -> str:
    return f"{statistics.median(seconds) * 1000:.0f} ms"


def main(argv: Sequence[str]) -> int:
    bundle = Path(argv[1]).resolve() if len(argv) > 1 else BUNDLE
    with tempfile.TemporaryDirectory(prefix="liaison-smoke-") as tmp:
        smoke = Smoke(bundle, Path(tmp))
        steps = [("bundle", smoke.layout), ("init", smoke.init)]
        person_id = 0

        def search() -> str:
            nonlocal person_id
            person_id = smoke.search()
            return f"found {PERSON} as person {person_id}"

        steps += [("search", search), ("app", smoke.gui),
                  ("brief", lambda: smoke.brief(person_id)), ("print", smoke.print_check)]
        for name, step in steps:
            try:
                print(f"smoke: {name}: {step()}", flush=True)
            except (SmokeFailure, subprocess.SubprocessError, OSError, ValueError) as exc:
                print(f"smoke: {name}: FAILED: {exc}", file=sys.stderr)
                return 1
    print(f"smoke: passed ({bundle})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
