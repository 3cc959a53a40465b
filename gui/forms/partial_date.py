"""A date field that also takes a month or a year alone: a person's birth date.

Officials' birth dates are often published as a year ("sinh năm 1965"). The field
takes what :class:`~gui.forms.fields.DateField` takes (``14/03/1965``, ``14 tháng 3
năm 1965``, the calendar) and also ``03/1965``, ``March 1965``, ``tháng 3 năm 1965``
and ``1965``; it holds the stored form (``1965-03-14``, ``1965-03``, ``1965``, see
:mod:`db.partial_dates`) and shows it day first.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from db import partial_dates
from db.i18n import _, format_date
from gui.forms.fields import DateField


class PartialDateField(DateField):
    """A day, a month or a year; text that is none of them is left for validation."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(name, parent)
        self.edit.setPlaceholderText(_("dd/mm/yyyy, mm/yyyy or yyyy"))

    def parse(self, text: str) -> Any:
        return partial_dates.parse(text)

    def format(self, value: Any) -> str:
        if isinstance(value, dt.date):  # picked from the calendar
            return format_date(value, "short")
        stored = partial_dates.iso(value) if isinstance(value, str) else None
        if stored is None:
            return "" if value is None else str(value)
        if len(stored) == len("1965-03-14"):
            return format_date(dt.date.fromisoformat(stored), "short")
        if len(stored) == len("1965-03"):
            return f"{stored[5:]}/{stored[:4]}"
        return stored

    def display(self, value: Any) -> str:
        return partial_dates.phrase(value) if isinstance(value, str) and value else "—"
