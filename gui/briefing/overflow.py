"""Text too long for where a sheet puts it: cut where it fits, printed in full at the end.

A table row must fit on one page to be drawn well (ReportLab can split a tall row,
but not every cell, and a 50,000-character CV pasted into a member note makes the
whole sheet fail). A heading, a name in a title block or a title in a person's
lines cannot split at all. So user text placed in such spots is cut at a word
boundary after a fixed number of characters, with a visible pointer, and the whole
text is printed under "Continued text" at the end of the sheet, where ordinary
paragraphs flow across as many pages as they need.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db.i18n import N_, _
from gui.briefing.text import clean, esc

CELL_LIMIT = 1_500  # characters of user text a table cell holds before it is continued
LINE_LIMIT = 300  # a name, a title, an organisation on a person's lines
HEADING_LIMIT = 160  # a section heading or a sheet title
SECTION_TITLE = N_("Continued text")  # translated where it is printed


@dataclass
class Overflow:
    """The texts cut on one sheet (or one pack), in the order they were cut."""

    items: list[tuple[str, str]] = field(default_factory=list)  # (what it is, full text)

    def _cut(self, value: str, what: str, limit: int) -> tuple[str, int] | None:
        if len(value) <= limit:
            return None
        head = value[:limit]
        if " " in head[limit // 2:]:
            head = head.rsplit(" ", 1)[0]
        self.items.append((what, value))
        return head.rstrip(), len(self.items)

    def markup(self, text: str | None, what: str, limit: int = CELL_LIMIT) -> str:
        """Escaped markup of *text*, cut after about *limit* characters if longer."""
        value = clean(text)
        found = self._cut(value, what, limit)
        if found is None:
            return esc(value)
        head, number = found
        pointer = _("(continued in full under “{section}”, item {number})").format(
            section=_(SECTION_TITLE), number=number)
        return f"{esc(head)}… <i>{esc(pointer)}</i>"

    def plain(self, text: str | None, what: str, limit: int = LINE_LIMIT) -> str:
        """Plain text (for TextLines and canvas strings), cut the same way."""
        value = clean(text)
        found = self._cut(value, what, limit)
        if found is None:
            return value
        head, number = found
        return f"{head}… " + _("(continued under “{section}”, item {number})").format(
            section=_(SECTION_TITLE), number=number)


def short(text: str | None, limit: int = HEADING_LIMIT) -> str:
    """Plain text cut to *limit* characters with an ellipsis: for headings and running
    heads, where the full text is printed elsewhere on the sheet."""
    value = clean(text).replace("\n", " ")
    if len(value) <= limit:
        return value
    head = value[:limit]
    if " " in head[limit // 2:]:
        head = head.rsplit(" ", 1)[0]
    return head.rstrip() + "…"
