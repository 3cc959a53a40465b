"""One typed settings registry over QSettings.

Every setting is declared here once with its key, type and default; code asks
``settings.value(WINDOW_GEOMETRY)`` instead of spelling keys at each use.
Per-list and per-section settings come from the small factories below, so
their keys are spelled in one place too.
"""

from __future__ import annotations

from typing import Generic, NamedTuple, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


class Setting(NamedTuple, Generic[T]):  # no dataclass: the first frame reads settings
    key: str
    type: type[T]
    default: T


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())
LAST_SECTION = Setting("window/section", str, "people")
PAPER_SIZE = Setting("briefing/paper", str, "a4")
CLASSIFICATION = Setting("briefing/classification", str, "")
# "" follows the system; "en" or "vi" is the user's choice in Preferences > Language.
LANGUAGE = Setting("ui/language", str, "")
# The catalogs opened last, newest first, as a JSON list of paths (File > Open Recent).
RECENT_CATALOGS = Setting("catalogs/recent", str, "[]")
# Searches kept in the sidebar (gui.sidebar), in the order saved, as a JSON list of queries.
SAVED_SEARCHES = Setting("search/saved", str, "[]")


def header_state(kind: str) -> Setting[QByteArray]:
    """A list's column order, widths and visibility."""
    return Setting(f"lists/{kind}/header", QByteArray, QByteArray())


def splitter_state(section: str) -> Setting[QByteArray]:
    """How a section splits its list and detail pane."""
    return Setting(f"sections/{section}/splitter", QByteArray, QByteArray())


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

    def sync(self) -> None:
        self._store.sync()
