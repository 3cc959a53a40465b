"""The building blocks sheets are made of, by the name they had when they lived here.

The blocks now live in one module per job: :mod:`gui.briefing.blocks` (headings,
bookmarks, part markers), :mod:`gui.briefing.tables` (tables that split well),
:mod:`gui.briefing.textlines` (plain lines of names and titles) and
:mod:`gui.briefing.portrait`. Code written against this module keeps working.
"""

from __future__ import annotations

from gui.briefing.blocks import HeadedBlock, Heading, Keys, Part
from gui.briefing.portrait import Portrait
from gui.briefing.tables import (
    MIN_ROW_SPLIT,
    NEVER_FITS,
    CompactTable,
    SheetTable,
    facts_table,
    list_table,
    table_style,
)
from gui.briefing.textlines import Run, TextLines

__all__ = ["MIN_ROW_SPLIT", "NEVER_FITS", "CompactTable", "HeadedBlock", "Heading", "Keys",
           "Part", "Portrait", "Run", "SheetTable", "TextLines", "facts_table", "list_table",
           "table_style"]
