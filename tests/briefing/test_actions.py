"""Open actions from earlier meetings print on the next briefing with the same people:
the person sheets of who promised and for whom, the next visit's sheet; done ones do not."""

from __future__ import annotations

import pytest

from db import ops
from db.catalog import Catalog
from db.models import ActionItem
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render
from tests.briefing.conftest import K, create, delegation_id, person_id
from tests.briefing.pdfcheck import flat, text_of

pytestmark = pytest.mark.both_engines

SECTION = "Open actions from earlier meetings"


def _sheet(catalog: Catalog, kind: Kind, record_id: int, options: SheetOptions) -> str:
    return flat(text_of(render(catalog, kind, record_id, options)))


def test_an_open_promise_prints_on_the_next_briefings_until_it_is_done(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    hanoi = delegation_id(sample_catalog, "EU World Cities delegation to Hanoi")
    milan = delegation_id(sample_catalog, "Chairman Nguyễn Đức Chung's visit to Milan")
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    piccioni = person_id(sample_catalog, "Piccioni")
    assert SECTION not in _sheet(sample_catalog, Kind.PERSON, chung, options)
    item = create(sample_catalog, K.ACTION_ITEM, what="Send the smart-parking study",
                  person_id=chung, counterpart_id=piccioni, due_date="2017-09-30",
                  delegation_id=hanoi, notes="<i>two</i> copies")

    for who in (chung, piccioni):
        text = _sheet(sample_catalog, Kind.PERSON, who, options)
        assert SECTION in text
        part = text.split(SECTION, 1)[1]
        assert "Send the smart-parking study" in part
        assert "30 September" in part and "overdue" in part  # printed in 2025
        assert "Nguyễn Đức Chung" in part and "Cecilia Piccioni" in part
        assert "<i>two</i> copies" in part  # user text is never markup
    # The next visit with Chung recalls it; the visit it was agreed at does not call it
    # "earlier".
    assert "Send the smart-parking study" in _sheet(sample_catalog, Kind.DELEGATION, milan,
                                                    options)
    assert SECTION not in _sheet(sample_catalog, Kind.DELEGATION, hanoi, options)

    with sample_catalog.read_session() as session:
        version = session.get(ActionItem, item).version  # type: ignore[union-attr]
    ops.update(sample_catalog, K.ACTION_ITEM, item, {"status": "done"},
               expected_version=version)
    assert SECTION not in _sheet(sample_catalog, Kind.PERSON, chung, options)
    assert SECTION not in _sheet(sample_catalog, Kind.DELEGATION, milan, options)
