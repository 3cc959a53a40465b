"""An open catalog: its engine, read and write transactions, and noticing others' commits.

Two windows or instances on one file see each other's work by polling
:meth:`Catalog.data_version`.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from db import dialect
from db.catalog.activity import announced
from db.catalog.errors import (
    CatalogBusyError,
    CatalogLostError,
    ReadOnlyCatalogError,
    storage_error,
)
from db.catalog.files import (
    DISK_FULL_REASON,
    ON_REQUEST_REASON,
    connect_read_only,
    hold,
    release,
)
from db.catalog.guard import FileGuard
from db.i18n import N_
from db.said import say


@dataclass
class Catalog:
    """An open catalog: its engine and how to start read and write transactions.

    ``read_only`` catalogs refuse :meth:`write_session` with a clear message;
    ``read_only_reason`` says why (for the banner). ``network_fs`` names the
    network filesystem the file is on, if any. ``backup_problem`` is set when
    the automatic backup taken on opening failed (the catalog still opened).
    """

    engine: Engine
    url: str
    path: Path | None
    read_only: bool = False
    read_only_reason: str | None = None
    network_fs: str | None = None
    backup_problem: str | None = None
    _watch: sqlite3.Connection | None = field(default=None, init=False, repr=False,
                                              compare=False)
    _watch_lock: threading.Lock = field(default_factory=threading.Lock, init=False,
                                        repr=False, compare=False)
    _listener: dialect.ChangeListener | None = field(default=None, init=False, repr=False,
                                                     compare=False)
    _held: tuple[int, int] | None = field(default=None, init=False, repr=False, compare=False)
    _guard: FileGuard | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.path is not None:
            self._held = hold(self.path)  # from now on, only SQLite reads this file here

    def guard_files(self) -> None:
        """Keep one connection open for the catalog's life and remember its files.

        The open connection keeps every other process from deleting the
        ``-wal`` (SQLite removes it only when the last connection closes), so a
        ``-wal`` that vanishes or changes while this catalog is open means this
        process lost its locks: :meth:`write_session` then refuses to write.
        """
        if self.path is None or self.read_only:
            return
        with self._watch_lock:
            if self._watch is None:
                self._watch = connect_read_only(self.path)
            self._watch.execute("SELECT count(*) FROM sqlite_master").fetchone()
        self._guard = FileGuard.start(self.path, self.name)

    @property
    def name(self) -> str:
        """What the user calls this catalog (window title, PDF footer)."""
        if self.path is not None:
            return self.path.stem
        return self.engine.url.database or self.url

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def read_session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def read_only_message(self) -> str:
        """What the read-only banner says, and why an edit was refused."""
        reason = self.read_only_reason
        code = getattr(reason, "code", reason)
        if code == DISK_FULL_REASON:
            todo = say(N_("To edit, free some space on the disk, then open the catalog again."))
        elif code == ON_REQUEST_REASON:
            todo = say(N_("To edit, open it again normally."))
        elif self.path is None:
            todo = say(N_("To edit, ask whoever runs the database server for a login that may "
                          "edit, or for the server to accept changes again."))
        elif self._guard is not None and self._guard.lost is not None:
            todo = say(N_("Close this window and open the catalog again."))
        else:
            todo = say(N_("To edit, copy it to a folder you can write to and open the copy."))
        if reason:
            return say(N_("This catalog is read-only ({reason}): you can look and print, but "
                          "changes cannot be saved. {todo}"), reason=reason, todo=todo)
        return say(N_("This catalog is read-only: you can look and print, but changes cannot "
                      "be saved. {todo}"), todo=todo)

    @contextlib.contextmanager
    def write_session(self, *, late_lock: bool = False) -> Iterator[Session]:
        """One write transaction: committed whole on success, rolled back whole on error.

        A read-only catalog refuses before anything starts. A full or failing
        disk, or a lock held too long elsewhere, surfaces as a
        :class:`CatalogError` whose message is meant for the user.

        *late_lock* (files): the write lock is taken by the first write, not up
        front, so a long read-and-check (an import) does not hold up others. If
        another writer committed or holds the lock by then, that write is refused
        at once with :class:`CatalogBusyError` (what was read may be stale): the
        caller reads again without *late_lock*.
        """
        guard = self._guard
        if guard is not None and guard.lost is not None:
            guard.check()
        if self.read_only:
            raise ReadOnlyCatalogError(self.read_only_message())
        engine = self.engine.execution_options(liaison_write=True, liaison_late_lock=late_lock)
        with Session(engine, expire_on_commit=False) as session:
            try:
                if guard is not None:
                    session.connection()  # BEGIN IMMEDIATE: hold the write lock, then look
                    self._check(guard)
                yield session
                dialect.of(session).announce_write(session)
                if guard is not None:
                    session.flush()
                    self._check(guard)
                session.commit()
                if guard is not None:
                    self._check(guard, committed=True)
            except BaseException as exc:
                with contextlib.suppress(Exception):
                    session.rollback()
                mapped = storage_error(exc, self.name)
                if isinstance(mapped, CatalogBusyError):
                    mapped = self._busy_with(mapped)
                if mapped is not None:
                    raise mapped from exc
                raise

    def _busy_with(self, busy: CatalogBusyError) -> CatalogBusyError:
        """Who holds the file, when a colleague's import does (db.catalog.activity)."""
        activity = announced(self.path)
        if activity is None or activity.what != "import":
            return busy
        return CatalogBusyError(say(N_(
            "{name} is busy: {user} is importing a file into it. Your change was not "
            "saved; try again when the import is done."), user=activity.user, name=self.name))

    def _check(self, guard: FileGuard, *, committed: bool = False) -> None:
        try:
            guard.check(committed=committed)
        except CatalogLostError:
            self.read_only = True
            self.read_only_reason = say(N_("its files were changed by another program"))
            raise

    def data_version(self) -> int:
        """A number that changes whenever anyone commits a change to this catalog.

        Poll it (say once a second, it costs microseconds) to notice changes
        saved by another window or another Liaison on the same file, and reload
        what is shown when it differs from the value seen last. It also changes
        after this catalog's own commits, so a refresh may repeat one that
        already happened; it never misses a change. On SQLite it is
        ``PRAGMA data_version`` read on one long-lived connection (the pragma
        only means something per connection); on a database server it counts
        the notifications every write transaction sends when it commits
        (:class:`db.dialect.ChangeListener`), so a transaction that commits after
        a later one is not missed, as the newest change-log id would miss it.
        """
        if self.path is None:
            with self._watch_lock:
                if self._listener is None:
                    self._listener = dialect.ChangeListener(self.engine)
                listener = self._listener
            return listener.poll()
        with self._watch_lock:
            if self._watch is None:
                self._watch = connect_read_only(self.path)
            return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        with self._watch_lock:  # first: the last writable connection then folds the -wal in
            if self._watch is not None:
                self._watch.close()
                self._watch = None
            if self._listener is not None:
                self._listener.close()
                self._listener = None
        self.engine.dispose()
        release(self._held)
        self._held = None

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
