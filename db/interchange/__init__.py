"""Import and export: spreadsheets, address books, calendars, Popolo and our own JSON.

The public entry points (the CLI and the app's dialogs use only these)::

    prepared = interchange.prepare("contacts.xlsx", kind="person")   # reads, writes nothing
    report = interchange.import_prepared(catalog, prepared, dry_run=False)
    interchange.export(catalog, "csv", "people.csv", kind="person", language="vi")
    interchange.undo(catalog, report.undo)                           # the app's Undo
"""

from __future__ import annotations

from db.interchange.importer import Issue, Report, Undo, undo
from db.interchange.source import FORMATS, Prepared, import_prepared, prepare
from db.interchange.tables import FileProblem

__all__ = ["FORMATS", "FileProblem", "Issue", "Prepared", "Report", "Undo", "import_prepared",
           "prepare", "undo"]
