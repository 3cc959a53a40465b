"""An import and a colleague's save on one catalog file, in two processes.

The import reads, checks and matches its rows before it takes the write lock, so a
colleague's save made meanwhile goes through at once; a save that meets the import
writing waits, and if refused says it is the import, keeping the edit. Nothing saved
is lost, and the import still brings every row in (read again if a save made what it
had read stale).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from db import interchange, ops
from db.catalog import Catalog, create_catalog, open_catalog
from db.catalog import engine as catalog_engine
from db.catalog.activity import announce, note_path
from db.catalog.errors import CatalogBusyError
from db.models import Person, RecordKind
from tests.interchange.files import write_xlsx
from tests.lock_holder import write_lock_held

ROOT = Path(__file__).resolve().parents[2]
HEADERS = ["STT", "Họ và tên", "Chức vụ", "Cơ quan", "Tỉnh/Thành phố", "Email"]


def _workbook(path: Path, people: int) -> Path:
    return write_xlsx(path, [HEADERS] + [
        [n, f"Vũ Thị Lan {n}", "Chuyên viên", f"Sở Ngoại vụ {n % 30}", f"Tỉnh {n % 9}",
         f"lan{n}@example.gov.vn"] for n in range(1, people + 1)])


def test_a_colleague_saves_while_an_import_reads_and_loses_nothing(tmp_path: Path) -> None:
    people = 2500
    with create_catalog(tmp_path / "office.liaison", sample=False) as catalog:
        colleague_id = ops.create(catalog, RecordKind.PERSON,
                                  {"family_name": "Trần", "given_names": "Mai"}).changes[0].id
        prepared = interchange.prepare(_workbook(tmp_path / "dai-bieu.xlsx", people))
        stop = tmp_path / "stop"
        colleague = subprocess.Popen(
            [sys.executable, "-m", "tests.interchange.colleague_save", str(catalog.path),
             str(colleague_id), str(stop)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert colleague.stdout is not None
            assert colleague.stdout.readline().strip() == "ready", colleague.stderr
            began = time.time()
            report = interchange.import_prepared(catalog, prepared, backup=False)
            ended = time.time()
            stop.touch()
            out, err = colleague.communicate(timeout=300)
        finally:
            if colleague.poll() is None:
                colleague.kill()
        assert colleague.returncode == 0, err[-2000:]
        seen = json.loads(out.strip().splitlines()[-1])
        attempts = [(t, start, end, refused) for t, start, end, refused in seen["attempts"]]
        saved = [a for a in attempts if a[3] is None]

        # The import brought every row in.
        assert report.written and report.created["person"] == people
        # A save made while the import was reading went through without waiting for it
        # (the lock taken up front, it would have waited for the whole import).
        assert any(began < start and end < ended - 0.5 and end - start < 2
                   for _t, start, end, _r in saved), (began, ended, attempts[-20:])
        # A save refused says it was the import, and the edit was tried again.
        for edit, _start, _end, refused in attempts:
            if refused is not None:
                assert "is importing a file" in refused, refused
                assert edit in {t for t, *_rest in saved} or edit == attempts[-1][0]
        # Nothing saved was lost: the last saved text is there, one version per save.
        with catalog.read_session() as session:
            person = session.get(Person, colleague_id)
            assert person is not None
            assert person.biography == saved[-1][0]
            assert person.version == 1 + len(saved) == seen["version"]
            assert session.execute(text("SELECT count(*) FROM person")).scalar_one() \
                == people + 1
        assert not note_path(tmp_path / "office.liaison").exists()  # the note went too


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saves give up after 0.3 s instead of 10 (what they say is what is tested)."""
    monkeypatch.setattr(catalog_engine, "BUSY_TIMEOUT_MS", 300)


def _save_while_locked(catalog: Catalog, person_id: int) -> str:
    """A save meeting another process's write lock: the refusal's message."""
    with write_lock_held(catalog.path), pytest.raises(CatalogBusyError) as refused:
        ops.update(catalog, RecordKind.PERSON, person_id, {"biography": "mine"},
                   expected_version=1)
    return str(refused.value)


def test_a_refused_save_names_the_colleagues_import(tmp_path: Path,
                                                      short_busy_timeout: None) -> None:
    path = tmp_path / "office.liaison"
    create_catalog(path, sample=False).close()
    with open_catalog(path) as catalog:
        person_id = ops.create(catalog, RecordKind.PERSON,
                               {"family_name": "Trần", "given_names": "Mai"}).changes[0].id
        plain = _save_while_locked(catalog, person_id)
        assert "not saved" in plain and "import" not in plain
        with announce(path, "import"):
            said = _save_while_locked(catalog, person_id)
        assert "office is busy: " in said and "is importing a file" in said and "not saved" in said
        assert not note_path(path).exists()
        # A note left by a process that is gone says nothing.
        note_path(path).write_text(json.dumps({"what": "import", "user": "lan", "pid": 2**22 + 7,
                                               "host": __import__("socket").gethostname(),
                                               "since": time.time()}), encoding="utf-8")
        assert "import" not in _save_while_locked(catalog, person_id)
        # Nothing was written by the refused saves; a save now goes through.
        ops.update(catalog, RecordKind.PERSON, person_id, {"biography": "mine"},
                   expected_version=1)
