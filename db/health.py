"""Integrity reports that never modify what they examine.

``liaison check`` must be safe to run on a damaged file or on a stranger's
database: everything here reads through a read-only SQLite connection, and the
only write (``repair``, rebuilding the search index) happens on request, on a
catalog that passed the checks. Besides integrity, the report says what
protects the file (its newest backup) and what endangers it (a network drive,
a read-only place).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from db import schema, search
from db.backup import list_backups
from db.catalog.errors import CatalogError, sqlite_words
from db.catalog.files import FileState, connect_for_reading, inspect_file, read_only_reason
from db.catalog.lifecycle import open_catalog
from db.catalog.network import network_filesystem
from db.i18n import N_, format_datetime, format_list, format_number
from db.said import Said, say, say_plural
from db.search import SEARCH_KINDS
from db.vocabulary import english_nouns

# The check's sentences that ``--repair`` (rebuilding the search index) mends.
INDEX_GAPS = N_("search index holds {indexed} of {records} {table} records "
                "(run `liaison check --repair`)")
INDEX_ORPHANS = N_("search index lists {count} people who no longer exist "
                   "(run `liaison check --repair`)")
OLDER_FORMAT = N_("catalog format {version} (will be upgraded when opened)")
CURRENT_FORMAT = N_("catalog format {version}")
NEWER_FORMAT = N_("made by a newer Liaison (format {found}, this version reads up to {known})")
DAMAGED = N_("damaged: {problem}")
READ_ONLY_FACT = N_("read-only ({reason}): it opens for reading only")


@dataclass
class Report:
    target: str
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def repairable(self) -> bool:
        """Every problem is one ``--repair`` mends (the search index), in any language."""
        return bool(self.problems) and all(
            isinstance(p, Said) and p.code in (INDEX_GAPS, INDEX_ORPHANS)
            for p in self.problems)


def _search_index_gaps(conn: sqlite3.Connection) -> list[str]:
    """Records missing from, or lingering in, the search index."""
    problems: list[str] = []
    for kind in SEARCH_KINDS:
        table = kind.value
        records = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        indexed = conn.execute(
            "SELECT count(*) FROM search_index WHERE kind = ?", (kind.value,)
        ).fetchone()[0]
        if records != indexed:
            problems.append(say(INDEX_GAPS, indexed=format_number(indexed),
                                records=format_number(records),
                                table=say(english_nouns(kind)[0])))
    return problems


def check_file(path: Path) -> Report:
    report = Report(str(path))
    found = inspect_file(path)
    if found.state is FileState.MISSING:
        report.problems.append(say(N_("no such file")))
        return report
    if found.state in (FileState.NOT_SQLITE, FileState.FOREIGN):
        report.problems.append(say(N_("not a Liaison catalog ({detail})"), detail=found.detail))
        return report
    if found.state is FileState.NEWER:
        report.problems.append(say(NEWER_FORMAT, found=found.schema_version,
                                   known=schema.SCHEMA_VERSION))
        return report
    if found.state is FileState.DAMAGED:
        report.problems.append(say(DAMAGED, problem=found.detail))
        _protection_facts(path, report)
        return report
    report.facts.append(say(OLDER_FORMAT if found.state is FileState.OLDER else CURRENT_FORMAT,
                            version=found.schema_version))
    _protection_facts(path, report)
    try:
        conn = connect_for_reading(path)
    except (sqlite3.Error, CatalogError) as exc:
        report.problems.append(say(N_("cannot be opened: {error}"), error=sqlite_words(exc)))
        return report
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            report.problems.append(say(N_("integrity check failed: {problems}"),
                                       problems="; ".join(integrity[:5])))
            return report
        report.facts.append(say(N_("integrity check: ok")))
        violations = conn.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            tables = sorted({row[0] for row in violations})
            report.problems.append(say(N_("{count} broken references in {tables}"),
                                       count=format_number(len(violations)),
                                       tables=format_list(tables)))
        else:
            report.facts.append(say(N_("references: ok")))
        if found.state is FileState.CURRENT:
            report.problems.extend(_search_index_gaps(conn))
    except sqlite3.DatabaseError as exc:
        report.problems.append(say(DAMAGED, problem=sqlite_words(exc)))
    except UnicodeDecodeError:
        report.problems.append(say(DAMAGED, problem=say(N_("its table definitions are garbled"))))
    finally:
        conn.close()
    return report


def _protection_facts(path: Path, report: Report) -> None:
    """Backups, network drive, read-only: facts, not problems (the data itself is fine)."""
    backups = list_backups(path)
    if backups:
        newest = backups[0]
        report.facts.append(say_plural("{count} backup, newest {when} ({label})",
                                       "{count} backups, newest {when} ({label})",
                                       len(backups), count=format_number(len(backups)),
                                       when=format_datetime(newest.taken_at),
                                       label=newest.label))
    else:
        report.facts.append(say(N_("no backups yet (one is taken when the catalog is opened)")))
    fstype = network_filesystem(path)
    if fstype:
        report.facts.append(say(N_("warning: on a network drive ({fstype}), where SQLite files "
                                   "can be corrupted; use the shared office database "
                                   "(--database-url)"), fstype=fstype))
    why = read_only_reason(path)
    if why:
        report.facts.append(say(READ_ONLY_FACT, reason=why))


def repair(path: Path) -> int:
    """Rebuild the search index of a sound catalog; returns the records indexed."""
    with open_catalog(path) as catalog, catalog.write_session() as session:
        return search.rebuild(session)
