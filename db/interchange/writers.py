"""The CSV and XLSX writers every table export goes through.

``liaison export csv|xlsx`` (one kind per file or sheet) and the app's
File > Export List (what a section's list shows) write their rows here, so both
get the same file: UTF-8 with a BOM for CSV (Excel reads it as UTF-8), text
cells in XLSX, and every cell that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@``, tab, CR) neutralised with a leading apostrophe.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A cell a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """One table as CSV; returns the number of rows (headers not counted)."""
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:  # BOM: Excel reads UTF-8
        writer = csv.writer(handle)
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([neutralise(c) for c in row])
            count += 1
    return count


def write_xlsx(path: Path, sheets: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]
               ) -> int:
    """One sheet per (title, headers, rows); returns the number of rows written."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    count = 0
    for title, headers, rows in sheets:
        sheet = book.create_sheet(_sheet_title(title))
        sheet.append([neutralise(h) for h in headers])
        for row in rows:
            sheet.append([neutralise(c) for c in row])
            count += 1
    book.save(path)
    return count


def _sheet_title(title: str) -> str:
    """Excel's rules for a sheet's name: at most 31 characters, none of ``[]:*?/\\``."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip() or "Sheet"
    return cleaned[:31]
