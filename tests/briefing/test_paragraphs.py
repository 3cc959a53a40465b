"""Our Paragraph reads its markup without the HTML parser (issue 16) and must come out
exactly as ReportLab's own: the same fragments (font, size, colour, bold, italic, line
breaks, text) for every paragraph the sample sheets make, in both languages and on the
counterpart's copy, and for hostile user text in any script. Markup outside ours is
left to ReportLab, which reads it, or refuses it with its own message, as before."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pytest
from reportlab.platypus import Paragraph as ReportLabParagraph

from db import i18n, registry
from db.catalog import Catalog
from gui.briefing import paragraphs
from gui.briefing.blocks import HeadedBlock, Heading
from gui.briefing.common import muted, quiet, status_markup
from gui.briefing.document import SheetOptions
from gui.briefing.paragraphs import Paragraph
from gui.briefing.render import Kind, prepare
from gui.briefing.styles import make_styles
from gui.briefing.text import esc

HOSTILE = [
    "",
    "   ",
    'Tom & Jerry <img src="http://x/y.png"> "quoted" \'single\' a<b>c</b> &amp; &lt;',
    "  two  spaces\tand a tab\n\nand blank lines  ",
    "Nguyễn Đức Chung, Chủ tịch UBND thành phố Hà Nội",
    "김정은 위원장 · 习近平 主席 · محمد العلي · שלום",
    "emoji 😀 and marks \u200f\u202e here",
    "&amp;amp; <br/> </b> <font color='red'>",
    "a\u00a0non-breaking\u00a0space",
]


def _markups() -> Iterator[str]:
    """Markup as the sheets build it around user text."""
    for text in HOSTILE:
        value = esc(text)
        yield value
        yield f"<b>{value}</b><br/>{muted(value)}"
        yield f"<i>{quiet(text)}</i> · {status_markup('confirmed')}<br/><br/>{value}"
        yield f"<font color=\"#5b6472\"><b><i>{value}</i></b></font> tail &gt; end"


def _frags(paragraph: Any) -> list[tuple[type, dict[str, Any]]]:
    return [(type(f), dict(f.__dict__)) for f in paragraph.frags]


def _same_as_reportlab(markup: str, style: Any) -> None:
    ours, theirs = Paragraph(markup, style), ReportLabParagraph(markup, style)
    assert ours.text == theirs.text
    assert _frags(ours) == _frags(theirs), markup


@pytest.mark.parametrize("markup", list(_markups()))
def test_our_markup_reads_as_reportlab_reads_it(markup: str) -> None:
    st = make_styles()
    assert paragraphs._Parser().read(ReportLabParagraph(markup, st.body).text, st.body) \
        is not None, markup  # read without the HTML parser
    for style in (st.body, st.cell_note, st.title, st.kicker):
        _same_as_reportlab(markup, style)


@pytest.mark.parametrize("markup", [
    '<para leading="20">set by the paragraph</para>',
    '<font size="14">big</font> <u>under</u> <a href="https://example.org">link</a>',
    "&eacute;t&#233; &#x27;quoted&#x27; &nbsp;",
    '<font color="red">named</font> <FONT COLOR="#ff0000">capitals</FONT>',
])
def test_other_markup_is_read_by_reportlab(markup: str) -> None:
    st = make_styles()
    assert paragraphs._Parser().read(markup, st.body) is None
    _same_as_reportlab(markup, st.body)


@pytest.mark.parametrize("markup", ["<b>unclosed", "<b>crossed <i>tags</b></i>", "</i>"])
def test_broken_markup_is_refused_as_reportlab_refuses_it(markup: str) -> None:
    st = make_styles()
    with pytest.raises(ValueError) as theirs:
        ReportLabParagraph(markup, st.body)
    with pytest.raises(ValueError) as ours:
        Paragraph(markup, st.body)
    assert str(ours.value) == str(theirs.value)


def _paragraphs_in(item: Any) -> Iterator[Any]:
    if isinstance(item, ReportLabParagraph):
        yield item
    elif isinstance(item, list | tuple):
        for part in item:
            yield from _paragraphs_in(part)
    elif isinstance(item, HeadedBlock):
        yield from _paragraphs_in([item.heading, item.body])
    elif isinstance(item, Heading):
        yield item.paragraph
    elif hasattr(item, "_cellvalues"):
        yield from _paragraphs_in(item._cellvalues)


def test_every_paragraph_of_the_sample_sheets_reads_as_reportlab_reads_it(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    with sample_catalog.read_session() as session:
        ids = {kind: list(registry.record_ids(session, kind.record_kind))
               for kind in (Kind.DELEGATION, Kind.PERSON, Kind.PAIRING, Kind.EVENT)}
    seen = 0
    for language in ("en", "vi"):
        for counterpart in (False, True):
            opts = dataclasses.replace(options, language=language, counterpart=counterpart)
            for kind, record_ids in ids.items():
                for record_id in record_ids:
                    with i18n.using(language):
                        story = prepare(sample_catalog, kind, record_id, opts).story
                    for found in _paragraphs_in(story):
                        assert isinstance(found, Paragraph)  # every sheet makes ours
                        assert paragraphs._Parser().read(found.text, found.style) is not None
                        _same_as_reportlab(found.text, found.style)
                        seen += 1
    assert seen > 500
