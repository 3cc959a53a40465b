"""Opening and creating catalog files: judge first, protect, migrate, then hand over.

Before anything writes to a file it is *inspected* read-only: a file that is
not a Liaison catalog, or one written by a newer Liaison, is refused and left
byte-identical. An older catalog is copied with SQLite's backup API before its
schema is upgraded, so a failed upgrade never costs data. Opening a file also
protects it:

* a *damaged* file is moved aside, unchanged, as
  ``<name>.damaged-<YYYYmmdd-HHMMSS>`` with its ``-wal``/``-shm``, and
  :class:`DamagedCatalogError` names that file and the newest good backup, so
  the app can offer to restore it;
* a file the user cannot write opens read-only: ``Catalog.read_only`` is true
  and :meth:`Catalog.write_session` refuses with a clear message;
* a file on a network filesystem is flagged (``Catalog.network_fs``);
* the first open of the day takes a verified backup.

This is the only part of the catalog package that calls :mod:`db.backup` and
:mod:`db.sample`; both build on the lower modules (files, engine, handle), so
they import those, never this one. It imports them as modules (``from db
import backup``): whichever of the two is imported first, the other's names are
looked up only when a catalog is opened. :mod:`db.sample` is imported only when a
catalog is created with it (see :func:`_sample_loader`).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path

from db import backup, schema
from db.atomic import remove_stale_temporaries
from db.catalog.engine import leave_wal, outside_transaction, sqlite_engine
from db.catalog.errors import (
    CatalogError,
    DamagedCatalogError,
    NewerCatalogError,
    NotACatalogError,
    sqlite_words,
)
from db.catalog.files import (
    ON_REQUEST_REASON,
    FileState,
    Inspection,
    backup_dir,
    connect_read_only,
    inspect_file,
    quarantine,
    quick_check,
    read_only_reason,
    read_only_uri,
    side_files,
)
from db.catalog.handle import Catalog
from db.catalog.network import network_filesystem
from db.catalog.server import create_on_server, open_url
from db.i18n import N_
from db.said import say


def _sample_loader() -> Callable[[Catalog], object]:
    """The sample data's loader, imported when a catalog is created with it.

    Deliberately deferred (there is no cycle to hide: db.sample never imports this
    module): the sample brings the whole write side (db.ops, phone-number rules),
    which every reading open (``liaison brief``, ``check``, the app) would pay for.
    """
    from db import sample

    return sample.load


def backup_sqlite(path: Path, reason: str) -> Path:
    """Copy *path* with SQLite's online backup API into ``backups/`` beside it, verified.

    Kept for callers of the first version; :func:`db.backup.backup_now` is the
    full interface (rotation, catalogs as well as paths).
    """
    return backup.backup_now(path, reason).path


def _refusal(path: Path, found: Inspection) -> CatalogError:
    if found.state is FileState.NEWER:
        return NewerCatalogError(say(N_(
            "{name} was made by a newer version of Liaison (catalog format {found}; this "
            "version reads up to {known}). Update Liaison to open it; the file was not "
            "changed."), name=path.name, found=found.schema_version,
            known=schema.SCHEMA_VERSION))
    return NotACatalogError(say(N_(
        "{path} is not a Liaison catalog ({detail}); the file was not changed."),
        path=path, detail=found.detail))


def open_catalog(target: str | os.PathLike[str], *, verify: bool = True,
                 read_only: bool = False, daily_backup: bool = True) -> Catalog:
    """Open an existing catalog from a file path or a database URL.

    An older catalog is backed up and migrated; a damaged one is quarantined
    (:class:`DamagedCatalogError`); one the user cannot write opens read-only,
    as does any file when *read_only* is true. The first open of a day takes a
    verified backup unless *daily_backup* is false (the caller then takes it
    later, e.g. on a worker thread, with :func:`db.backup.backup_if_due`).
    Anything we cannot safely open raises a :class:`CatalogError` with a
    message meant for the user.
    """
    text_target = os.fspath(target)
    if "://" in text_target:
        if not text_target.startswith("sqlite:///"):
            return open_url(text_target, read_only=read_only)
        text_target = text_target.removeprefix("sqlite:///")
    path = Path(text_target).expanduser()
    found = inspect_file(path)
    if found.state is FileState.MISSING:
        raise CatalogError(say(N_("There is no catalog at {path}."), path=path))
    if found.state in (FileState.NOT_SQLITE, FileState.FOREIGN, FileState.NEWER):
        raise _refusal(path, found)
    why_read_only = say(ON_REQUEST_REASON) if read_only else read_only_reason(path)
    movable = why_read_only is None
    if found.state is FileState.DAMAGED:
        raise _quarantine(path, found.detail, movable=movable)
    if verify:
        # Editing a catalog whose index disagrees with its table would spread the damage,
        # and only the thorough check compares them (a byte flip can break just an index).
        problem = quick_check(path, thorough=why_read_only is None)
        if problem is not None:
            raise _quarantine(path, problem, movable=movable)
    if found.state is FileState.OLDER and why_read_only is not None:
        raise CatalogError(say(N_(
            "{name} was made by an older Liaison and must be upgraded, but {reason}. Copy it "
            "to a folder you can write to and open the copy; the file was not changed."),
            name=path.name, reason=why_read_only))
    recorded = _migration_record(path) if found.state is FileState.OLDER else None
    if recorded is not None and recorded < schema.SCHEMA_VERSION:
        backup_sqlite(path, f"before-upgrade-from-v{found.schema_version}")
    catalog = _open_sqlite(path, why_read_only)
    try:
        if recorded is not None:
            _upgrade(catalog, recorded)
    except BaseException:
        catalog.close()
        raise
    if not catalog.read_only:
        with contextlib.suppress(OSError):  # what an interrupted restore left beside it
            remove_stale_temporaries(path.parent, name=path.name)
    if daily_backup and not catalog.read_only:
        try:
            backup.backup_if_due(catalog)
        except (CatalogError, OSError, sqlite3.Error) as exc:
            catalog.backup_problem = say(N_("The automatic backup failed: {error}"), error=exc)
    return catalog


# Tables the first revision creates: a file holding them has been through an upgrade.
_BASELINE_TABLES = frozenset({"person", "organisation", "city", "country"})


def _migration_record(path: Path) -> int:
    """The newest upgrade Alembic recorded in *path*; a clear refusal when there is none.

    A catalog whose format number lags but whose record is missing cannot be
    upgraded safely: Alembic would start from nothing and collide with the tables.
    """
    try:
        conn = connect_read_only(path)
        try:
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            rows = (conn.execute("SELECT version_num FROM alembic_version").fetchall()
                    if "alembic_version" in tables else [])
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise CatalogError(say(N_("{name} cannot be read ({error}); it was not changed."),
                               name=path.name, error=sqlite_words(exc))) from exc
    if not tables & _BASELINE_TABLES:
        return 0  # from before the baseline: the upgrade builds every table
    if len(rows) != 1 or not str(rows[0][0]).isdigit():
        raise CatalogError(say(N_(
            "{name} cannot be upgraded: it has no record of its earlier upgrades (its "
            "alembic_version table is missing or empty), so Liaison cannot tell which to "
            "apply. The file was not changed; restore a backup, or ask for help."),
            name=path.name))
    return int(rows[0][0])


def _upgrade(catalog: Catalog, recorded: int) -> None:
    """Bring the schema up to date, then stamp the format number into the header.

    A record already at the newest revision only needs the stamp: without it the
    header would keep saying "older" and every open would take another backup.
    """
    if recorded < schema.SCHEMA_VERSION:
        try:
            schema.upgrade(catalog.engine)
        except Exception as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise CatalogError(say(N_(
                "{name} could not be upgraded to this Liaison's format ({reason}). The "
                "upgrade was undone, so the catalog is as it was, and a backup was taken "
                "before trying. Please report this problem."),
                name=catalog.name, reason=reason)) from exc
    outside_transaction(catalog.engine, f"PRAGMA user_version = {schema.SCHEMA_VERSION}")


def _open_sqlite(path: Path, why_read_only: str | None) -> Catalog:
    fstype = network_filesystem(path)
    if why_read_only is not None:
        engine = sqlite_engine(path, uri=read_only_uri(path))
        return Catalog(engine=engine, url=str(engine.url), path=path, read_only=True,
                       read_only_reason=why_read_only, network_fs=fstype)
    engine = sqlite_engine(path)
    catalog = Catalog(engine=engine, url=str(engine.url), path=path, network_fs=fstype)
    try:
        if fstype is None:
            outside_transaction(engine, "PRAGMA journal_mode = WAL")
        else:
            leave_wal(engine)
        catalog.guard_files()
    except BaseException:
        catalog.close()
        raise
    return catalog



def _quarantine(path: Path, problem: str, *, movable: bool) -> DamagedCatalogError:
    moved: Path | None = None
    if movable:
        with contextlib.suppress(OSError):
            moved = quarantine(path)
    good = backup.newest_good_backup(path)
    where = (say(N_("Liaison moved it aside, unchanged, as {moved} and will not write to it."),
                 moved=moved.name)
             if moved else say(N_("It was not changed.")))
    offer = (say(N_("The newest good backup was taken {when}: {backup}."),
                 when=backup.describe_time(good), backup=good)
             if good else say(N_("No good backup of it was found in {folder}."),
                              folder=backup_dir(path)))
    return DamagedCatalogError(say(N_("{name} is damaged ({problem}). {where} {offer}"),
                                   name=path.name, problem=problem, where=where, offer=offer),
                               path=path, quarantined=moved, backup=good)


def judge_damage(path: Path) -> None:
    """After a read failed: raise :class:`DamagedCatalogError` (the file set aside, the
    newest good backup named) when *path* is damaged; return when it is sound.

    Nothing is opened for writing, so a reading command that ends here can truly say
    the file was not changed.
    """
    found = inspect_file(path)
    movable = read_only_reason(path) is None
    if found.state is FileState.DAMAGED:
        raise _quarantine(path, found.detail, movable=movable)
    if found.state in (FileState.CURRENT, FileState.OLDER):
        problem = quick_check(path, thorough=True)
        if problem is not None:
            raise _quarantine(path, problem, movable=movable)


def remove_stale_side_files(target: Path) -> None:
    """Delete a ``-wal``/``-shm``/``-journal`` left by a catalog that is gone from *target*.

    SQLite would otherwise take them for the new file's own and replay another
    database's pages into it. Without its database such a file holds nothing
    anyone can use, and no catalog is open there (there is no file to open).
    """
    for stale in (*side_files(target), Path(f"{target}-journal")):
        stale.unlink(missing_ok=True)


def create_catalog(path: str | os.PathLike[str], *, sample: bool = True) -> Catalog:
    """Make a new catalog at *path* (refusing to overwrite anything) and open it.

    The file is built under a temporary name and renamed when complete, so an
    interrupted ``init`` never leaves a half-made catalog behind.
    """
    if "://" in os.fspath(path) and not os.fspath(path).startswith("sqlite:///"):
        return create_on_server(os.fspath(path), fill=_sample_loader() if sample else None)
    target = Path(os.fspath(path).removeprefix("sqlite:///")).expanduser()
    if target.exists():
        raise CatalogError(say(N_("{path} already exists; choose another name."), path=target))
    if not target.parent.is_dir():
        raise CatalogError(say(N_("The folder {folder} does not exist."), folder=target.parent))
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()
    try:
        engine = sqlite_engine(tmp)
        try:
            outside_transaction(
                engine,
                f"PRAGMA application_id = {schema.APPLICATION_ID}",
                "PRAGMA journal_mode = WAL",
            )
            schema.upgrade(engine)
            if sample:
                filling = Catalog(engine=engine, url=str(engine.url), path=tmp)
                try:
                    _sample_loader()(filling)
                finally:
                    filling.close()
            outside_transaction(engine, "PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            engine.dispose()
        remove_stale_side_files(target)
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, *side_files(tmp)):
            leftover.unlink(missing_ok=True)
    return open_catalog(target, verify=False, daily_backup=False)

