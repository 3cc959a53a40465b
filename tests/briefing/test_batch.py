"""``brief person --all`` reads a chunk of people as it reads one: the same facts on every
sheet as printed alone, in a number of queries that does not grow with the sheets."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import select

from db import registry, synthetic
from db.catalog import Catalog, create_catalog
from db.models import Engagement, EngagementParticipant
from db.reads import actions as action_reads
from db.reads import gifts as gift_reads
from gui.briefing import person
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render, write_all
from tests.briefing.conftest import PRINTED, K, create, delegation_id, person_id
from tests.briefing.pdfcheck import flat, text_of

pytestmark = pytest.mark.both_engines


def _exchanges(catalog: Catalog) -> tuple[int, int, int]:
    """Gifts and open promises between sample people, some of them shared by two sheets:
    each sheet of a batch must print its own share and no one else's."""
    chung = person_id(catalog, "Nguyễn", "Đức Chung")
    angelet = person_id(catalog, "Angelet")
    piccioni = person_id(catalog, "Piccioni")
    hanoi = delegation_id(catalog, "EU World Cities delegation to Hanoi")
    create(catalog, K.GIFT, description="Lacquer painting", direction="given",
           date="2017-06-13", from_person_id=chung, to_person_id=angelet, delegation_id=hanoi)
    create(catalog, K.GIFT, description="Book on Milan", direction="received",
           date="2018-02-01", from_person_id=piccioni)
    create(catalog, K.ACTION_ITEM, what="Send the smart-parking study", person_id=chung,
           counterpart_id=piccioni, due_date="2017-09-30", delegation_id=hanoi)
    create(catalog, K.ACTION_ITEM, what="Share the visit's photographs", delegation_id=hanoi)
    with catalog.read_session() as session:
        meeting = session.exec(select(EngagementParticipant.engagement_id)).first()
    assert meeting is not None
    create(catalog, K.ACTION_ITEM, what="Minutes of the meeting", engagement_id=meeting)
    return chung, angelet, piccioni


def test_a_batch_reads_every_person_as_alone(sample_catalog: Catalog) -> None:
    chung, angelet, piccioni = _exchanges(sample_catalog)
    with sample_catalog.read_session() as session:
        everyone = registry.record_ids(session, K.PERSON)
        batch = person.load_many(session, [*everyone, 999_999], today=PRINTED)
        assert sorted(batch) == everyone  # who does not exist is left out
        for who in everyone:
            alone = person.load(session, who, today=PRINTED)
            assert batch[who] == alone, who
            # The batch's shares are those of the one-person reads the other sheets use.
            assert batch[who].actions == action_reads.open_for(session, person_ids=[who])
            assert batch[who].gifts == gift_reads.exchanged_with(session, person_ids=[who])
        meetings = session.exec(select(EngagementParticipant.person_id, Engagement.title)
                                .join(Engagement)).all()
    # What the exchanges above put on the sheets (so the comparison above compared facts).
    assert [g.description for g in batch[angelet].gifts] == ["Lacquer painting"]
    assert [g.description for g in batch[piccioni].gifts] == ["Book on Milan"]
    assert len(batch[chung].gifts) == 1
    assert "Send the smart-parking study" in [a.what for a in batch[piccioni].actions]
    assert {a.what for a in batch[chung].actions} >= {"Send the smart-parking study",
                                                      "Share the visit's photographs"}
    met = {p for p, _title in meetings}
    assert any("Minutes of the meeting" in [a.what for a in batch[p].actions] for p in met)
    assert any(b.shared for b in batch.values())  # the sample records a stale chair
    assert any(b.meetings for b in batch.values())


def test_brief_all_prints_what_each_sheet_prints_alone(sample_catalog: Catalog,
                                                       tmp_path: Path) -> None:
    _exchanges(sample_catalog)
    for language in ("en", "vi"):
        options = SheetOptions(printed_on=PRINTED, reproducible=True, language=language)
        (tmp_path / language).mkdir()
        written = write_all(sample_catalog, Kind.PERSON, tmp_path / language, options)
        with sample_catalog.read_session() as session:
            everyone = registry.record_ids(session, K.PERSON)
        assert len(written) == len(everyone)
        for who, path in zip(everyone, written, strict=True):
            assert path.read_bytes() == render(sample_catalog, Kind.PERSON, who, options), who
        assert "Lacquer painting" in "".join(flat(text_of(p.read_bytes())) for p in written)


@contextmanager
def _statements(catalog: Catalog) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(catalog.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(catalog.engine, "before_cursor_execute", count)


@pytest.fixture
def demo_catalog(tmp_path: Path) -> Iterator[Catalog]:
    with create_catalog(tmp_path / "demo.liaison", sample=False) as catalog:
        synthetic.generate(catalog, people=60)
        yield catalog


def test_the_queries_of_a_batch_do_not_grow_with_its_sheets(demo_catalog: Catalog,
                                                            tmp_path: Path) -> None:
    """Fifty bio sheets read in as many statements as five (a few more at most: a label
    of a kind the five did not name); a query per sheet would be hundreds more."""
    # Gifts and promises across the people, so their reads (and label look-ups) run.
    for giver in range(1, 60, 6):
        create(demo_catalog, K.GIFT, description=f"Gift {giver}", direction="given",
               from_person_id=giver, to_person_id=giver + 1)
        create(demo_catalog, K.ACTION_ITEM, what=f"Promise {giver}", person_id=giver,
               counterpart_id=giver + 2, delegation_id=1 + giver % 3)
    options = SheetOptions(printed_on=PRINTED)
    counted = {}
    for sheets in (5, 50):
        (tmp_path / str(sheets)).mkdir()
        with _statements(demo_catalog) as seen:
            written = write_all(demo_catalog, Kind.PERSON, tmp_path / str(sheets), options,
                                ids=range(1, sheets + 1))
        assert len(written) == sheets
        counted[sheets] = len(seen)
    assert counted[50] <= counted[5] + 4, counted
    assert counted[5] <= 40, counted  # a fixed number of reads, not ~15 a sheet


def test_a_sheet_is_reported_once_it_is_in_place(sample_catalog: Catalog,
                                                  tmp_path: Path) -> None:
    """Sheets are flushed to disk a group at a time; each is reported written only when
    it is whole in its place, and nothing half-made is left in the folder."""
    seen: list[Path] = []

    def progress(path: Path) -> None:
        assert path.read_bytes().rstrip().endswith(b"%%EOF"), path
        seen.append(path)

    out = tmp_path / "out"
    out.mkdir()
    written = write_all(sample_catalog, Kind.PERSON, out, SheetOptions(printed_on=PRINTED),
                        progress=progress)
    assert seen == written and len(written) > 10
    assert sorted(out.iterdir()) == sorted(written)  # no temporary file left


def test_sheets_made_before_a_failure_are_kept(sample_catalog: Catalog,
                                               tmp_path: Path) -> None:
    from gui.briefing.render import NotFoundError

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(NotFoundError):
        write_all(sample_catalog, Kind.PERSON, out, SheetOptions(printed_on=PRINTED),
                  ids=[1, 2, 999_999, 3])
    kept = sorted(p.name for p in out.iterdir())
    assert len(kept) == 2 and kept[0].startswith("person-001-") \
        and kept[1].startswith("person-002-"), kept
