"""Opening records where they are shown, and back/forward across them like a browser.

Records are opened in one place, :meth:`Navigator.open`, whether from a list, a
link in a detail pane, the search box, or Back/Forward (Alt+Left / Alt+Right):
the record's section comes to the front, its list highlights it, and the
section's detail pane shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from db.kinds import RecordKind
from gui.sections import section_of

if TYPE_CHECKING:
    from db.catalog import Catalog
    from db.detail_reads import Loaded
    from gui.detail.loader import DetailLoader
    from gui.pages.section import SectionPage


@dataclass(frozen=True)
class Place:
    kind: str
    id: int


class History:
    """Places visited, with a cursor; opening a new place drops the forward part."""

    def __init__(self, limit: int = 200) -> None:
        self._places: list[Place] = []
        self._cursor = -1
        self._limit = limit

    @property
    def current(self) -> Place | None:
        return self._places[self._cursor] if self._cursor >= 0 else None

    def visit(self, place: Place) -> None:
        if place == self.current:
            return
        del self._places[self._cursor + 1:]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._cursor = len(self._places) - 1

    def can_go_back(self) -> bool:
        return self._cursor > 0

    def can_go_forward(self) -> bool:
        return self._cursor < len(self._places) - 1

    def back(self) -> Place | None:
        if not self.can_go_back():
            return None
        self._cursor -= 1
        return self.current

    def forward(self) -> Place | None:
        if not self.can_go_forward():
            return None
        self._cursor += 1
        return self.current

    def forget(self, place: Place) -> None:
        """Drop a deleted record from the history."""
        current = self.current
        self._places = [p for p in self._places if p != place]
        self._cursor = (self._places.index(current) if current in self._places
                        else len(self._places) - 1)


class Host(Protocol):
    """What the navigator needs from the window."""

    @property
    def catalog(self) -> Catalog | None: ...
    @property
    def pages(self) -> Mapping[str, SectionPage]: ...
    def show_section(self, key: str) -> None: ...


class Navigator:
    """Shows records in their section's detail pane and remembers them for Back;
    *moved* hears whether Back and Forward can go anywhere after each step."""

    def __init__(self, host: Host, detail: DetailLoader,
                 moved: Callable[[bool, bool], None]) -> None:
        self._host = host
        self._detail = detail
        self._moved = moved
        self.history = History()
        detail.vanished.connect(self._vanished)
        detail.arrived.connect(self._arrived)

    def reset(self) -> None:
        """Another catalog: nothing to go back to."""
        self.history = History()
        self._detail.clear()
        self._announce()

    def open(self, kind: str, record_id: int, *, remember: bool = True) -> None:
        """Show a record in its section's detail pane (and remember it for Back)."""
        section = section_of(kind)
        catalog = self._host.catalog
        if section is None or catalog is None:
            return
        self._host.show_section(section)
        page = self._host.pages[section]
        panel = page.show_panel(RecordKind(kind))
        if panel is not None:
            panel.ensure_loaded()
            panel.select_record(record_id)
        if remember:
            self.history.visit(Place(kind, record_id))
        self._announce()
        self._detail.load(catalog, page.detail, kind, record_id)

    def back(self) -> None:
        place = self.history.back()
        if place is not None:
            self.open(place.kind, place.id, remember=False)

    def forward(self) -> None:
        place = self.history.forward()
        if place is not None:
            self.open(place.kind, place.id, remember=False)

    def _arrived(self, loaded: Loaded) -> None:
        """A meeting has no list of its own: its delegation's row is highlighted, so
        the list shows where the meeting shown belongs (never another delegation)."""
        if loaded.kind != RecordKind.ENGAGEMENT.value:
            return
        section = section_of(RecordKind.DELEGATION.value)
        page = self._host.pages.get(section or "")
        panel = page.show_panel(RecordKind.DELEGATION) if page is not None else None
        if panel is not None:
            panel.select_record(loaded.view.delegation.id)

    def _vanished(self, kind: str, record_id: int) -> None:
        self.history.forget(Place(kind, record_id))
        self._announce()

    def _announce(self) -> None:
        self._moved(self.history.can_go_back(), self.history.can_go_forward())
