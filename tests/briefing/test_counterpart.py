"""The counterpart's copy: the programme and the participants, none of the office's own
notes; the internal copy of the same record keeps them. Read back with pdfplumber."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.catalog import Catalog, create_catalog
from db.models import RecordKind
from gui.briefing.document import SheetOptions
from gui.briefing.render import render
from tests.briefing.conftest import create
from tests.briefing.pdfcheck import flat, text_of

K = RecordKind
ROOT = Path(__file__).resolve().parents[2]
OFFICE_ONLY = ("PROTOCOL-NOTE-QX", "MEMBER-NOTE-QX", "ENGAGEMENT-NOTE-QX", "FOLLOW-UP-QX",
               "OUTCOME-QX", "PARTICIPANT-NOTE-QX", "SESSION-NOTE-QX", "+84 24 3825 3536")
NEVER = "PRIVATE-NOTE-QX"


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, dict[str, int]]:
    catalog = create_catalog(tmp_path_factory.mktemp("cp") / "c.liaison", sample=False)
    person = create(catalog, K.PERSON, family_name="Nguyễn", given_names="Đức Chung",
                    name_order="family_first", address_by="given", honorific="Mr",
                    protocol_notes="Protocol PROTOCOL-NOTE-QX", phone="+84 24 3825 3536",
                    private_notes=f"Private {NEVER}", biography="Born in Hanoi.")
    create(catalog, K.POSITION, person_id=person, title="Chairman",
           attested_on=["2017-06-13"])  # unconfirmed today: "to confirm" on the internal copy
    delegation = create(catalog, K.DELEGATION, title="Visit", direction="incoming",
                        status="planned", start_date=dt.date(2017, 6, 13),
                        follow_ups="Follow FOLLOW-UP-QX", outcomes="Outcome OUTCOME-QX")
    create(catalog, K.DELEGATION_MEMBER, delegation_id=delegation, person_id=person,
           role="head", notes="Note MEMBER-NOTE-QX")
    create(catalog, K.ENGAGEMENT, delegation_id=delegation, sequence=0, title="Courtesy call",
           date=dt.date(2017, 6, 13), notes="Note ENGAGEMENT-NOTE-QX")
    event = create(catalog, K.EVENT, name="Summit", start_date=dt.date(2017, 6, 13))
    create(catalog, K.EVENT_PARTICIPANT, event_id=event, person_id=person, role="speaker",
           notes="Note PARTICIPANT-NOTE-QX")
    create(catalog, K.EVENT_SESSION, event_id=event, title="Opening plenary",
           notes="Note SESSION-NOTE-QX")
    return catalog, {"person": person, "delegation": delegation, "event": event,
                     "pack": delegation}


@pytest.mark.parametrize("kind", ["person", "delegation", "event", "pack"])
def test_the_counterpart_copy_has_none_of_the_office_notes(
        records: tuple[Catalog, dict[str, int]], options: SheetOptions, kind: str) -> None:
    catalog, ids = records
    internal = flat(text_of(render(catalog, kind, ids[kind], options)))
    counterpart = flat(text_of(render(catalog, kind, ids[kind],
                                      dataclasses.replace(options, counterpart=True))))
    shown = [text for text in OFFICE_ONLY if text in internal]
    assert shown, "the internal copy prints the office's notes"
    assert [text for text in shown if text in counterpart] == []
    assert NEVER not in internal and NEVER not in counterpart
    assert "Nguyễn Đức Chung" in counterpart  # the participants stay
    for remark in ("To confirm before the meeting", "as of", "Address as", "Titles as held",
                   "No current title recorded"):
        assert remark not in counterpart, remark
    if kind in ("delegation", "pack"):
        assert "Courtesy call" in counterpart and "Courtesy call" in internal
    if kind == "event":
        assert "Opening plenary" in counterpart


def test_brief_counterpart_on_the_command_line(sample_path: Path, tmp_path: Path) -> None:
    def brief(*extra: str) -> str:
        target = tmp_path / f"d{len(extra)}.pdf"
        result = subprocess.run(
            [sys.executable, "-m", "gui", "brief", "delegation", "1", "-o", str(target),
             "--catalog", str(sample_path), *extra],
            cwd=ROOT, text=True, capture_output=True, env={**os.environ}, timeout=120)
        assert result.returncode == 0, result.stderr
        return flat(text_of(target.read_bytes()))

    internal, counterpart = brief(), brief("--counterpart")
    note = "Also present: unnamed delegates from Milan and Košice"
    assert note in internal and note not in counterpart
    assert "Meeting with Chairman Nguyễn Đức Chung" in counterpart
    assert "Bruno Angelet" in counterpart
