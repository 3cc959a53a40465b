"""Below the section list: "Upcoming" (the agenda) and the user's saved searches.

The window's sections are record lists (``gui.sections``); the agenda is a page
of another shape, and saved searches are not pages at all, so both live in a
second list under the sections rather than in that one. :func:`install` adds
the list, the agenda page and their wiring to a window in one call; picking an
entry here clears the section list's choice and back.

A saved search is its query text (field prefixes included: ``org:"Hanoi People's
Committee" year:2017``); choosing it types it into the search box again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from gui import lazy
from gui import settings as registry
from gui.lazy import USER_ROLE, set_enum
from gui.sections import KEY_ROLE, SECTION_KEYS

if TYPE_CHECKING:
    import json

    from PySide6.QtCore import Qt

    from db.catalog import Catalog
    from gui.changes import ChangeRouter
    from gui.pages.agenda import AgendaPage
    from gui.search_box import SearchBox
    from gui.worker import Worker
else:  # saved searches are read after the first frame (see gui.lazy)
    json = lazy.module("json")
    Qt = lazy.attribute("PySide6.QtCore", "Qt")  # not named before the first frame

ENTRY_ROLE = USER_ROLE + 7  # "agenda", or ("search", query)
AGENDA = "agenda"
MAX_SAVED = 30


class Host(Protocol):
    """What the sidebar needs of the main window (it is one)."""

    stack: QStackedWidget
    sections: QListWidget
    search_box: SearchBox
    router: ChangeRouter

    @property
    def worker(self) -> Worker: ...

    @property
    def pages(self) -> Mapping[str, QWidget]: ...

    @property
    def catalog(self) -> Catalog | None: ...
    def open_record(self, kind: str, record_id: int, *, remember: bool = True) -> None: ...


def saved_searches(settings: registry.Settings) -> list[str]:
    try:
        found = json.loads(settings.value(registry.SAVED_SEARCHES))
    except ValueError:
        return []
    return [str(q) for q in found if str(q).strip()] if isinstance(found, list) else []


class SidebarExtras(QListWidget):
    """"Upcoming", then a "Saved searches" heading and one row per saved query."""

    def __init__(self, settings: registry.Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebarExtras")
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setSpacing(2)
        set_enum(self, "textElideMode", "ElideMiddle")
        set_enum(self, "contextMenuPolicy", "CustomContextMenu")
        self.customContextMenuRequested.connect(self._menu)
        self._settings = settings
        self.run_search: Callable[[str], None] = lambda _query: None
        self.show_agenda: Callable[[], None] = lambda: None
        self.itemActivated.connect(self._chosen)
        self.itemClicked.connect(self._chosen)
        self.fill(saved=False)  # the saved searches join after the first frame (install)

    def fill(self, *, saved: bool = True) -> None:
        self.clear()
        upcoming = QListWidgetItem(_("Upcoming"))
        upcoming.setData(ENTRY_ROLE, AGENDA)
        upcoming.setSizeHint(QSize(150, 32))
        upcoming.setToolTip(_("Delegations and meetings of the coming weeks"))
        self.addItem(upcoming)
        queries = saved_searches(self._settings) if saved else []
        if queries:
            heading = QListWidgetItem(_("Saved searches"))
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            font = self.font()  # a copy (naming QFont would cost the first frame 1 ms)
            font.setBold(True)
            heading.setFont(font)
            self.addItem(heading)
        for query in queries:
            line = QListWidgetItem(query)
            line.setToolTip(query)
            line.setData(ENTRY_ROLE, ("search", query))
            self.addItem(line)

    def queries(self) -> list[str]:
        return saved_searches(self._settings)

    def save(self, query: str) -> None:
        """Keep *query* (once; the newest last), at most :data:`MAX_SAVED`."""
        query = " ".join(query.split())
        if not query:
            return
        kept = [q for q in saved_searches(self._settings) if q != query] + [query]
        self._settings.set_value(registry.SAVED_SEARCHES, json.dumps(kept[-MAX_SAVED:],
                                                                     ensure_ascii=False))
        self.fill()

    def remove(self, query: str) -> None:
        kept = [q for q in saved_searches(self._settings) if q != query]
        self._settings.set_value(registry.SAVED_SEARCHES, json.dumps(kept, ensure_ascii=False))
        self.fill()

    def _chosen(self, line: QListWidgetItem) -> None:
        entry = line.data(ENTRY_ROLE)
        if entry == AGENDA:
            self.show_agenda()
        elif isinstance(entry, tuple | list) and entry and entry[0] == "search":
            self.clearSelection()
            self.run_search(str(entry[1]))

    def _menu(self, point: QPoint) -> None:
        line = self.itemAt(point)
        entry = line.data(ENTRY_ROLE) if line is not None else None
        if not (isinstance(entry, tuple | list) and entry and entry[0] == "search"):
            return
        menu = QMenu(self)
        menu.addAction(_("Remove this saved search"), lambda: self.remove(str(entry[1])))
        menu.exec(self.mapToGlobal(point))


def build(sections: QListWidget, settings: registry.Settings) -> tuple[QWidget, SidebarExtras]:
    """The window's left column: the section list over the extras. Part of the first
    frame (it must already look like the app), so nothing here reads the store."""
    column = QWidget()
    column.setObjectName("sidebar")
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    extras = SidebarExtras(settings, column)
    extras.setFixedWidth(sections.maximumWidth())  # the section list's fixed width
    # The sections keep the height of their rows (no scroll bar); the extras take the rest.
    rows = sum(sections.sizeHintForRow(r) for r in range(sections.count()))
    sections.setFixedHeight(rows + 2 * sections.spacing() * sections.count()
                            + 2 * sections.frameWidth() + 2)
    layout.addWidget(sections, 0)
    layout.addWidget(extras, 1)
    return column, extras


def restore(sections: QListWidget, extras: SidebarExtras, settings: registry.Settings) -> bool:
    """Choose, in the first frame, the section (or Upcoming: then True) open at the last
    close; the pages follow once the store has loaded."""
    last = settings.value(registry.LAST_SECTION)
    sections.setCurrentRow(SECTION_KEYS.index(last) if last in SECTION_KEYS else 0)
    if last != AGENDA:
        return False
    settings.set_value(registry.LAST_SECTION, AGENDA)  # choosing the row remembered it
    sections.clearSelection()
    extras.setCurrentRow(0)
    return True


def install(window: Host, extras: SidebarExtras, settings: registry.Settings) -> AgendaPage:
    """Give the extras their pages: the agenda in *window*'s stack, and their wiring.

    Called once the store has loaded (the window is drawn first): the agenda page,
    which reads the store, is imported here, not when the window starts. Which of
    the section list and the extras shows is remembered for the next start."""
    from gui.pages.agenda import AgendaPage

    sections = window.sections
    extras.fill()
    page = AgendaPage(window.worker, lambda: window.catalog, window.stack)
    window.stack.addWidget(page)
    page.open_record.connect(lambda kind, rid: window.open_record(kind, rid))

    # The section list keeps its current row while the agenda shows (a list with no
    # current row takes its first one as soon as it gets focus); only its selection is
    # cleared, so choosing that section again selects it and brings its page back.
    def show_agenda() -> None:
        sections.clearSelection()
        window.stack.setCurrentWidget(page)
        extras.setCurrentRow(0)
        settings.set_value(registry.LAST_SECTION, AGENDA)

    def section_chosen() -> None:
        chosen = sections.selectedItems()
        if not chosen:
            return
        extras.clearSelection()
        key = chosen[0].data(KEY_ROLE)
        settings.set_value(registry.LAST_SECTION, key)
        if window.stack.currentWidget() is page and key in window.pages:
            window.stack.setCurrentWidget(window.pages[key])

    def run_search(query: str) -> None:
        window.search_box.run(query)

    extras.show_agenda = show_agenda
    extras.run_search = run_search
    sections.itemSelectionChanged.connect(section_chosen)
    window.search_box.save_requested.connect(extras.save)
    page.print_week.connect(lambda first: _print_week(window, settings, first))
    # An edit elsewhere (a visit confirmed, a head added) shows here at once.
    window.router.routed.connect(lambda _result: page.reload() if page.isVisible() else None)
    return page


def _print_week(window: Host, settings: registry.Settings, first: object) -> None:
    import datetime as dt

    from gui.preview import open_briefing

    catalog = window.catalog
    if catalog is None or not isinstance(first, dt.date):
        return
    classification = settings.value(registry.CLASSIFICATION).strip() or None
    parent = window.stack.window()
    open_briefing(parent, catalog, "week", first.toordinal(),
                  paper=settings.value(registry.PAPER_SIZE), classification=classification,
                  worker=window.worker)
