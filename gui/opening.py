"""Opening catalogs from the window: first start, File > Open, backups and restores.

Every catalog opens on the database worker, the window painting meanwhile (an
old catalog's upgrade, with its backup first, may take seconds): at start-up
after the first frame, and from File > Open, Open Recent and New Empty Catalog,
whose caller waits for the answer (:meth:`Worker.call`) while the window paints
and holds back the user's input. A damaged catalog is set aside and a backup
offered; the daily backup runs on the worker, off the first screen. The window
is reached through :class:`CatalogHost` only, so this module and the window do
not import each other.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QFileDialog, QWidget

from db import i18n
from db.i18n import _
from gui import settings as registry

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from db.catalog import Catalog
    from gui.worker import Worker


class CatalogHost(Protocol):
    """What opening a catalog needs from the window."""

    catalog: Catalog | None
    closed: bool  # the window was closed (a catalog arriving then is closed at once)

    @property
    def worker(self) -> Worker: ...

    @property
    def watch(self) -> QTimer: ...  # read-only: the window's may be a QTimer subclass

    def show_catalog(self, catalog: Catalog) -> None: ...
    def show_problem(self, message: str, *, keep_catalog: bool = False) -> None: ...
    def show_status(self, text: str) -> None: ...
    def export_file(self) -> None: ...


def open_catalog(window: CatalogHost, parent: QWidget, target: str, *, default: bool) -> None:
    """Open (or on first start create) the catalog on the worker, the window painting
    meanwhile, and show it when it arrives; a damaged one is set aside and a backup
    offered; the daily backup then runs on the worker, off the first screen."""
    window.worker.submit(lambda: _open_or_create(target, default=default),
                         lambda catalog: _arrived(window, parent, catalog),
                         lambda error: _not_opened(window, parent, error, offer_restore=True))


def _open_or_create(target: str, *, default: bool) -> Catalog:
    """On the worker: the catalog at *target* (on first start, the sample made there)."""
    from db.catalog import create_catalog
    from db.catalog import open_catalog as open_file

    i18n.load_formats()  # here, before the window and the worker both write dates and numbers
    if default and not Path(target).exists():
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        return create_catalog(target, sample=True)
    return open_file(target, daily_backup=False)


def _arrived(window: CatalogHost, parent: QWidget, catalog: Catalog) -> None:
    from gui import safety

    if window.closed:  # the window closed while the catalog was opening
        catalog.close()
        return
    window.show_catalog(catalog)
    safety.warn_network_filesystem(parent, catalog)
    start_daily_backup(window, parent, catalog)


def _not_opened(window: CatalogHost, parent: QWidget, error: Exception, *,
                offer_restore: bool) -> None:
    """Say why the catalog did not open; a damaged one: offer its newest good backup
    (once: a restored copy that fails too is reported)."""
    from db.catalog import DamagedCatalogError
    from gui import safety

    if window.closed:
        return
    if offer_restore and isinstance(error, DamagedCatalogError):
        restored = safety.offer_restore_after_damage(parent, error)
        if restored is not None:
            window.worker.submit(
                lambda: _open_or_create(str(restored), default=False),
                lambda catalog: _arrived(window, parent, catalog),
                lambda again: _not_opened(window, parent, again, offer_restore=False))
            return
    window.show_problem(str(error))  # what to do; anything unforeseen is in the log too


def start_daily_backup(window: CatalogHost, parent: QWidget, catalog: Catalog) -> None:
    """At most one verified backup a day (0.7 s on 100,000 people): on the worker."""
    from db import backup
    from gui import safety

    def failed(error: Exception) -> None:
        catalog.backup_problem = _("The automatic backup failed: {error}").format(error=error)
        safety.warn_backup_failed(parent, catalog)

    window.worker.submit(lambda: backup.backup_if_due(catalog), lambda _info: None, failed)


def choose_catalog(window: CatalogHost, parent: QWidget) -> None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _("Open Catalog"), "", _("Liaison catalogs (*.liaison);;All files (*)"))
    if path:
        open_catalog_file(window, parent, path)


def open_catalog_file(window: CatalogHost, parent: QWidget, path: str) -> bool:
    """Switch to another catalog (opened on the worker); on refusal the current one
    stays open."""
    from db.catalog import CatalogError
    from db.catalog import open_catalog as open_file

    def open_chosen() -> Catalog:
        i18n.load_formats()  # (at once if loaded: see _open_or_create)
        return open_file(path)

    try:
        catalog = window.worker.call(open_chosen)
    except (CatalogError, OSError) as exc:
        window.show_problem(str(exc), keep_catalog=True)
        return False
    switch_to(window, parent, catalog)
    return True


def new_empty_catalog(window: CatalogHost, parent: QWidget) -> bool:
    """File > New Empty Catalog…: make an empty catalog where the user says and open it
    in place of the current one (which stays open if the new one cannot be made)."""
    from db.catalog import CatalogError, create_catalog

    path, _filter = QFileDialog.getSaveFileName(
        parent, _("New Empty Catalog"), "", _("Liaison catalogs (*.liaison)"))
    if not path:
        return False
    if not Path(path).suffix:
        path += ".liaison"

    def create_chosen() -> Catalog:
        i18n.load_formats()
        return create_catalog(path, sample=False)

    try:
        catalog = window.worker.call(create_chosen)
    except (CatalogError, OSError) as exc:
        window.show_problem(str(exc), keep_catalog=True)
        return False
    switch_to(window, parent, catalog)
    return True


def switch_to(window: CatalogHost, parent: QWidget, catalog: Catalog) -> None:
    """Show *catalog* in the window and close the one it replaces."""
    from gui import safety

    previous = window.catalog
    window.show_catalog(catalog)
    if previous is not None:
        previous.close()
    safety.warn_network_filesystem(parent, catalog)
    start_daily_backup(window, parent, catalog)


RECENT_LIMIT = 6


def recent_catalogs(settings: registry.Settings) -> list[str]:
    """The catalogs opened last, newest first (a damaged setting reads as none)."""
    try:
        paths = json.loads(settings.value(registry.RECENT_CATALOGS))
    except ValueError:
        return []
    if not isinstance(paths, list):
        return []
    return [path for path in paths if isinstance(path, str)][:RECENT_LIMIT]


def remember_recent(settings: registry.Settings, path: Path) -> None:
    """Put *path* first in File > Open Recent."""
    wanted = str(path.resolve())
    paths = [wanted, *(p for p in recent_catalogs(settings) if p != wanted)]
    settings.set_value(registry.RECENT_CATALOGS, json.dumps(paths[:RECENT_LIMIT]))


def back_up_now(window: CatalogHost, parent: QWidget | None = None) -> None:
    catalog = window.catalog
    if catalog is None:
        return
    if catalog.path is None:  # a shared database: its server keeps the backups
        from gui import server_backups

        if server_backups.explain(parent, catalog.name):
            window.export_file()
        return
    from db import backup

    window.show_status(_("Backing up…"))
    window.worker.submit(
        lambda: backup.backup_now(catalog, "manual"),
        lambda info: window.show_status(_("Backed up to {file}").format(file=info.path.name)),
        lambda error: window.show_problem(_("The backup failed: {error}").format(error=error),
                                          keep_catalog=True))


def restore_from_backup(window: CatalogHost, parent: QWidget) -> None:
    catalog = window.catalog
    if catalog is None:
        return
    if catalog.path is None:  # a shared database: only its server restores it
        from gui import server_backups

        if server_backups.explain(parent, catalog.name, restore=True):
            window.export_file()
        return
    from gui import safety

    path = catalog.path
    chosen = safety.choose_backup(parent, path)
    if chosen is None:
        return
    window.watch.stop()
    catalog.close()
    restored = safety.restore_backup(parent, path, chosen)
    window.catalog = None
    if not open_catalog_file(window, parent, str(path)) and restored:
        window.show_problem(
            _("The restored catalog {file} could not be opened.").format(file=path.name))
