"""A country field: one of ISO 3166's countries, named in the interface language.

Its own module because it is the one field that reads a reference list (pycountry)
and names countries through CLDR (``Hàn Quốc`` in Vietnamese, ``South Korea`` in
English), the same words the detail pane and the lists show.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pycountry
from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from db.bilingual import country_label
from db.folding import fold
from db.i18n import _
from gui.forms.fields import FieldWidget


class CountryField(FieldWidget):
    """A country from the ISO 3166 list, chosen by typing any part of its name.

    The value is the catalog's country id, or a ``db.ops.CountryCode`` for a country
    the catalog does not hold yet (the save adds it).
    """

    def __init__(self, name: str, known: Mapping[str, int],
                 parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self._known = dict(known)
        self._codes = {cid: code for code, cid in self._known.items()}
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"combo_{name}")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItem("", None)
        entries = sorted(
            ((country_label(str(c.alpha_2), str(getattr(c, "common_name", None) or c.name)),
              str(c.alpha_2))
             for c in pycountry.countries), key=lambda item: fold(item[0]))
        for label, code in entries:
            self.combo.addItem(f"{label} ({code})", code)
        completer = QCompleter(self.combo.model(), self.combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.combo.setCompleter(completer)
        self.combo.setMinimumContentsLength(24)
        self.combo.currentIndexChanged.connect(self.changed)
        self.combo.editTextChanged.connect(self.changed)
        self._layout.addWidget(self.combo)
        self._layout.addStretch(1)

    def input(self) -> QWidget:
        return self.combo

    def code(self) -> str | None:
        text = self.combo.currentText().strip()
        if not text:
            return None
        index = self.combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return None
        data = self.combo.itemData(index)
        return str(data) if data else None

    def value(self) -> Any:
        from db.ops import CountryCode  # the write side loads with the first form, not at start

        code = self.code()
        if code is None:
            return None
        return self._known.get(code, CountryCode(code))

    def set_value(self, value: Any) -> None:
        code = getattr(value, "code", None) or self._codes.get(value)
        with QSignalBlocker(self.combo):
            index = self.combo.findData(code) if code else 0
            self.combo.setCurrentIndex(max(index, 0))
            self.combo.setEditText(self.combo.itemText(max(index, 0)))
        self.changed.emit()

    def own_error(self) -> str | None:
        if self.combo.currentText().strip() and self.code() is None:
            return _("Choose a country from the list.")
        return None

    def display(self, value: Any) -> str:
        code = getattr(value, "code", None) or self._codes.get(value)
        index = self.combo.findData(code) if code else -1
        return self.combo.itemText(index) if index > 0 else "—"
