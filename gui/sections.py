"""The window's sections (People, Organisations, ...) and which records each shows.

Declared once; the section list, the View menu, Ctrl+1..5 and "open this
record" all read it. Kept free of the store so the window can be drawn before
the catalog modules load; its kinds are named by their values (``"person"``),
and :mod:`db.kinds`, whose twenty enums cost a start 2 ms, loads after the
first frame, when :attr:`Section.kinds` is first read (issue 16).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from db.i18n import N_, _
from gui import lazy
from gui.lazy import USER_ROLE

if TYPE_CHECKING:
    from db import kinds
    from db.kinds import RecordKind
else:
    kinds = lazy.module("db.kinds")

KEY_ROLE = USER_ROLE  # each item of the section list holds its section's key


class Section(NamedTuple):  # not a dataclass: the first frame need not import them
    key: str
    english_title: str  # marked for translation; shown through :attr:`title`
    kind_values: tuple[str, ...]  # the RecordKind values of what it lists, in order

    @property
    def kinds(self) -> tuple[RecordKind, ...]:
        return tuple(map(kinds.RecordKind, self.kind_values))

    @property
    def title(self) -> str:
        """The section's name in the interface's language (``&&`` for a menu's ``&``)."""
        return _(self.english_title)


SECTIONS = (
    Section("people", N_("People"), ("person",)),
    Section("organisations", N_("Organisations"), ("organisation",)),
    Section("places", N_("Cities && Pairings"), ("pairing", "city", "programme")),
    Section("delegations", N_("Delegations"), ("delegation",)),
    Section("events", N_("Events"), ("event",)),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)
_SECTION_OF = {kind: s.key for s in SECTIONS for kind in s.kind_values}
_SECTION_OF["engagement"] = "delegations"  # a meeting is shown in its delegation


def section_of(kind: str) -> str | None:
    """The section that shows records of *kind* (None: not a browsable kind)."""
    return _SECTION_OF.get(kind)


def section_list(parent: QWidget) -> QListWidget:
    """The list of sections down the window's left side (each item's data: its key)."""
    sections = QListWidget(parent)
    sections.setObjectName("sections")
    sections.setFrameShape(QListWidget.Shape.NoFrame)
    sections.setSpacing(2)
    for section in SECTIONS:
        item = QListWidgetItem(section.title.replace("&&", "&"))
        item.setData(KEY_ROLE, section.key)
        item.setSizeHint(QSize(150, 32))
        sections.addItem(item)
    sections.setFixedWidth(max(sections.sizeHintForColumn(0) + 24, 160))
    return sections
