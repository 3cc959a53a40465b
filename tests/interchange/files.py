"""Files as offices send them, written byte by byte for the tests.

Each writer reproduces what a real program produces: Excel's semicolon CSV
with a BOM, the Vietnamese ANSI code page (Windows-1258, tones as combining
marks), Excel's "Unicode text" (UTF-16, tabs), a workbook with a merged title
row, vCards from a phone and from Outlook, a Google Calendar export.
"""

from __future__ import annotations

import base64
import unicodedata
from pathlib import Path

# The tone marks Windows-1258 writes after the letter; the other marks (circumflex,
# breve, horn) are part of precomposed letters the code page has (ê, ă, ơ, ư).
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# A 1x1 PNG: the smallest real photo.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


def to_1258(text: str) -> bytes:
    """Text as Windows-1258 stores it: base letter (with its non-tone mark) then the tone."""
    out: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


def write_csv(path: Path, rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8",
              bom: bool = False, newline: str = "\r\n") -> Path:
    text = newline.join(delimiter.join(_quote(c, delimiter) for c in row) for row in rows)
    text += newline
    data = to_1258(text) if encoding == "cp1258" else text.encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return path


def _quote(cell: str, delimiter: str) -> str:
    if any(c in cell for c in (delimiter, '"', "\n")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_xlsx(path: Path, rows: list[list[object]], *, title: str | None = None,
               sheet: str = "Danh sách") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = sheet
    if title is not None:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


VCARD_3_PHOTO = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "PRODID:-//Apple Inc.//iPhone OS 17.1//EN\r\n"
    "N:Nguyễn;Đức Chung;;Ông;\r\n"
    "FN:Nguyễn Đức Chung\r\n"
    "ORG:Hanoi People's Committee;\r\n"
    "TITLE:Chairman\r\n"
    "EMAIL;type=INTERNET;type=WORK;type=pref:chung@hanoi.gov.vn\r\n"
    "TEL;type=CELL;type=VOICE;type=pref:+84 912 345 678\r\n"
    "ADR;type=WORK:;;12 Lê Lai;Hà Nội;;;Vietnam\r\n"
    "PHOTO;ENCODING=b;TYPE=PNG:" + base64.b64encode(PNG).decode() + "\r\n"
    "END:VCARD\r\n"
)
VCARD_4 = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Cecilia Piccioni\r\n"
    "N:Piccioni;Cecilia;;H.E. Mrs;\r\n"
    "ORG:Delegation of the European Union to Vietnam\r\n"
    "TITLE:Ambassador\r\n"
    "EMAIL;TYPE=work:cecilia.piccioni@eeas.europa.eu\r\n"
    "PHOTO:data:image/png;base64," + base64.b64encode(PNG).decode() + "\r\n"
    "END:VCARD\r\n"
)

GOOGLE_CALENDAR = (
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    "VERSION:2.0\r\n"
    "CALSCALE:GREGORIAN\r\n"
    "METHOD:PUBLISH\r\n"
    "X-WR-CALNAME:Đối ngoại\r\n"
    "X-WR-TIMEZONE:Asia/Ho_Chi_Minh\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Asia/Ho_Chi_Minh\r\n"
    "X-LIC-LOCATION:Asia/Ho_Chi_Minh\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0700\r\n"
    "TZOFFSETTO:+0700\r\n"
    "TZNAME:GMT+7\r\n"
    "DTSTART:19700101T000000\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20231129\r\n"
    "DTEND;VALUE=DATE:20231201\r\n"
    "DTSTAMP:20231101T080000Z\r\n"
    "UID:4n6qv1ep0@google.com\r\n"
    "CREATED:20231020T101010Z\r\n"
    "DESCRIPTION:Hội nghị thượng đỉnh thành phố thông minh Việt Nam – Châu Á\r\n"
    "LOCATION:Trung tâm Hội nghị Quốc gia\\, Hà Nội\r\n"
    "SEQUENCE:0\r\n"
    "STATUS:CONFIRMED\r\n"
    "SUMMARY:Vietnam – Asia Smart City Summit 2023\r\n"
    "TRANSP:TRANSPARENT\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART;TZID=Asia/Ho_Chi_Minh:20240315T090000\r\n"
    "DTEND;TZID=Asia/Ho_Chi_Minh:20240315T113000\r\n"
    "DTSTAMP:20240301T080000Z\r\n"
    "UID:7h2k9x@google.com\r\n"
    "SUMMARY:Làm việc với Sở Ngoại vụ\r\n"
    "LOCATION:79 Nguyễn Du\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)
