"""One filter of a list: a combo of choices (or, for posts, a title box and a tense
combo). Each combo is as wide as the choice that does not filter ("Any
organisation", "Mọi quốc tịch"), so the word that says what it filters is never
clipped in either language, and no wider: a list with four filters still fits a
1024-pixel window beside its detail pane. The list that drops down is as wide
as the longest choice."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from db.i18n import _
from gui.pages.filters import Choices, FilterSpec


class FilterBox(QWidget):
    """One filter: a combo of choices (or, for posts, a title box and a tense combo)."""

    changed = Signal(str, object)

    def __init__(self, spec: FilterSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.combo = QComboBox(self)
        self.combo.setObjectName(f"filter_{spec.name}")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMaxVisibleItems(20)
        self.title_box: QLineEdit | None = None
        if spec.post:
            self.title_box = QLineEdit(self)
            self.title_box.setObjectName("filter_post_title")
            self.title_box.setPlaceholderText(_("Post held, e.g. Chairman"))
            self.title_box.setMinimumWidth(100)
            self.title_box.setClearButtonEnabled(True)
            self.title_box.textChanged.connect(self._emit)
            layout.addWidget(self.title_box)
        else:
            self.combo.setEditable(True)
            self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = self.combo.completer()
            if completer is not None:
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCompletionMode(completer.CompletionMode.PopupCompletion)
        layout.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(self._emit)
        self.set_choices([])

    def set_choices(self, choices: Choices) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        if not self.spec.post:
            self.combo.addItem(_(self.spec.any_text), None)
        for value, label in choices:
            self.combo.addItem(label, value)
        self.combo.setCurrentIndex(0)
        self._fit()
        edit = self.combo.lineEdit()
        if edit is not None:
            edit.setCursorPosition(0)  # a narrow combo shows its words' start, not their end
        self.combo.blockSignals(False)

    def _fit(self) -> None:
        """Wide enough for the first choice ("Any organisation"; for posts, every tense),
        however long the catalog's names are; the popup shows the longest whole."""
        count = self.combo.count()
        texts = [self.combo.itemText(i) for i in range(count if self.spec.post else 1)]
        metrics = self.combo.fontMetrics()
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        # Qt sizes the box by a count of "x" widths (AdjustToMinimumContentsLength...).
        self.combo.setMinimumContentsLength(
            max(4, math.ceil(widest / max(1, metrics.horizontalAdvance("x"))) + 1))
        view = self.combo.view()
        longest = max((metrics.horizontalAdvance(self.combo.itemText(i))
                       for i in range(count)), default=0)
        view.setMinimumWidth(longest + 2 * metrics.horizontalAdvance("M"))

    def value(self) -> Any:
        data = self.combo.currentData()
        if self.title_box is not None:
            title = self.title_box.text().strip()
            return (data or "any", title) if title else None
        return data

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.spec.name, self.value())
