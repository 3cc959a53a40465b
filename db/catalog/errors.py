"""What can go wrong with a catalog, as exceptions whose messages are meant for the user.

Also the translation of SQLite's and the disk's refusals during a write (full,
read-only, failing, locked) into those errors: SQLite has rolled the
transaction back by then, so each message can say the catalog is intact.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from db import dialect
from db.i18n import N_
from db.said import say

# SQLite primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL = 10, 11, 13
SQLITE_CANTOPEN, SQLITE_NOTADB = 14, 26


class CatalogError(Exception):
    """A problem the user can understand and act on; the message says what and what to do."""


class NotACatalogError(CatalogError):
    pass


class NewerCatalogError(CatalogError):
    pass


class DamagedCatalogError(CatalogError):
    """The file failed SQLite's check. It was moved aside (``quarantined``) and not changed.

    ``path`` is where the catalog was (and where a restore puts it back);
    ``quarantined`` is the damaged file's new name, or None when it could not be
    moved (read-only folder); ``backup`` is the newest backup that passes its
    check, or None when there is none.
    """

    def __init__(self, message: str, *, path: Path | None = None,
                 quarantined: Path | None = None, backup: Path | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.quarantined = quarantined
        self.backup = backup


class ReadOnlyCatalogError(CatalogError):
    """A write was attempted on a catalog opened read-only: nothing was written."""


class WriteFailedError(CatalogError):
    """The disk refused a write; SQLite rolled the transaction back, so nothing changed."""


class DiskFullError(WriteFailedError):
    pass


class CatalogLostError(WriteFailedError):
    """The catalog's files were removed or replaced under this process: it stopped saving."""


class CatalogBusyError(CatalogError):
    """Another window or program held the catalog longer than the busy timeout."""


class CatalogInUseError(CatalogError):
    """An action that needs the catalog to itself (restore) found it open elsewhere."""


# SQLite's own words for the problems a user meets, in the language (anything else is
# quoted as SQLite says it: a technical detail, in brackets).
_SQLITE_WORDS: dict[str, str] = {
    "database disk image is malformed": N_("the file's structure is damaged"),
    "file is not a database": N_("the file is not a database"),
    "database is locked": N_("the database is locked by another program"),
    "disk I/O error": N_("the disk could not be read or written"),
    "unable to open database file": N_("the database file cannot be opened"),
    "attempt to write a readonly database": N_("the database is read-only"),
    "database or disk is full": N_("the disk is full"),
}


def sqlite_words(exc: BaseException | str) -> str:
    """What SQLite said, in the current language when it is one of its common answers."""
    text = str(exc)
    for said, words in _SQLITE_WORDS.items():
        if text.lower().startswith(said.lower()):
            return say(words)
    return text


def primary_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of *exc* (-1 when it carries none)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return int(code) & 0xFF if isinstance(code, int) else -1


def _root_causes(exc: BaseException) -> Iterator[BaseException]:
    """*exc*, what SQLAlchemy wrapped in it, and what it was raised from."""
    seen: set[int] = set()
    pending: list[BaseException | None] = [exc]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending.extend([getattr(current, "orig", None), current.__cause__, current.__context__])


DISK_FULL = N_("The disk is full: your change was not saved, and {name} is unchanged. "
                "Free some space, then try again.")

# What each kind of refusal by a database server (db.dialect) is, in our terms.
_SERVER_ERRORS: dict[dialect.Refusal, type[CatalogError]] = {
    dialect.Refusal.BUSY: CatalogBusyError,
    dialect.Refusal.TIMEOUT: CatalogBusyError,
    dialect.Refusal.DISK_FULL: DiskFullError,
    dialect.Refusal.READ_ONLY: ReadOnlyCatalogError,
    dialect.Refusal.NOT_ALLOWED: ReadOnlyCatalogError,
    dialect.Refusal.UNREACHABLE: WriteFailedError,
}


def storage_error(exc: BaseException, name: str) -> CatalogError | None:
    """The user-facing error for a write the disk or the lock refused, else None."""
    for cause in _root_causes(exc):
        if isinstance(cause, CatalogError):
            return None
        problem = dialect.server_refusal(cause, name)
        if problem is not None:
            return _SERVER_ERRORS[problem.refusal](problem.message)
        if isinstance(cause, sqlite3.Error):
            code = primary_code(cause)
            if code == SQLITE_FULL:
                return DiskFullError(say(DISK_FULL, name=name))
            if code == SQLITE_IOERR:
                return WriteFailedError(say(N_(
                    "Liaison could not write to the disk (it may be full, removed or failing): "
                    "your change was not saved, and {name} is unchanged. Check the disk, then "
                    "try again."), name=name))
            if code == SQLITE_READONLY:
                return ReadOnlyCatalogError(say(N_(
                    "{name} has become read-only: your change was not saved. Reopen the "
                    "catalog from a place you can write to."), name=name))
            if code in (SQLITE_BUSY, SQLITE_LOCKED):
                return CatalogBusyError(say(N_(
                    "{name} is busy in another window or program: your change was not saved. "
                    "Try again in a moment."), name=name))
            if code == SQLITE_CANTOPEN:
                return WriteFailedError(say(N_(
                    "{name} can no longer be reached (was its drive removed?): your change "
                    "was not saved."), name=name))
        if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EDQUOT,
                                                           errno.EFBIG):
            return DiskFullError(say(DISK_FULL, name=name))
    return None
