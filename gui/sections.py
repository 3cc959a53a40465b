"""The window's sections (People, Organisations, ...) and which records each shows.

Declared once; the section list, the View menu, Ctrl+1..5 and "open this
record" all read it. Kept free of the store so the window can be drawn before
the catalog modules load.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from db.i18n import N_, _
from db.kinds import RecordKind
from gui.lazy import USER_ROLE

KEY_ROLE = USER_ROLE  # each item of the section list holds its section's key


class Section(NamedTuple):  # not a dataclass: the first frame need not import them
    key: str
    english_title: str  # marked for translation; shown through :attr:`title`
    kinds: tuple[RecordKind, ...]

    @property
    def title(self) -> str:
        """The section's name in the interface's language (``&&`` for a menu's ``&``)."""
        return _(self.english_title)


SECTIONS = (
    Section("people", N_("People"), (RecordKind.PERSON,)),
    Section("organisations", N_("Organisations"), (RecordKind.ORGANISATION,)),
    Section("places", N_("Cities && Pairings"),
            (RecordKind.PAIRING, RecordKind.CITY, RecordKind.PROGRAMME)),
    Section("delegations", N_("Delegations"), (RecordKind.DELEGATION,)),
    Section("events", N_("Events"), (RecordKind.EVENT,)),
)
SECTION_KEYS = tuple(s.key for s in SECTIONS)
_SECTION_OF = {kind.value: s.key for s in SECTIONS for kind in s.kinds}
_SECTION_OF[RecordKind.ENGAGEMENT.value] = "delegations"  # shown in its delegation


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
