"""The page frame every sheet is printed in, and writing PDFs safely.

A sheet is a list of flowables; this module puts them on A4 or US Letter with
the running header (what the sheet is about, the catalog's name), the footer
("Page X of Y", the date printed), the optional classification line top and
bottom, PDF metadata and bookmarks.

"Page X of Y" is printed in one pass: every footer refers to a small PDF form
holding Y, and the form is written once the last page is known. (The usual
recipe, a canvas that holds back every page until the end, breaks bookmarks:
ReportLab names a page when it is emitted.)
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from db import titles
from db.i18n import _, language
from gui.briefing import fonts, scripts, styles
from gui.briefing.blocks import HeadedBlock
from gui.briefing.styles import Paper
from gui.briefing.tables import SheetTable
from gui.briefing.text import clean
from gui.briefing.text import day as day_text

PAGE_COUNT_FORM = "liaisonPageCount"
# Binary streams: ASCII85 only makes PDFs a quarter larger, and ReportLab encodes it in
# pure Python (a third of the time of a sheet with a dozen portraits).
rl_config.useA85 = 0
PRODUCT = "Liaison"


@dataclass(frozen=True)
class SheetOptions:
    """How a sheet is printed (not what is on it)."""

    paper: Paper = Paper.A4
    classification: str | None = None
    catalog_name: str = ""
    printed_on: dt.date | None = None
    reproducible: bool = False  # ReportLab invariant mode: same input, same bytes
    # How near a source's date must be for an undated title to print as current.
    title_policy: titles.TitlePolicy = titles.DEFAULT_POLICY
    # The printout's own language (``en``/``vi``); None: the language in use (the interface's).
    language: str | None = None
    # The counterpart's copy: programme and participants, none of the office's notes.
    counterpart: bool = False

    @property
    def printed(self) -> dt.date:
        return self.printed_on or dt.date.today()


@dataclass(frozen=True)
class Metadata:
    title: str
    subject: str
    keywords: tuple[str, ...] = field(default_factory=tuple)
    show_outline: bool = False  # open the viewer's bookmarks panel (briefing packs)


class _Canvas(Canvas):
    """A canvas that can write the page-count form once the last page is done."""

    footer_font_size = 7.5

    def save(self) -> None:
        self._write_page_count()
        super().save()

    def getpdfdata(self) -> bytes:
        self._write_page_count()
        data: bytes = super().getpdfdata()
        return data

    def _write_page_count(self) -> None:
        if getattr(self, "_page_count_written", False):
            return
        if len(self._code):
            self.showPage()
        total = len(self._doc.Pages.pages)
        self.beginForm(PAGE_COUNT_FORM)
        self.setFont(fonts.REGULAR, self.footer_font_size)
        self.setFillColor(styles.MUTED)
        self.drawString(0, 0, str(total))
        self.endForm()
        self._page_count_written = True


class SheetDocument(BaseDocTemplate):
    """One frame per page, the running header and footer drawn around it."""

    def __init__(self, target: Any, options: SheetOptions, meta: Metadata) -> None:
        self.options = options
        self.meta = meta
        self.section = meta.title
        width, height = options.paper.size
        super().__init__(
            target, pagesize=(width, height),
            leftMargin=styles.MARGIN_X, rightMargin=styles.MARGIN_X,
            topMargin=styles.MARGIN_TOP, bottomMargin=styles.MARGIN_BOTTOM,
            title=clean(meta.title), author=_author(options), subject=clean(meta.subject),
            creator=PRODUCT, keywords=[clean(k) for k in meta.keywords if clean(k)],
            invariant=1 if options.reproducible else 0, lang=language(),
            initialFontName=fonts.register(), initialFontSize=9.5, initialLeading=12,
            pageCompression=1,
        )
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
        self.addPageTemplates([PageTemplate("sheet", [frame], onPage=self._page_begins,
                                            onPageEnd=self._decorate)])
        self.heading: str | None = None  # the section the page being laid out is in
        self._fresh_page = False

    def beforeDocument(self) -> None:
        if self.meta.show_outline:
            self.canv.showOutline()

    def afterFlowable(self, flowable: Flowable) -> None:
        """Section markers name the part the running header shows; a page that goes on
        with a section started on an earlier page repeats its heading, "(continued)"."""
        section = getattr(flowable, "liaison_section", None)
        if section:
            self.section = section
            self.heading = None
        heading = getattr(flowable, "liaison_heading", None)
        if self._fresh_page and _drawn_height(flowable) > 0:
            self._fresh_page = False
            if heading is None and self.heading and not section:
                self._draw_continued(self.heading)
        if heading:
            self.heading = heading

    def _page_begins(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._fresh_page = True

    def _draw_continued(self, heading: str) -> None:
        """``Biography (continued)`` in the band between the running header and the
        frame, so the page makes sense on its own (a sheet is often read loose)."""
        canvas = self.canv
        width, height = self.pagesize
        room = width - 2 * styles.MARGIN_X
        canvas.saveState()
        canvas.setFillColor(styles.ACCENT)
        text = _fit(_("{heading} (continued)").format(heading=_plain(heading)), fonts.BOLD, 9,
                    room)
        scripts.draw(canvas, styles.MARGIN_X, height - styles.MARGIN_TOP + 6, text, fonts.BOLD, 9)
        canvas.restoreState()

    def _decorate(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        left, right = styles.MARGIN_X, width - styles.MARGIN_X
        canvas.saveState()
        size = 7.5
        classification = _plain(self.options.classification)
        if classification:
            canvas.setFillColor(styles.CLASSIFIED)
            text = _fit(classification.upper(), fonts.BOLD, 8, right - left)
            scripts.draw(canvas, width / 2, height - 7 * 2.8346, text, fonts.BOLD, 8,
                         anchor="centre")
            scripts.draw(canvas, width / 2, 4.5 * 2.8346, text, fonts.BOLD, 8, anchor="centre")
        header_y = height - styles.HEADER_Y - 2.5 * 2.8346
        catalog = _plain(self.options.catalog_name)
        canvas.setFillColor(styles.FAINT)
        catalog_text = _fit(catalog, fonts.REGULAR, size, (right - left) * 0.38)
        scripts.draw(canvas, right, header_y, catalog_text, fonts.REGULAR, size, anchor="right")
        room = right - left - scripts.width(catalog_text, fonts.REGULAR, size) - 12
        canvas.setFillColor(styles.MUTED)
        scripts.draw(canvas, left, header_y, _fit(_plain(self.section), fonts.BOLD, size, room),
                     fonts.BOLD, size)
        canvas.setStrokeColor(styles.RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left, header_y - 4, right, header_y - 4)
        footer_y = styles.FOOTER_Y
        canvas.line(left, footer_y + 9, right, footer_y + 9)
        canvas.setFont(fonts.REGULAR, size)
        canvas.setFillColor(styles.MUTED)
        # "Page 2 of " then the total, a form written when the last page is known.
        prefix = _("Page {page} of {count}").split("{count}")[0].format(
            page=canvas.getPageNumber())
        canvas.drawString(left, footer_y, prefix)
        canvas.saveState()
        canvas.translate(left + stringWidth(prefix, fonts.REGULAR, size), footer_y)
        canvas.doForm(PAGE_COUNT_FORM)
        canvas.restoreState()
        printed = _("Printed {date}").format(date=day_text(self.options.printed))
        canvas.drawRightString(right, footer_y, f"{printed} · {PRODUCT}")
        canvas.restoreState()


def _plain(text: str | None) -> str:
    """One line of user text in drawing order (see scripts.visual)."""
    return scripts.visual(clean(text).replace("\n", " "))


def _drawn_height(flowable: Flowable) -> float:
    """The height a flowable took (tables keep it as ``_height``); 0 for markers."""
    height = getattr(flowable, "height", None)
    if height is None:
        height = getattr(flowable, "_height", 0)
    return float(height or 0)


def _author(options: SheetOptions) -> str:
    name = clean(options.catalog_name).replace("\n", " ")
    return f"{name} ({PRODUCT})" if name else PRODUCT


def _fit(text: str, font: str, size: float, room: float) -> str:
    """*text*, cut with an ellipsis to fit *room* points: running heads never overlap."""
    text = text[:400]  # no running head holds more; measuring all of a long one is slow
    if scripts.width(text, font, size) <= room:
        return text
    low, high = 0, len(text)  # the longest prefix that fits with its ellipsis
    while low < high:
        middle = (low + high + 1) // 2
        if scripts.width(text[:middle] + "…", font, size) <= room:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…" if low else ""


def build_pdf(story: Sequence[Flowable], options: SheetOptions, meta: Metadata) -> bytes:
    """Lay *story* out on pages and return the PDF's bytes."""
    buffer = io.BytesIO()
    doc = SheetDocument(buffer, options, meta)
    try:
        doc.build(list(story), canvasmaker=_Canvas)
    except LayoutError:
        # Last resort: every table as its cells one after another (SheetTable.linear).
        # The grid is lost on this sheet, never the text; a sheet always comes out.
        buffer = io.BytesIO()
        doc = SheetDocument(buffer, options, meta)
        doc.build(_linear(story), canvasmaker=_Canvas)
    return buffer.getvalue()


def _linear(story: Sequence[Flowable]) -> list[Flowable]:
    out: list[Flowable] = []
    for flowable in story:
        if isinstance(flowable, HeadedBlock):
            out += _linear([flowable.heading, flowable.body])
        elif isinstance(flowable, SheetTable):
            out += _linear(flowable.linear()[1:])
        else:
            out.append(flowable)
    return out


def write_atomic(path: Path, data: bytes) -> None:
    """Write *data* to *path* so readers see the old file or the new one, never half of one.

    The bytes go to a temporary file in the same folder (same file system, so the
    rename is atomic), are flushed to disk, then renamed over *path*.
    """
    put_in_place([(stage(path, data), path)])


def stage(path: Path, data: bytes) -> Path:
    """Write *data* to a temporary file beside *path* (not yet flushed, not yet in place);
    :func:`put_in_place` finishes the job."""
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp_name, 0o644)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return Path(tmp_name)


def put_in_place(staged: Sequence[tuple[Path, Path]]) -> None:
    """Flush the staged files to disk, then rename each over its target: every target
    holds its old file or the whole new one, never half of one.

    A batch of sheets flushes its files with one ``sync`` on Linux (where it returns
    when the data is on disk) rather than an ``fsync`` a file: a thousand bio sheets
    waited five seconds on the disk otherwise.
    """
    try:
        if len(staged) > 1 and sys.platform.startswith("linux"):
            os.sync()
        else:
            for tmp, _target in staged:
                with tmp.open("rb") as handle:
                    os.fsync(handle.fileno())
        for tmp, target in staged:
            os.replace(tmp, target)
    except BaseException:
        for tmp, _target in staged:
            tmp.unlink(missing_ok=True)
        raise
