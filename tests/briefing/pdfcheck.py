"""Reading briefing PDFs back the way a reader's viewer would: text, fonts, bookmarks."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfminer.pdftypes import PDFObjRef, resolve1
from pdfminer.psparser import PSLiteral

BASE14 = frozenset({
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica",
    "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold",
    "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
})


def pages_text(data: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def text_of(data: bytes) -> str:
    return "\n".join(pages_text(data))


def flat(text: str) -> str:
    """Whitespace (line breaks from wrapping included) folded to single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def _name(value: Any) -> str:
    value = resolve1(value)
    if isinstance(value, PSLiteral):
        return str(value.name)
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


@dataclass(frozen=True)
class FontInfo:
    base_font: str
    subtype: str
    embedded: bool


def _fonts_in(resources: Any, found: dict[str, FontInfo], seen: set[int]) -> None:
    resources = resolve1(resources) or {}
    for ref in (resolve1(resources.get("Font")) or {}).values():
        font = resolve1(ref)
        base = _name(font.get("BaseFont")).split("+", 1)[-1]
        descriptor = resolve1(font.get("FontDescriptor")) or {}
        embedded = any(k in descriptor for k in ("FontFile", "FontFile2", "FontFile3"))
        found[base] = FontInfo(base, _name(font.get("Subtype")), embedded)
    for ref in (resolve1(resources.get("XObject")) or {}).values():
        if isinstance(ref, PDFObjRef):
            if ref.objid in seen:
                continue
            seen.add(ref.objid)
        xobject = resolve1(ref)
        attrs = getattr(xobject, "attrs", {})
        if _name(attrs.get("Subtype")) == "Form":
            _fonts_in(attrs.get("Resources"), found, seen)


def fonts(data: bytes) -> dict[str, FontInfo]:
    """Every font any page (or form drawn on it) uses, by base name without subset tag."""
    found: dict[str, FontInfo] = {}
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            _fonts_in(page.page_obj.resources, found, set())
    return found


@dataclass(frozen=True)
class Bookmark:
    level: int
    title: str
    page: int  # 1-based


def bookmarks(data: bytes) -> list[Bookmark]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        numbers = {page.page_obj.pageid: n for n, page in enumerate(pdf.pages, start=1)}
        found = []
        for level, title, dest, _action, _se in pdf.doc.get_outlines():
            target = resolve1(dest)
            page_ref = target[0] if isinstance(target, list) else None
            page = numbers.get(page_ref.objid, 0) if isinstance(page_ref, PDFObjRef) else 0
            found.append(Bookmark(level, title, page))
        return found


def metadata(data: bytes) -> dict[str, Any]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return dict(pdf.metadata)


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [(round(float(p.width)), round(float(p.height))) for p in pdf.pages]
