"""One order of precedence: delegation members, people met, event speakers, the pack."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from db import reads
from db.catalog import Catalog
from db.models import Event
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render
from tests.briefing.conftest import K, create
from tests.briefing.pdfcheck import flat, text_of


def _event(catalog: Catalog, name: str) -> int:
    with catalog.read_session() as session:
        found = session.exec(select(Event).where(Event.name == name)).first()
    assert found is not None and found.id is not None
    return found.id


def _order(text: str, *names: str) -> list[int]:
    return [text.index(name) for name in names]


def test_host_city_chairman_before_foreign_guest_at_cicon(sample_catalog: Catalog,
                                                          options: SheetOptions) -> None:
    text = flat(text_of(render(sample_catalog, Kind.EVENT,
                               _event(sample_catalog, "CICON HCMC 2023"), options)))
    speakers = text[text.index("Speakers and guests 2"):]
    mai, kwon = _order(speakers[30:], "Phan Văn Mãi", "Kwon Young Gull")
    assert mai < kwon


def test_hanoi_chairman_before_vinasa_at_the_2023_summit(sample_catalog: Catalog,
                                                         options: SheetOptions) -> None:
    event = _event(sample_catalog, "Vietnam-Asia Smart City Summit 2023")
    with sample_catalog.read_session() as session:
        view = reads.event(session, event)
    assert view is not None
    names = [p.display_name for p, _, _ in view.participants]
    assert names.index("Trần Sỹ Thanh") < names.index("Trương Gia Bình")
    text = flat(text_of(render(sample_catalog, Kind.EVENT, event, options)))
    listed = text[text.index("Speakers and guests", text.index("Speakers and guests") + 1):]
    thanh, binh = _order(listed, "Trần Sỹ Thanh", "Trương Gia Bình")
    assert thanh < binh


def test_interpreters_last_and_an_explicit_order_wins(empty_catalog: Catalog,
                                                      options: SheetOptions) -> None:
    day = dt.date(2025, 3, 1)
    delegation = create(empty_catalog, K.DELEGATION, title="Visit", start_date=day)
    people = {}
    for family, rank, role in (("Alpha", 50, "member"), ("Interp", 1, "interpreter"),
                               ("Boss", 30, "head"), ("Senior", 10, "member")):
        people[family] = create(empty_catalog, K.PERSON, family_name=family,
                                given_names="A", honorific="Mr")
        create(empty_catalog, K.POSITION, person_id=people[family], title=f"{family} post",
               start_date=dt.date(2020, 1, 1), rank=rank)
        create(empty_catalog, K.DELEGATION_MEMBER, delegation_id=delegation,
               person_id=people[family], role=role)
    with empty_catalog.read_session() as session:
        view = reads.delegation(session, delegation)
    assert view is not None
    assert [m.person.family_name for m in view.members] == ["Boss", "Senior", "Alpha", "Interp"]
    text = flat(text_of(render(empty_catalog, Kind.PACK, delegation, options)))
    bios = [text.index(f"Bio sheet · A {name}") for name in ("Boss", "Senior", "Alpha", "Interp")]
    assert bios == sorted(bios)
    with empty_catalog.read_session() as session:
        from db.models import DelegationMember

        alpha = session.exec(select(DelegationMember).where(
            DelegationMember.person_id == people["Alpha"])).one()
    from db import ops

    ops.update(empty_catalog, K.DELEGATION_MEMBER, alpha.id or 0, {"sequence": 1},
               expected_version=alpha.version)
    with empty_catalog.read_session() as session:
        view = reads.delegation(session, delegation)
    assert view is not None and view.members[0].person.family_name == "Alpha"
