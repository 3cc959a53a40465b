"""Back/forward across opened records, like a browser (Alt+Left / Alt+Right)."""

from __future__ import annotations

from dataclasses import dataclass


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
