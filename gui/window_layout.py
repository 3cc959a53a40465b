"""How the main window is laid out: banners on top, the sections down the left, the
pages beside them, the status line below; and the size it opens at.

The window must fit a 1024-pixel-wide screen in every language: nothing here
asks for a fixed width beyond the section list's (sized to its longest name).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _
from gui import APP_NAME, lazy
from gui import settings as registry
from gui.lazy import set_enum

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from db.catalog import Catalog
    from gui import banner, safety
    from gui.pages.section import SectionPage
    from gui.worker import Worker
else:  # the banners are hidden in the first frame: built after it (gui.lazy)
    banner, safety = lazy.module("gui.banner"), lazy.module("gui.safety")

DEFAULT_SIZE = (1280, 780)


def window_title(catalog_name: str) -> str:
    return f"{catalog_name} — {APP_NAME}"


class Banners(NamedTuple):
    read_only: safety.ReadOnlyBanner
    sample: banner.SampleBanner


def central_area(window: QMainWindow, sidebar: QWidget, stack: QStackedWidget) -> QVBoxLayout:
    """A row of the sidebar and the page stack (which shows "Opening the catalog…"
    until the pages are built); the banners go above it (:func:`add_banners`)."""
    opening_label = QLabel(_("Opening the catalog…"))
    set_enum(opening_label, "textFormat", "PlainText")
    opening_label.setObjectName("openingCatalog")
    set_enum(opening_label, "alignment", "AlignCenter")
    stack.addWidget(opening_label)
    central = QWidget(window)
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    row = QHBoxLayout()
    row.setContentsMargins(6, 6, 6, 0)
    row.setSpacing(6)
    row.addWidget(sidebar)
    row.addWidget(stack, 1)
    column.addLayout(row, 1)
    window.setCentralWidget(central)
    return column


def no_catalog(stack: QStackedWidget) -> None:
    """The page stack once no catalog could be opened: say so and how to open one,
    rather than "Opening the catalog…" forever."""
    label = stack.findChild(QLabel, "openingCatalog")
    if label is not None:
        label.setText(_("No catalog open. Choose File > Open Catalog… to open one, or "
                        "File > New Empty Catalog… to start one."))
        label.setWordWrap(True)
        stack.setCurrentWidget(label)


def add_banners(column: QBoxLayout) -> Banners:
    """The read-only and sample banners (both hidden until a catalog asks) on top of
    the window's *column*; made after the first frame, which shows neither."""
    parent = column.parentWidget()
    banners = Banners(safety.ReadOnlyBanner(parent), banner.SampleBanner(parent))
    column.insertWidget(0, banners.sample)
    column.insertWidget(0, banners.read_only)
    return banners


def status_line(window: QMainWindow) -> QLabel:
    """The status bar's message on the left (the totals join it on the right later)."""
    label = QLabel(_("Opening the catalog…"), window)
    set_enum(label, "textFormat", "PlainText")
    window.statusBar().addWidget(label, 1)
    return label


def restore_geometry(window: QMainWindow, settings: registry.Settings) -> None:
    """The size and place the window had when it was last closed (or the default)."""
    window.resize(*DEFAULT_SIZE)
    geometry = settings.value(registry.WINDOW_GEOMETRY)
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = settings.value(registry.WINDOW_STATE)
    if not state.isEmpty():
        window.restoreState(state)


def show_sample_banner(strip: banner.SampleBanner, worker: Worker, catalog: Catalog,
                       still_open: Callable[[Catalog], bool]) -> None:
    """The sample banner, once the worker has read whether *catalog* is the sample
    (and only if it is *still_open*: not a catalog since replaced)."""
    from db.sample import is_sample

    strip.set_sample(False)

    def shown(sample: bool) -> None:
        if still_open(catalog):
            strip.set_sample(sample)

    worker.submit(lambda: is_sample(catalog), shown)


def fold_details(pages: Iterable[SectionPage], shown: bool) -> None:
    """View > Detail Pane (F8): fold or unfold every section's detail pane."""
    for page in pages:
        page.show_detail(shown)


def sync_detail_action(action: QAction, page: SectionPage) -> None:
    """The View > Detail Pane check follows the page shown (folded by dragging too)."""
    with QSignalBlocker(action):
        action.setChecked(page.detail_shown())
