"""Short lines of plain text in a few styles (names, titles, forms of address), laid
out without ReportLab's markup parser: fast, and user text prints as typed."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from gui.briefing import scripts


@dataclass(frozen=True)
class Run:
    """Plain text in one font, size and colour. Never parsed: it prints as typed.

    Made with its constructor, not ``dataclasses.replace`` (five times slower, and a
    sheet makes a thousand runs while wrapping).
    """

    text: str
    font: str
    size: float
    colour: colors.Color


class TextLines(Flowable):
    """Short lines of plain text, each made of a few runs, wrapped at spaces (and inside
    words wider than the column).

    For the name, title and form of address of every person on a sheet: a Paragraph
    parses markup and costs several times more to make and lay out, and a list of
    forty people is made of little else. No markup means user text is printed
    literally without escaping.
    """

    def __init__(self, lines: Sequence[Sequence[Run]], *, leading: float = 1.3) -> None:
        super().__init__()
        # Each run in the order it is drawn, cut where another bundled font must draw it.
        self.lines = [[Run(piece, font, r.size, r.colour)
                       for r in line if r.text
                       for piece, font in scripts.runs(scripts.visual(r.text), r.font)]
                      for line in lines]
        self.lines = [line for line in self.lines if line]
        self.leading = leading
        self._laid: list[tuple[float, float, list[tuple[float, Run]]]] = []
        self._laid_in: float | None = None  # the width _laid was wrapped to
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # A table asks each cell its size more than once at one width: wrap once.
        if self._laid_in == avail_width:
            return self.width, self.height
        self._laid = []
        top = 0.0
        for line in self.lines:
            for row in _wrap_runs(line, max(avail_width, 1.0)):
                size = max(run.size for _, run in row)
                self._laid.append((top + size, size, row))  # baseline, from the top
                top += size * self.leading
        self.width, self.height = avail_width, top
        self._laid_in = avail_width
        return avail_width, top

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        fits = [n for n, (baseline, size, _) in enumerate(self._laid)
                if baseline + size * 0.3 <= avail_height]
        if not fits or len(fits) == len(self._laid):
            return []
        cut = fits[-1] + 1
        rows = [[run for _, run in row] for _, _, row in self._laid]
        return [TextLines(rows[:cut], leading=self.leading),
                TextLines(rows[cut:], leading=self.leading)]

    def draw(self) -> None:
        canvas = self.canv
        for baseline, _size, row in self._laid:
            for x, run in row:
                canvas.setFont(run.font, run.size)
                canvas.setFillColor(run.colour)
                canvas.drawString(x, self.height - baseline, run.text)


def _wrap_runs(line: Sequence[Run], width: float) -> list[list[tuple[float, Run]]]:
    """Greedy word wrap of one line of runs; returns rows of (x, text in one style).

    Words of one style on a row are drawn as one string with real spaces, so text
    extraction, search and screen readers see words, not letters placed near each other.
    """
    words: list[tuple[bool, Run]] = []  # (space before it, the word in its run's style)
    spaced = False
    for run in line:
        for index, piece in enumerate(run.text.split(" ")):
            spaced = spaced or index > 0
            if piece:
                words.append((spaced, Run(piece, run.font, run.size, run.colour)))
                spaced = False
    rows: list[list[tuple[float, Run]]] = [[]]
    x = 0.0

    def put(at: float, text: str, style: Run, space: bool) -> None:
        row = rows[-1]
        if row:
            start, last = row[-1]
            same = (last.font, last.size, last.colour) == (style.font, style.size, style.colour)
            if same:
                row[-1] = (start, Run(last.text + (" " if space else "") + text, last.font,
                                      last.size, last.colour))
                return
            if space:
                row[-1] = (start, Run(last.text + " ", last.font, last.size, last.colour))
        row.append((at, Run(text, style.font, style.size, style.colour)))

    for space_before, word in words:
        measure = functools.partial(stringWidth, fontName=word.font, fontSize=word.size)
        glue = measure(" ") if space_before and rows[-1] else 0.0
        w = measure(word.text)
        if rows[-1] and x + glue + w > width:
            rows.append([])
            x = glue = 0.0
        text = word.text
        while w > width and len(text) > 1:  # wider than the column on its own: cut it
            cut = len(text) - 1
            while cut > 1 and measure(text[:cut]) > width:
                cut -= 1
            put(0.0, text[:cut], word, False)
            rows.append([])
            text = text[cut:]
            w = measure(text)
        put(x + glue, text, word, glue > 0)
        x += glue + w
    return [row for row in rows if row]
