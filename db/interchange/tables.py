"""Reading spreadsheets: CSV in whatever encoding and delimiter an office has, and XLSX.

Offices keep contact lists in Excel and in CSV files saved by Excel, old
Vietnamese software and phones. The encoding is detected with
charset-normalizer (UTF-8 with or without BOM, UTF-16, Windows-1258, the
Vietnamese ANSI code page, Windows-1252/Latin-1) unless the user names it; the
delimiter is found by :class:`csv.Sniffer`. Windows-1258 writes tones as
combining marks after the letter, so every cell is normalised to NFC: a name
typed in Excel and one decoded from Windows-1258 compare and print the same.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zipfile import BadZipFile

from db.folding import nfc
from db.i18n import N_
from db.said import say

# Said by every writer of files (export, list export) about its target.
UNKNOWN_FORMAT = N_("unknown format {format!r} (formats: {formats})")
NO_FOLDER = N_("the folder {folder} does not exist")


class FileProblem(Exception):
    """The file cannot be read as asked; the message is meant for the user."""


@dataclass(frozen=True)
class Table:
    """A sheet of rows: the header and the data rows with their row numbers in the file
    (as a spreadsheet program shows them: the header of a plain CSV is row 1)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Any, ...]], ...]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    notes: tuple[str, ...] = field(default=())


# Encodings charset-normalizer is allowed to answer, most likely first: a Vietnamese
# office's files are UTF-8, or Windows-1258, or a Western code page.
_CANDIDATES = ("utf_8", "utf_16", "cp1258", "cp1252", "latin_1")
_VIETNAMESE_1258 = frozenset("ĂăÂâĐđÊêÔôƠơƯư")


def _bom(raw: bytes) -> str | None:
    for mark, name in ((codecs.BOM_UTF8, "utf_8_sig"), (codecs.BOM_UTF16_LE, "utf_16"),
                       (codecs.BOM_UTF16_BE, "utf_16")):
        if raw.startswith(mark):
            return name
    return None


def detect_encoding(raw: bytes) -> str:
    """The encoding a CSV file was saved in (a BOM, then UTF-8, then the detector)."""
    found = _bom(raw)
    if found:
        return found
    try:
        raw.decode("utf-8")
        return "utf_8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=list(_CANDIDATES)).best()
    name = best.encoding if best is not None else "cp1252"
    if name in ("cp1252", "latin_1") and _looks_1258(raw):
        return "cp1258"
    return name


def _looks_1258(raw: bytes) -> bool:
    """Windows-1258 bytes read as Windows-1252 give ``Ð``/``Ã`` where Vietnamese has
    ``Đ``/``Ă``; the tone marks (0xCC, 0xEC, 0xD2, 0xDE, 0xF2) appear after vowels."""
    text = raw.decode("cp1258", errors="replace")
    letters = sum(1 for ch in nfc(text) if ch in _VIETNAMESE_1258)
    marks = sum(1 for b in raw if b in (0xCC, 0xEC, 0xD2, 0xDE, 0xF2))
    return letters + marks > 0 and "\ufffd" not in text


def decode(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The file's text in NFC and the encoding used; *encoding* overrides detection."""
    name = encoding or detect_encoding(raw)
    try:
        codecs.lookup(name)
    except LookupError:
        raise FileProblem(say(N_("unknown encoding {name!r}"), name=name)) from None
    try:
        text = raw.decode(name)
    except UnicodeDecodeError as exc:
        raise FileProblem(say(N_("the file is not in {encoding} (byte {byte} does not fit); "
                                 "name its encoding with --encoding"), encoding=name,
                              byte=exc.start + 1)) from None
    return nfc(text.removeprefix("\ufeff")), name


def read_csv(path: Path, *, encoding: str | None = None) -> Table:
    """Rows of a CSV file, any delimiter (comma, semicolon, tab, pipe)."""
    text, used = decode(path.read_bytes(), encoding)
    if not text.strip():
        raise FileProblem(say(N_("{name} is empty"), name=path.name))
    dialect = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    lines = list(reader)
    header_at = next((i for i, row in enumerate(lines) if sum(1 for c in row if c.strip()) > 1),
                     0)
    headers = tuple(c.strip() for c in lines[header_at])
    rows = tuple((number + 1, tuple(row)) for number, row in enumerate(lines)
                 if number > header_at and any(c.strip() for c in row))
    return Table(headers, rows, encoding=used, delimiter=getattr(dialect, "delimiter", ","))


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    """The CSV dialect, sniffed on the header line: long text cells (biographies with
    semicolons) would mislead :class:`csv.Sniffer` on the whole sample."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in ",;\t|"}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] and list(counts.values()).count(counts[best]) == 1:
        class Found(csv.excel):
            delimiter = best
        return Found
    try:
        return csv.Sniffer().sniff(text[:20000], delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read_xlsx(path: Path, *, sheet: str | None = None) -> Table:
    """Rows of the first sheet (or *sheet*); a merged title row above the header is skipped.

    The workbook is read in openpyxl's read-only (streaming) mode: 10,000 rows in a
    second or two instead of fifteen. That mode does not report merged cells, but a
    merged title keeps its text in its first cell only, so the header is the first row
    with two or more cells filled.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        # The library's own words (zipfile's "File is not a zip file") tell the user
        # nothing more, in English: the sentence says it all; the cause goes to the log.
        raise FileProblem(say(N_("{name} is not an Excel workbook (.xlsx), or it is damaged."),
                              name=path.name)) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise FileProblem(say(N_("{name} has no sheet {sheet!r} (sheets: {sheets})"),
                                  name=path.name, sheet=sheet,
                                  sheets=", ".join(book.sheetnames)))
        ws = book[sheet] if sheet is not None else book.worksheets[0]
        ws.reset_dimensions()  # some writers store wrong dimensions: read every row
        lines = [(number, tuple(_cell(v) for v in values))
                 for number, values in enumerate(ws.iter_rows(values_only=True), start=1)]
        name = ws.title
    finally:
        book.close()
    header_index = next((i for i, (_n, cells) in enumerate(lines)
                         if sum(1 for c in cells if c not in (None, "")) >= 2), None)
    if header_index is None:
        raise FileProblem(say(N_("the sheet {name!r} has no row of column headers"), name=name))
    headers = tuple("" if c is None else str(c).strip() for c in lines[header_index][1])
    rows = tuple((number, cells) for number, cells in lines[header_index + 1:]
                 if any(c not in (None, "") for c in cells))
    return Table(headers, rows, sheet=name)


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value
