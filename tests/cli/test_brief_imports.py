"""``liaison brief`` loads what the sheet it prints needs, and nothing else (issue 16).

A briefing printed from the command line is a whole process: every module it
imports is paid for on every print. Its imports are measured in a real process
with ``python -X importtime``, as ``liaison search``'s are
(tests/cli/test_search_thin_path.py): no Qt, no Alembic when the catalog is
current, no sheet module but the one printed, no writing side of the store, no
image decoder when the store keeps the portraits, and no right-to-left or CJK
machinery for a sheet in Latin script.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from sqlmodel import select

from db.catalog import open_catalog
from db.models import DelegationMember
from gui.briefing import fonts
from tests.briefing.conftest import attach_photo, photo_bytes
from tests.cli.imports import forbidden, imported_by

ROOT = Path(__file__).resolve().parents[2]
# Modules a delegation briefing must never load (a name, or the start of a dotted name).
FORBIDDEN = (
    "PySide6", "shiboken6",  # headless
    "alembic",  # the sample catalog is current: nothing to upgrade
    "db.ops", "db.interchange", "db.sample", "openpyxl",  # the writing side, imports
    # other sheets (language names are gui.briefing.protocol's, not the bio sheet's)
    "gui.briefing.person", "gui.briefing.pairing", "gui.briefing.event", "gui.briefing.pack",
    "gui.briefing.agenda", "gui.briefing.list_sheet",
    "PIL.ImageOps",  # portraits are made when a photo is saved (db.portraits), not here
)
# What no sheet printed from a catalog file loads: it is read over sqlite3 alone
# (db.catalog.file_reader), as its reads are SQL text; importing the ORM and the table
# classes cost twice what the whole sheet does.
NO_ORM = ("sqlalchemy", "sqlmodel", "pydantic", "db.models", "db.registry", "db.catalog.handle")


@pytest.fixture
def with_photos(sample_path: Path) -> Path:
    """The sample, its first delegation's members each with a photo saved through the store."""
    with open_catalog(sample_path) as catalog:
        with catalog.read_session() as session:
            members = session.exec(select(DelegationMember.person_id)
                                   .where(DelegationMember.delegation_id == 1)).all()
        for n, person in enumerate(members):
            attach_photo(catalog, person, photo_bytes("JPEG", (600, 800), (40 * n % 250, 90, 140)))
    assert members
    return sample_path


def _brief(tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``liaison brief`` as a user does and list every module it imported."""
    return imported_by("brief", *args)


def _forbidden(modules: set[str]) -> set[str]:
    return forbidden(modules, FORBIDDEN)


@pytest.mark.parametrize("counterpart", [False, True])
def test_a_delegation_briefing_loads_only_its_own_sheet(with_photos: Path, tmp_path: Path,
                                                        counterpart: bool) -> None:
    out = tmp_path / "briefing.pdf"
    result, modules = _brief(tmp_path, "delegation", "1", "-o", str(out),
                             "--catalog", str(with_photos),
                             *(["--counterpart"] if counterpart else []))
    assert result.returncode == 0, result.stderr[-2000:]
    with pdfplumber.open(out) as pdf:
        assert "Delegation briefing" in (pdf.pages[0].extract_text() or "")
        assert pdf.pages[0].images  # the members' portraits printed
    assert "gui.briefing.delegation" in modules  # the measurement saw our modules at all
    assert _forbidden(modules) == set()
    assert forbidden(modules, NO_ORM) == set()
    # The phone library loads only for a sheet with a phone number to print.
    assert "phonenumbers" not in modules
    # Latin and Vietnamese text: no shaping of right-to-left lines.
    assert not {m for m in modules if m.split(".")[0] in ("arabic_reshaper", "bidi")}


def test_a_bio_sheet_loads_only_its_own_sheet(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "bio.pdf"
    result, modules = _brief(tmp_path, "person", "1", "-o", str(out),
                             "--catalog", str(sample_path))
    assert result.returncode == 0, result.stderr[-2000:]
    assert "gui.briefing.person" in modules
    assert "gui.briefing.delegation" not in modules and "gui.briefing.pack" not in modules
    assert forbidden(modules, NO_ORM) == set()


def test_a_pack_loads_the_sheets_it_holds(sample_path: Path, tmp_path: Path) -> None:
    """The budget is the sheet's own: a pack prints three kinds of sheet and loads them."""
    out = tmp_path / "pack.pdf"
    result, modules = _brief(tmp_path, "delegation", "1", "--pack", "-o", str(out),
                             "--catalog", str(sample_path))
    assert result.returncode == 0, result.stderr[-2000:]
    assert {"gui.briefing.pack", "gui.briefing.person", "gui.briefing.pairing"} <= modules
    assert "gui.briefing.event" not in modules
    assert forbidden(modules, NO_ORM) == set()


_FONTS_AFTER = """
import sys
from pathlib import Path
from reportlab.pdfbase import pdfmetrics
from db import ops
from db.catalog import open_catalog
from db.kinds import RecordKind
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render
with open_catalog(Path(sys.argv[1])) as catalog:
    if sys.argv[2] == "korean":
        ops.update(catalog, RecordKind.PERSON, 1, {"original_script": "권영걸"},
                   expected_version=1)
    render(catalog, Kind.PERSON, 1, SheetOptions())
print(" ".join(sorted(pdfmetrics.getRegisteredFontNames())))
"""


def _fonts_registered(path: Path, text: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", _FONTS_AFTER, str(path), text], cwd=ROOT,
                            text=True, capture_output=True, timeout=120, check=True)
    return set(result.stdout.split())


def test_fonts_are_registered_for_the_scripts_a_sheet_prints(sample_path: Path) -> None:
    """The CJK collection alone takes a third of a second to read: a sheet in Latin
    script reads none of the fallback fonts; one with a Korean name reads that one."""
    latin = _fonts_registered(sample_path, "latin")
    assert {"LiaisonSans", "LiaisonSans-Bold"} <= latin
    assert not {name for name in latin if name.startswith(("LiaisonCJK", "LiaisonArabic",
                                                           "LiaisonHebrew"))}
    korean = _fonts_registered(sample_path, "korean")
    assert "LiaisonCJK" in korean and "LiaisonArabic" not in korean


def test_the_fallback_coverage_list_matches_the_font_files() -> None:
    """``assets/fonts/coverage.json`` answers for the fallback fonts without reading them:
    it must say exactly what they hold (rewrite it with ``fonts.write_coverage()``)."""
    stored = json.loads(fonts.COVERAGE.read_text(encoding="utf-8"))
    assert stored == fonts.measured_coverage()
