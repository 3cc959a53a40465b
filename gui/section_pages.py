"""The sections' pages (a list panel per kind over a detail pane), built once the store
has loaded: the first frame shows "Opening the catalog…" in their place.

The window is reached through :class:`Host` only, so this module and the window
do not import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QStackedWidget

from db.kinds import RecordKind
from gui import settings as registry
from gui.detail.pane import DetailPane
from gui.pages.section import ListPanel, SectionPage
from gui.sections import SECTIONS

if TYPE_CHECKING:
    from gui.changes import ChangeRouter
    from gui.problems import Problems
    from gui.worker import Worker


class Host(Protocol):
    """What the pages need of the main window (it is one)."""

    stack: QStackedWidget
    router: ChangeRouter
    problems: Problems

    @property
    def worker(self) -> Worker: ...

    def open_record(self, kind: str, record_id: int, *, remember: bool = True) -> None: ...
    def edit_from_list(self, kind: str, record_id: int) -> None: ...
    def new_linked(self, kind: str, values: dict[str, object]) -> None: ...
    def confirm_title(self, position: object, person: str) -> None: ...
    def update_status(self) -> None: ...
    def sync_detail_action(self) -> None: ...


def build(window: Host, settings: registry.Settings,
          pages: dict[str, SectionPage], panels: dict[RecordKind, ListPanel]) -> None:
    """Fill *pages* and *panels* (the window's) and put each page in the window's stack."""
    for section in SECTIONS:
        shown = []
        for kind in section.kinds:
            panel = ListPanel(kind, window.worker, settings, window.stack)
            panel.record_selected.connect(window.open_record)
            panel.edit_requested.connect(window.edit_from_list)
            panel.counts_changed.connect(window.update_status)
            panel.problem.connect(window.problems.background)
            panel.follow(window.router)
            panels[kind] = panel
            shown.append(panel)
        detail = DetailPane(window.stack)
        detail.link_activated.connect(window.open_record)
        detail.new_requested.connect(window.new_linked)
        detail.confirm_requested.connect(window.confirm_title)
        page = SectionPage(section.key, shown, detail, settings, window.stack)
        page.splitter.splitterMoved.connect(window.sync_detail_action)
        pages[section.key] = page
        window.stack.addWidget(page)
