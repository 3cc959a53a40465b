"""A server catalog that needs an upgrade the app cannot make: the connection works, so
the message says what happened (cannot upgrade, newer version) and whom to ask, never
"Cannot connect…"."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from db import schema
from db.catalog import CatalogError, NewerCatalogError, open_catalog
from gui import app as app_module
from gui.main_window import MainWindow
from tests.gui.helpers import close_window, settings_in
from tests.office.pgserver import PgServer

# A format whose next migration changes tables (0011 adds the protocol columns): a login
# without rights to ALTER cannot make it, and running it again over the finished tables
# fails on the server. (A later migration that only rebuilds the search index would
# succeed with an editor's rights, so "the newest but one" is not the format to use.)
OLDER = "0010"
SHOTS = os.environ.get("LIAISON_SHOTS")  # a folder: save what the window showed there


def _database(url: str) -> str:
    return url.rsplit("/", 1)[1]


def _editor(pg_server: PgServer, database: str) -> str:
    """A login that may read and write the records but not change the tables."""
    editor = f"clerk_{database}"
    pg_server.sql(database, f"CREATE ROLE {editor} LOGIN")
    pg_server.sql(database, f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
                            f"public TO {editor}")
    pg_server.sql(database, f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {editor}")
    return editor


def test_an_upgrade_the_login_may_not_make_says_so_and_whom_to_ask(
        pg_server: PgServer, pg_sample_url: str) -> None:
    database = _database(pg_sample_url)
    editor = _editor(pg_server, database)
    pg_server.sql(database, f"UPDATE alembic_version SET version_num = '{OLDER}'")
    with pytest.raises(CatalogError) as caught:
        open_catalog(pg_server.url(database, user=editor))
    message = str(caught.value)
    assert "Cannot connect" not in message
    assert "upgraded" in message and "login may not change" in message
    assert "\n" not in message


def test_an_upgrade_that_fails_on_the_server_says_it_failed_not_cannot_connect(
        pg_server: PgServer, pg_sample_url: str) -> None:
    database = _database(pg_sample_url)
    # The tables are already as the last migration leaves them: running it again fails
    # on the server (a half-done upgrade by another program looks like this).
    pg_server.sql(database, f"UPDATE alembic_version SET version_num = '{OLDER}'")
    with pytest.raises(CatalogError) as caught:
        open_catalog(pg_sample_url)
    message = str(caught.value)
    assert "Cannot connect" not in message
    assert "could not be upgraded" in message and "unchanged" in message
    assert "administrator" in message or "whoever runs the server" in message
    assert "\n" not in message
    # Nothing was changed: the catalog still says it needs the upgrade.
    with pytest.raises(CatalogError):
        open_catalog(pg_sample_url)


def test_a_newer_catalog_on_the_server_says_update_liaison(pg_server: PgServer,
                                                          pg_sample_url: str) -> None:
    database = _database(pg_sample_url)
    pg_server.sql(database, "UPDATE alembic_version SET version_num = "
                            f"'{schema.SCHEMA_VERSION + 1:04d}'")
    with pytest.raises(NewerCatalogError) as caught:
        open_catalog(pg_sample_url)
    message = str(caught.value)
    assert "Cannot connect" not in message and "newer version of Liaison" in message


def test_the_window_says_the_upgrade_failed(qtbot: QtBot, pg_server: PgServer,
                                           pg_sample_url: str, tmp_path: Path) -> None:
    database = _database(pg_sample_url)
    pg_server.sql(database, f"UPDATE alembic_version SET version_num = '{OLDER}'")
    window = MainWindow("catalog", settings_in(tmp_path))
    qtbot.addWidget(window)
    window.show()
    app_module.open_catalog(window, pg_sample_url, default=False)
    qtbot.waitUntil(lambda: bool(window.problem), timeout=20_000)  # it opens on the worker
    assert window.catalog is None
    assert "could not be upgraded" in window.problem
    assert "Cannot connect" not in window.problem
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible() and "could not be upgraded" in box.text()
    if SHOTS:
        box.grab().save(str(Path(SHOTS) / "upgrade-failed.png"))
    close_window(window)
