"""One typed settings registry over QSettings.

Every setting is declared once here with its key, type and default; code asks
``settings.value(WINDOW_GEOMETRY)`` instead of spelling keys at each use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
LAST_CATALOG = Setting("catalog/last", str, "")


class Settings:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings("Liaison", "Liaison")

    def value(self, setting: Setting[T]) -> T:
        raw = self._store.value(setting.key, setting.default)
        if isinstance(raw, setting.type):
            return raw
        try:
            return setting.type(raw)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return setting.default

    def set_value(self, setting: Setting[T], value: T) -> None:
        self._store.setValue(setting.key, value)
