"""Offer to split a pasted name ("H.E. Mrs Cecilia Piccioni") into the person's fields.

Typing adds a character at a time; a paste (or an input method committing a
phrase) inserts several words at once. When that happens in a name field, an
inline bar offers the split found by :func:`db.names_parse.split_name`, in the
right order for Vietnamese and Korean names. Nothing changes until the user
clicks "Split"; "Keep as typed" leaves the text alone. When the splitter is
unsure (an unknown family name, a name both Korean and Vietnamese), the bar
says why and asks, and "Split" becomes "Split anyway".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from db.i18n import _
from db.names_parse import NameSplit, split_name
from gui.forms.fields import LineField


def inserted_text(before: str, after: str) -> str:
    """The text one edit inserted (what differs between the common prefix and suffix)."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end = 0
    while (end < min(len(before), len(after)) - start
           and before[len(before) - 1 - end] == after[len(after) - 1 - end]):
        end += 1
    return after[start: len(after) - end]


def describe(split: NameSplit) -> str:
    """The offer in words, with the splitter's doubts first when it is unsure."""
    parts = []
    if split.honorific:
        parts.append(_("honorific “{text}”").format(text=split.honorific))
    if split.title:
        parts.append(_("title “{title}” (form of address “{address}”)").format(
            title=split.title, address=split.form_of_address()))
    if split.given_names:
        parts.append(_("given names “{text}”").format(text=split.given_names))
    parts.append(_("family name “{text}”").format(text=split.family_name))
    if split.aliases:
        parts.append(_("also known as {names}").format(
            names=", ".join(f"“{a}”" for a in split.aliases)))
    if split.suffix:
        parts.append(_("degrees “{text}” (not kept)").format(text=split.suffix))
    order = {"family_first": _("family name first"), "given_first": _("given name first"),
             "mononym": _("one name")}.get(split.name_order, split.name_order)
    offer = _("Split into {parts}, written {order}?").format(parts=", ".join(parts), order=order)
    if not split.sure:
        return _("Not sure: {doubts} Please check. {offer}").format(
            doubts=" ".join(split.doubts), offer=offer)
    return offer


class NameSplitOffer(QFrame):
    """The inline offer under the name fields."""

    accepted = Signal(object)  # NameSplit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nameSplitOffer")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.split: NameSplit | None = None
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.split_button = QPushButton(_("Split"), self)
        self.split_button.setObjectName("splitName")
        self.keep_button = QPushButton(_("Keep as typed"), self)
        self.keep_button.setObjectName("keepName")
        self.split_button.clicked.connect(self._accept)
        self.keep_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.addWidget(self.text, 1)
        row.addWidget(self.split_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.keep_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def offer(self, split: NameSplit) -> None:
        self.split = split
        self.text.setText(describe(split))
        self.split_button.setText("Split" if split.sure else "Split anyway")
        self.setProperty("unsure", not split.sure)
        self.show()

    def _accept(self) -> None:
        self.hide()
        if self.split is not None:
            self.accepted.emit(self.split)


class NameField(LineField):
    """A name line that notices when several words arrive in one edit (a paste)."""

    several_words = Signal(str)  # the whole text after the insertion

    def __init__(self, name: str, *, placeholder: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(name, placeholder=placeholder, parent=parent)
        self._previous = ""
        self.edit.textEdited.connect(self._edited)

    def set_value(self, value: object) -> None:
        super().set_value(value)
        self._previous = self.edit.text()

    def _edited(self, text: str) -> None:
        chunk = inserted_text(self._previous, text)
        self._previous = text
        if len(chunk.split()) >= 2:
            self.several_words.emit(text)


def watch_for_pasted_names(fields: list[NameField], offer: NameSplitOffer,
                           worth_offering: Callable[[NameSplit], bool] | None = None) -> None:
    """Show *offer* when several words arrive at once in one of *fields*."""

    def arrived(text: str) -> None:
        split = split_name(text)
        if split is None or not (split.given_names or split.honorific or split.title
                                 or split.aliases):
            return
        if worth_offering is None or worth_offering(split):
            offer.offer(split)

    for field in fields:
        field.several_words.connect(arrived)
