"""Sheets never crash: any text, any length (0 to 50,000 characters), any script or
markup-like text in any field gives a valid PDF with every character inside the margins.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from db import ops
from db.catalog import Catalog, create_catalog
from db.limits import max_length
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render
from gui.briefing.styles import MARGIN_X
from tests.briefing.conftest import PRINTED, K

PIECES = (
    "Nguyễn Đức Chung ", "서울특별시 ", "西安市 ", "東京都 ", "محمد بن سلمان ", "שלום ",
    "😀👍🏽 ", "\u200f\u202e\u200e", "<b>", "</i>", "&amp;", "<img src='x.png'/>",
    "<font name=x>", "]]>", "\x00\x07", "\t\n", "W" * 70, " ", "Đặng ", "\n\n", "a&b<c>d",
)
FIELDS = (
    "city", "org", "summary", "pnote", "ename", "edesc", "theme", "figures", "venue",
    "stitle", "snotes", "dtitle", "purpose", "outcomes", "follow", "ddn", "family", "given",
    "honorific", "script", "bio", "proto", "ptitle", "atitle", "posnote", "mnotes",
    "epnotes", "entitle", "topics", "ennotes", "place", "srctitle", "url",
    "pron", "written", "interp", "diet", "arrival", "departure", "hotel", "ourc", "theirc",
    "press", "cfamily",
)
SHORT = st.one_of(st.just(""), st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
                  st.text(max_size=40))


def _repeat(pieces: list[str], length: int) -> str:
    base = "".join(pieces) or "x"
    return (base * (length // len(base) + 1))[:length]


LONG = st.builds(_repeat, st.lists(st.sampled_from(PIECES), min_size=1, max_size=4),
                 st.integers(0, 50_000))


def _records(catalog: Catalog, text: dict[str, str]) -> dict[Kind, int]:
    """One record of every printed kind, each text field filled from *text*."""
    def c(kind: K, **values: object) -> int:
        # The store caps text (db.limits: 500 characters for names, 10,000 for notes);
        # sheets must print whatever it accepts.
        fitted = {k: v[:max_length(k)] if isinstance(v, str) else v for k, v in values.items()}
        return ops.create(catalog, kind, fitted).ids(kind)[0]

    def t(name: str, fallback: str = "x") -> str:
        value = text.get(name) or ""
        # Required fields need a value that is still there once controls are dropped.
        return value if re.sub(r"[\x00-\x1f\x7f-\x9f\s]", "", value) else fallback

    a = c(K.CITY, name=t("city"), local_name=text["city"][::-1])
    b = c(K.CITY, name="Milan")
    org = c(K.ORGANISATION, name=t("org"))
    pairing = c(K.PAIRING, city_a_id=a, city_b_id=b, summary=text["summary"],
                date_note=text["pnote"])
    event = c(K.EVENT, name=t("ename"), city_id=a, description=text["edesc"],
              theme=text["theme"], figures=text["figures"], venue_note=text["venue"])
    c(K.EVENT_SESSION, event_id=event, title=t("stitle"), notes=text["snotes"])
    c(K.EVENT_ORGANISER, event_id=event, organisation_id=org)
    contact = c(K.PERSON, family_name=t("cfamily"), email="lan@example.org")
    delegation = c(K.DELEGATION, title=t("dtitle"), sending_city_id=b, host_city_id=a,
                   pairing_id=pairing, event_id=event, purpose=text["purpose"],
                   outcomes=text["outcomes"], follow_ups=text["follow"],
                   date_note=text["ddn"], arrival=text["arrival"],
                   departure=text["departure"], accommodation=text["hotel"],
                   our_contact_id=contact, our_contact_details=text["ourc"],
                   their_contact_details=text["theirc"], press=text["press"])
    people = []
    for i, role in enumerate(("head", "member")):
        person = c(K.PERSON, family_name=t("family") + str(i), given_names=text["given"],
                   honorific=text["honorific"], original_script=text["script"],
                   biography=text["bio"], protocol_notes=text["proto"],
                   pronunciation=text["pron"], written_address=text["written"],
                   interpreter=text["interp"], dietary=text["diet"])
        c(K.POSITION, person_id=person, organisation_id=org, title=t("ptitle"),
          address_title=text["atitle"], date_note=text["posnote"])
        c(K.DELEGATION_MEMBER, delegation_id=delegation, person_id=person, role=role,
          notes=text["mnotes"])
        c(K.EVENT_PARTICIPANT, event_id=event, person_id=person, notes=text["epnotes"])
        people.append(person)
    engagement = c(K.ENGAGEMENT, delegation_id=delegation, title=t("entitle"),
                   topics=text["topics"], notes=text["ennotes"], place=text["place"])
    c(K.ENGAGEMENT_PARTICIPANT, engagement_id=engagement, person_id=people[0])
    source = c(K.SOURCE, title=t("srctitle"), url=text["url"])
    c(K.CITATION, source_id=source, record_kind="delegation", record_id=delegation)
    return {Kind.DELEGATION: delegation, Kind.PERSON: people[0], Kind.PAIRING: pairing,
            Kind.EVENT: event, Kind.PACK: delegation}


def assert_inside_margins(data: bytes) -> None:
    """A valid PDF whose every character lies inside the page's left and right margins
    and on the page (running header and footer sit above and below the frame)."""
    assert data.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert pdf.pages
        for page in pdf.pages:
            for ch in page.chars:
                assert ch["x0"] >= MARGIN_X - 1 and ch["x1"] <= page.width - MARGIN_X + 1, ch
                assert ch["top"] >= 0 and ch["bottom"] <= page.height, ch


@pytest.fixture(scope="module")
def stress_catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    catalog = create_catalog(tmp_path_factory.mktemp("stress") / "stress.liaison",
                             sample=False)
    yield catalog  # type: ignore[misc]
    catalog.close()


@settings(max_examples=6, deadline=None, derandomize=True,
          phases=(Phase.explicit, Phase.reuse, Phase.generate),  # shrinking a PDF is slow
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(short=st.fixed_dictionaries(dict.fromkeys(FIELDS, SHORT)),
       long_field=st.sampled_from(FIELDS), long_text=LONG)
def test_every_sheet_kind_prints_any_text(stress_catalog: Catalog, short: dict[str, str],
                                          long_field: str, long_text: str) -> None:
    text = {**short, long_field: long_text}
    ids = _records(stress_catalog, text)
    options = SheetOptions(printed_on=PRINTED, reproducible=True)
    for kind, record_id in ids.items():
        assert_inside_margins(render(stress_catalog, kind, record_id, options))


@pytest.mark.parametrize("length", [6_779, 10_000])  # the store refuses longer notes
def test_a_pasted_cv_in_a_member_note_prints(stress_catalog: Catalog, length: int) -> None:
    cv = _repeat(["Curriculum vitae: ", "Nguyễn Đức Chung, ", "born 1967; ", "\n"], length)
    text = dict.fromkeys(FIELDS, "") | {"mnotes": cv}
    ids = _records(stress_catalog, text)
    data = render(stress_catalog, Kind.DELEGATION, ids[Kind.DELEGATION],
                  SheetOptions(printed_on=PRINTED, reproducible=True))
    assert_inside_margins(data)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    words = "".join(pages).replace("\n", "").replace(" ", "")
    assert words.count("Curriculumvitae:") >= cv.count("Curriculum vitae:")  # all of it


def test_all_reports_a_failing_record_and_goes_on(tmp_path: Path) -> None:
    """A sheet that cannot be made costs one line on stderr, not the batch (exit 2)."""
    path = tmp_path / "c.liaison"
    with create_catalog(path, sample=True):
        pass
    script = (
        "import sys\n"
        "from gui.briefing import render\n"
        "real = render.write\n"
        "def write(catalog, kind, record_id, path, options=None):\n"
        "    if record_id == 2:\n"
        "        raise ValueError('broken sheet')\n"
        "    real(catalog, kind, record_id, path, options)\n"
        "render.write = write\n"
        "from gui.__main__ import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-c", script, "--catalog", str(path), "brief",
                          "delegation", "--all", "-o", str(out)],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 2, run.stderr
    assert "delegation 2 could not be printed (ValueError: broken sheet)" in run.stderr
    assert "Traceback" not in run.stderr
    assert len(list(out.glob("*.pdf"))) == 3
