"""A section's list as the user sees it, for File > Export List and Print List.

The rows are the list's own (:func:`db.listing.page`: the same filters, text
filter and sort, the same cells), read page by page in one read transaction;
the headers are the list's column headers in the interface language, for the
columns the user shows, in the order shown. Files are written by the writers
``liaison export`` uses (:mod:`.writers`: formula cells neutralised).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from db import listing
from db.atomic import atomic_write
from db.catalog import Catalog
from db.i18n import N_, _
from db.interchange import writers
from db.interchange.tables import NO_FOLDER, UNKNOWN_FORMAT, FileProblem
from db.models import RecordKind
from db.said import say
from db.vocabulary import noun

LIST_FORMATS = ("csv", "xlsx")
_PAGE = 500


@dataclass(frozen=True)
class ListTable:
    """What a list shows: its title, headers and rows of text, in the shown order."""

    kind: RecordKind
    title: str  # "People", "Người"
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def list_table(session: Session, kind: RecordKind, query: listing.ListQuery,
               columns: Sequence[str] | None = None) -> ListTable:
    """Every row of *kind*'s list under *query*; *columns* are keys (all when None)."""
    spec = listing.spec(kind)
    keys = list(columns) if columns else [c.key for c in spec.columns]
    index = {c.key: i for i, c in enumerate(spec.columns)}
    unknown = [k for k in keys if k not in index]
    if unknown:
        raise FileProblem(say(N_("the {kind} list has no column {column!r}"), kind=kind.value,
                              column=unknown[0]))
    rows: list[tuple[str, ...]] = []
    total: int | None = None
    while total is None or len(rows) < total:
        page = listing.page(session, kind, query, offset=len(rows), limit=_PAGE, total=total)
        total = page.total
        if not page.rows:
            break
        rows += [tuple(row.cells[index[k]] for k in keys) for row in page.rows]
    words = noun(kind, 2)
    return ListTable(kind, words[:1].upper() + words[1:],
                     tuple(_(spec.columns[index[k]].header) for k in keys), tuple(rows))


def export_list(catalog: Catalog, kind: RecordKind, query: listing.ListQuery, fmt: str,
                path: str | Path, columns: Sequence[str] | None = None) -> int:
    """Write the list to *path* as ``csv`` or ``xlsx``; returns the number of rows."""
    if fmt not in LIST_FORMATS:
        raise FileProblem(say(UNKNOWN_FORMAT, format=fmt, formats=", ".join(LIST_FORMATS)))
    target = Path(path)
    if not target.parent.is_dir():
        raise FileProblem(say(NO_FOLDER, folder=target.parent))
    with catalog.read_session() as session:
        table = list_table(session, kind, query, columns)
    with atomic_write(target) as tmp:
        if fmt == "csv":
            return writers.write_csv(tmp, table.headers, table.rows)
        return writers.write_xlsx(tmp, [(table.title, table.headers, table.rows)])
