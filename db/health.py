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
from db.catalog.errors import CatalogError
from db.catalog.files import FileState, connect_for_reading, inspect_file, read_only_reason
from db.catalog.lifecycle import open_catalog
from db.catalog.network import network_filesystem
from db.search import SEARCH_KINDS


@dataclass
class Report:
    target: str
    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _search_index_gaps(conn: sqlite3.Connection) -> list[str]:
    """Records missing from, or lingering in, the search index."""
    problems = []
    for kind in SEARCH_KINDS:
        table = kind.value
        records = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        indexed = conn.execute(
            "SELECT count(*) FROM search_index WHERE kind = ?", (kind.value,)
        ).fetchone()[0]
        if records != indexed:
            problems.append(
                f"search index holds {indexed} of {records} {table} records "
                "(run `liaison check --repair`)"
            )
    return problems


def check_file(path: Path) -> Report:
    report = Report(str(path))
    found = inspect_file(path)
    if found.state is FileState.MISSING:
        report.problems.append("no such file")
        return report
    if found.state in (FileState.NOT_SQLITE, FileState.FOREIGN):
        report.problems.append(f"not a Liaison catalog ({found.detail})")
        return report
    if found.state is FileState.NEWER:
        report.problems.append(
            f"made by a newer Liaison (format {found.schema_version}, "
            f"this version reads up to {schema.SCHEMA_VERSION})"
        )
        return report
    if found.state is FileState.DAMAGED:
        report.problems.append(f"damaged: {found.detail}")
        _protection_facts(path, report)
        return report
    report.facts.append(f"catalog format {found.schema_version}"
                        + (" (will be upgraded when opened)" if found.state is FileState.OLDER
                           else ""))
    _protection_facts(path, report)
    try:
        conn = connect_for_reading(path)
    except (sqlite3.Error, CatalogError) as exc:
        report.problems.append(f"cannot be opened: {exc}")
        return report
    try:
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            report.problems.append("integrity check failed: " + "; ".join(integrity[:5]))
            return report
        report.facts.append("integrity check: ok")
        violations = conn.execute("PRAGMA foreign_key_check").fetchall()
        if violations:
            tables = sorted({row[0] for row in violations})
            report.problems.append(
                f"{len(violations)} broken references in {', '.join(tables)}"
            )
        else:
            report.facts.append("references: ok")
        if found.state is FileState.CURRENT:
            report.problems.extend(_search_index_gaps(conn))
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"damaged: {exc}")
    except UnicodeDecodeError:
        report.problems.append("damaged: its table definitions are garbled")
    finally:
        conn.close()
    return report


def _protection_facts(path: Path, report: Report) -> None:
    """Backups, network drive, read-only: facts, not problems (the data itself is fine)."""
    backups = list_backups(path)
    if backups:
        newest = backups[0]
        report.facts.append(f"{len(backups)} backup{'s' if len(backups) != 1 else ''}, newest "
                            f"{newest.taken_at:%Y-%m-%d %H:%M} ({newest.label})")
    else:
        report.facts.append("no backups yet (one is taken when the catalog is opened)")
    fstype = network_filesystem(path)
    if fstype:
        report.facts.append(f"warning: on a network drive ({fstype}), where SQLite files can be "
                            "corrupted; use the shared office database (--database-url)")
    why = read_only_reason(path)
    if why:
        report.facts.append(f"read-only ({why}): it opens for reading only")


def repair(path: Path) -> int:
    """Rebuild the search index of a sound catalog; returns the records indexed."""
    with open_catalog(path) as catalog, catalog.write_session() as session:
        return search.rebuild(session)
