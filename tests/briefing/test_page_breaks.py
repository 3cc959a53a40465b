"""Tables across pages: a header row only at the top of a table's part on a page, and the
section heading "(continued)" atop every page a section runs onto."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.catalog import Catalog, create_catalog
from db.models import RecordKind
from gui.briefing.render import render
from tests.briefing.conftest import create
from tests.briefing.pdfcheck import pages_text

K = RecordKind
HEADER = "When Engagement Where"
TOPIC = " ".join(["Topic words about smart city cooperation and mobility"] * 24)


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    with create_catalog(Path(tmp_path_factory.mktemp("breaks")) / "c.liaison",
                        sample=False) as made:
        yield made  # type: ignore[misc]


# Where the tall row falls decides where it is cut: near the foot of page 1 (8, 10, 12)
# it used to be left whole for the next part, which was then cut into the room left on
# page 1 with the header drawn again in the middle of the page.
@pytest.mark.parametrize("tall_at", [8, 10, 12, 20])
def test_a_split_row_never_repeats_the_header_mid_page(catalog: Catalog, options: object,
                                                      tall_at: int) -> None:
    delegation = create(catalog, K.DELEGATION, title=f"Split at {tall_at}",
                        direction="incoming", status="planned")
    for n in range(30):
        create(catalog, K.ENGAGEMENT, delegation_id=delegation, sequence=n,
               title=f"Meeting {n}", topics=TOPIC if n == tall_at else "Short topic")
    pages = pages_text(render(catalog, "delegation", delegation, options))  # type: ignore[arg-type]
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert text.count(HEADER) <= 1, f"page {number} repeats the table header"
    for number, text in enumerate(pages[1:], start=2):
        first = text.splitlines()[1]  # after the running header
        assert first == "Programme (30 engagements) (continued)", (number, first)
        assert text.splitlines()[2] == HEADER
    everything = " ".join(pages).replace("\n", " ")
    assert all(f"Meeting {n}" in everything for n in range(30))
