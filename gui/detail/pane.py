"""The detail pane and the small vocabulary renderers use to fill it.

Renderers describe a record as a header, facts, and sections of items; the
builder turns that into plain-text labels and link labels, skipping anything
empty, so every kind of record looks alike and no user text is ever markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from gui.detail.links import source_entry
from gui.widgets import LinkLabel, mute, plain_label, wrapping_policy

if TYPE_CHECKING:
    from db.reads import Ref

Value = str | Iterable["Ref"] | None  # or a Ref: anything with kind, id and label


class DetailPane(QScrollArea):
    link_activated = Signal(str, int)
    # "Add gift…" and the like: a new record of a kind, with values filled in (a dict).
    new_requested = Signal(str, object)
    # "Confirmed today…" on a title: the PositionView and the person's name.
    confirm_requested = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(280)  # with the list beside it, in a 1024-pixel window
        self.shown: tuple[str, int] | None = None
        self.placeholder(_("Select a record to see it here."))

    def placeholder(self, message: str) -> None:
        self.shown = None
        label = plain_label(message, selectable=False)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setEnabled(False)
        self.setWidget(label)

    def builder(self, kind: str, record_id: int) -> DetailBuilder:
        self.shown = (kind, record_id)
        return DetailBuilder(self)

    def title(self) -> str:
        """The heading of the record shown ("" when none)."""
        widget = self.widget()
        heading = widget.findChild(QLabel, "detailTitle") if widget is not None else None
        return heading.text() if heading is not None else ""

    def texts(self) -> list[str]:
        """Every text shown, in order (for tests and accessibility checks)."""
        widget = self.widget()
        if widget is None:
            return []
        return [label.text() for label in widget.findChildren(QLabel) if label.text()]

    def links(self) -> list[LinkLabel]:
        widget = self.widget()
        return list(widget.findChildren(LinkLabel)) if widget is not None else []


class DetailBuilder:
    def __init__(self, pane: DetailPane) -> None:
        self._pane = pane
        self._root = QWidget()
        self._layout = QVBoxLayout(self._root)
        self._layout.setContentsMargins(16, 12, 16, 16)
        self._layout.setSpacing(6)

    def _link(self, ref: Ref) -> LinkLabel:
        link = LinkLabel(ref.label, ref.kind, ref.id)
        link.setSizePolicy(wrapping_policy(True))
        link.activated.connect(self._pane.link_activated)
        return link

    def header(self, title: str, subtitle: str = "", picture: QPixmap | None = None,
               kind_label: str = "") -> None:
        row = QHBoxLayout()
        row.setSpacing(12)
        if picture is not None:
            image = QLabel()
            image.setTextFormat(Qt.TextFormat.PlainText)
            image.setPixmap(picture)
            image.setFixedSize(picture.size())
            row.addWidget(image, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        if kind_label:
            text.addWidget(mute(plain_label(kind_label.upper(), selectable=False, wrap=False)))
        heading = plain_label(title)
        heading.setObjectName("detailTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        text.addWidget(heading)
        if subtitle:
            text.addWidget(plain_label(subtitle))
        row.addLayout(text, 1)
        self._layout.addLayout(row)

    def facts(self, rows: Iterable[tuple[str, Value | Ref]]) -> None:
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, value in rows:
            widget = self._value(value)
            if widget is not None:
                form.addRow(mute(plain_label(name, selectable=False, wrap=False)), widget)
        if form.rowCount():
            self._layout.addLayout(form)

    def _value(self, value: Value | Ref) -> QWidget | None:
        if value is None or value == "":
            return None
        if isinstance(value, str):
            return plain_label(value)
        if hasattr(value, "label") and hasattr(value, "kind"):
            return self._link(value)  # type: ignore[arg-type]  # a Ref, by its attributes
        refs = list(value)
        if not refs:
            return None
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for ref in refs:
            column.addWidget(self._link(ref))
        return box

    def section(self, title: str, count: int | None = None) -> None:
        label = plain_label(title if count is None else f"{title} ({count})", selectable=False,
                            wrap=False)
        font = label.font()
        font.setBold(True)
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        label.setFont(font)
        label.setContentsMargins(0, 10, 0, 2)
        self._layout.addWidget(label)

    def item(self, main: str | Ref, detail: str = "") -> None:
        """One entry: the record (a link) on its line, what it says about it below."""
        entry = QVBoxLayout()
        entry.setSpacing(0)
        entry.setContentsMargins(0, 0, 0, 4)
        entry.addWidget(plain_label(main) if isinstance(main, str) else self._link(main))
        if detail:
            entry.addWidget(mute(plain_label(detail)))
        self._layout.addLayout(entry)

    def items(self, title: str, entries: Iterable[tuple[str | Ref, str]]) -> None:
        """A section of items, left out entirely when there are none."""
        listed = list(entries)
        if listed:
            self.section(title, len(listed))
            for main, detail in listed:
                self.item(main, detail)

    @property
    def pane(self) -> DetailPane:
        return self._pane

    def button(self, text: str, name: str, on_click: Callable[[], object]) -> QPushButton:
        """A button on its own line ("Add gift…", "Confirmed today…")."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda _checked=False: on_click())
        row = QHBoxLayout()
        row.addWidget(button)
        row.addStretch(1)
        self._layout.addLayout(row)
        return button

    def widget(self, widget: QWidget) -> None:
        """A ready-made widget (the change history table)."""
        self._layout.addWidget(widget)

    def source(self, title: str, detail: str, address: str | None) -> None:
        """A source; its address opens after a question (gui.detail.links)."""
        self._layout.addWidget(source_entry(title, detail, address))

    def paragraph(self, title: str, text: str | None) -> None:
        if text:
            self.section(title)
            self._layout.addWidget(plain_label(text))

    def finish(self) -> None:
        self._layout.addStretch(1)
        self._pane.setWidget(self._root)
