"""The structure of a sheet: headings with bookmarks, a heading kept with the start of
its body, and the invisible marker that starts each part of a pack.

Every text argument here is already-escaped markup (see :func:`text.esc`);
nothing in this module escapes or trusts user text itself.
"""

from __future__ import annotations

import itertools
from typing import Any

from reportlab.platypus import Flowable

from gui.briefing import styles
from gui.briefing.paragraphs import Paragraph


class Keys:
    """Bookmark keys unique within one PDF, deterministic for reproducible output."""

    def __init__(self) -> None:
        self._count = itertools.count(1)

    def next(self) -> str:
        return f"liaison-{next(self._count)}"


class Heading(Flowable):
    """A section heading with a rule under it and, optionally, an outline entry.

    Put it in a :class:`HeadedBlock` with what follows, so it never ends a page alone.
    """

    def __init__(self, markup: str, style: Any, *, outline: str | None = None,
                 level: int = 0, key: str | None = None, space_before: float = 10,
                 closed: bool = False, continued: str | None = None) -> None:
        super().__init__()
        self.paragraph = Paragraph(markup, style)
        # Plain text the page frame repeats, "… (continued)", atop the pages it runs onto.
        self.liaison_heading = continued
        self.outline = outline
        self.level = level
        self.key = key
        self.space_before = space_before
        self.closed = closed

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _, h = self.paragraph.wrap(avail_width, avail_height)
        self.height = h + 5
        return avail_width, self.height

    def getSpaceBefore(self) -> float:
        return self.space_before

    def getSpaceAfter(self) -> float:
        return 5

    def draw(self) -> None:
        canvas = self.canv
        self.paragraph.drawOn(canvas, 0, 5)
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.8)
        canvas.line(0, 1.5, self.width, 1.5)
        if self.outline and self.key:
            canvas.bookmarkHorizontal(self.key, 0, self.height + 4)
            canvas.addOutlineEntry(self.outline, self.key, level=self.level, closed=self.closed)


class HeadedBlock(Flowable):
    """A heading and the first flowable under it, kept together only as far as needed.

    ReportLab's ``keepWithNext`` keeps a heading with the *whole* next flowable, so a
    heading followed by a long table jumps to the next page and leaves a hole. Here
    the block splits like its body does, as long as the heading gets at least
    *min_body* points of body under it on the same page.
    """

    def __init__(self, heading: Flowable, body: Flowable, *, min_body: float = 42) -> None:
        super().__init__()
        self.heading = heading
        self.body = body
        self.min_body = min_body
        self.liaison_heading = getattr(heading, "liaison_heading", None)
        self._heading_h = self._body_h = self._gap = 0.0

    def _measure_heading(self, avail_width: float, avail_height: float) -> float:
        _, self._heading_h = self.heading.wrap(avail_width, avail_height)
        self._gap = max(self.heading.getSpaceAfter(), self.body.getSpaceBefore())
        return float(self._heading_h + self._gap)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        top = self._measure_heading(avail_width, avail_height)
        _, self._body_h = self.body.wrap(avail_width, max(avail_height - top, 0))
        self.width, self.height = avail_width, top + self._body_h
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return float(self.heading.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.body.getSpaceAfter())

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self._measure_heading(avail_width, avail_height)
        if room < self.min_body:
            return []
        parts = self.body.split(avail_width, room)
        if not parts:
            return []
        return [self.heading, *parts]

    def draw(self) -> None:
        self.body.drawOn(self.canv, 0, 0)
        self.heading.drawOn(self.canv, 0, self._body_h + self._gap)


class Part(Flowable):
    """An invisible marker at the start of a sheet: names it in the running header
    and adds its outline entry (one per part of a briefing pack)."""

    def __init__(self, section: str, *, outline: str | None, key: str, level: int = 0) -> None:
        super().__init__()
        self.liaison_section = section
        self.outline = outline
        self.key = key
        self.level = level
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.outline:
            self.canv.bookmarkHorizontal(self.key, 0, 0)
            self.canv.addOutlineEntry(self.outline, self.key, level=self.level, closed=False)
