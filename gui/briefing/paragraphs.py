"""ReportLab's Paragraph, its markup read without :class:`html.parser.HTMLParser`.

A sheet makes dozens of paragraphs, and ReportLab reads each one's markup with
Python's HTML parser: half the time of laying a delegation briefing out went
there, more than the sheet's reads (issue 16). The markup this package writes is a
small, regular language (:func:`text.esc` and the sheets: ``<b>``, ``<i>``,
``<br/>``, ``<font>`` with ``color``, ``name`` or ``size``, ``&amp;``, ``&lt;``,
``&gt;``), so :class:`Paragraph` cuts it into tags and text with one regular
expression and hands them to ReportLab's own parser's handlers, in the order the
HTML parser would: the fragments, hence the PDF, are the same to the byte. Markup
outside that language (none of ours) goes through ReportLab's parser as before.

``tests/briefing/test_paragraphs.py`` holds the two readings equal, fragment by
fragment, on every paragraph the sample sheets make and on hostile text.
"""

from __future__ import annotations

import re
from typing import Any

from reportlab.lib.colors import toColor
from reportlab.lib.fonts import tt2ps
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import (
    ParaFrag,
    ParaParser,
    _applyAttributes,
    _greekConvert,
    known_entities,
)

# One token of our markup: text, a bare tag, a font tag with its attributes, an entity.
_TOKEN = re.compile(r'([^<&]+)|<(b|/b|i|/i|br/|/font)>'
                    r'|<font((?: (?:color|name|size)="[^"<>&]*")+)>|&(amp|lt|gt);')
_ATTRIBUTE = re.compile(r' (color|name|size)="([^"<>&]*)"')


def _copy(frag: ParaFrag) -> ParaFrag:
    """``copy.copy(frag)`` (a new object with the same attributes), without copy's
    general machinery: the parser copies a fragment for every tag and every text."""
    cls = frag.__class__
    new: ParaFrag = cls.__new__(cls)
    new.__dict__.update(frag.__dict__)
    return new


_colours: dict[str, Any] = {}


def _colour(value: str) -> Any:
    """``toColor(value)``, read once per value: ReportLab tries a CSS parser, the named
    colours and two expression evaluators before it reads ``#1f4e79``. Our colours are
    this package's few constants, and a Color is never changed once made."""
    found = _colours.get(value)
    if found is None:
        found = _colours[value] = toColor(value)
    return found


class _Parser(ParaParser):
    """ReportLab's paragraph parser, fed our markup's tokens directly.

    Its handlers are ReportLab's own; :meth:`_push` and :meth:`handle_data` are theirs
    too, line for line, with a cheaper copy of the fragment.
    """

    def _push(self, tag: str, **attr: Any) -> None:
        frag = _copy(self._stack[-1])
        frag.__tag__ = tag
        _applyAttributes(frag, attr)
        self._stack.append(frag)

    def handle_data(self, data: str) -> None:
        frag = _copy(self._stack[-1])
        if hasattr(frag, "cbDefn"):
            kind = frag.cbDefn.kind
            if data:
                self._syntax_error(f"Only empty <{kind}> tag allowed")
        elif hasattr(frag, "_selfClosingTag"):
            if data != "":
                self._syntax_error(f"No content allowed in {frag._selfClosingTag} tag")
            return
        elif frag.greek:
            frag.fontName = "symbol"
            data = _greekConvert(data)
        frag.fontName = tt2ps(frag.fontName, frag.bold, frag.italic)
        frag.text = data
        if hasattr(frag, "isBullet"):
            delattr(frag, "isBullet")
            self.bFragList.append(frag)
        else:
            self.fragList.append(frag)

    def read(self, text: str, style: Any) -> list[ParaFrag] | None:
        """The fragments of *text* (already cleaned, as Paragraph cleans it), or None
        when it holds anything outside our markup: ReportLab's parser reads that."""
        tokens = []
        at = 0
        for match in _TOKEN.finditer(text):
            if match.start() != at:
                return None
            tokens.append(match.groups())
            at = match.end()
        if at != len(text) or text.startswith("<para"):
            return None
        self._setup_for_parse(style)
        # What HTMLParser calls for "<para>" + text + "</para>" (see ParaParser.parse).
        self.start_para({})
        for data, tag, attributes, entity in tokens:
            if data is not None:
                self.handle_data(data)
            elif tag is not None:
                if tag == "br/":  # a self-closing tag: its start, then its end
                    self.start_br({})
                    self.end_br()
                elif tag[0] == "/":
                    getattr(self, "end_" + tag[1:])()
                else:
                    getattr(self, "start_" + tag)({})
            elif attributes is not None:
                found = dict(_ATTRIBUTE.findall(attributes))
                if found.keys() == {"color"}:  # start_font, its colour read once (_colour)
                    self._push("font", textColor=_colour(found["color"]))
                else:
                    self.start_font(found)
            else:
                self.handle_data(known_entities[entity])
        self.end_para()
        _style, frags, _bullet = self._complete_parse()
        return frags


class Paragraph(_Paragraph):
    """A ReportLab Paragraph whose markup (ours) is read without the HTML parser."""

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any,
               cleaner: Any) -> None:
        if frags is None and isinstance(text, str):
            cleaned = cleaner(text)
            parser = _Parser()
            parser.caseSensitive = self.caseSensitive
            try:
                found = parser.read(cleaned, style)
            except Exception:  # markup that does not nest: ReportLab's parser says how
                found = None
            if found is not None:
                textTransformFrags(found, style)
                super()._setup(cleaned, style, bulletText, found, cleaner)
                return
        super()._setup(text, style, bulletText, frags, cleaner)
