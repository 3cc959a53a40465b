"""Printing from the packaged app, for the bundle's smoke test (packaging/smoke.py).

``LIAISON_QUIT_WHEN_SHOWN=print`` and ``LIAISON_PRINT_TO=FILE.pdf``: once the catalog is
shown, the first person's bio sheet is built in the briefing preview and sent through a
``QPrinter`` exactly as File > Print briefing… does (the printer being a PDF file, since CI
has no printer), then the app quits: status 0 and one line on stdout, or 1 and the reason
on stderr.

Why more than the PDF: a bundle that lost Qt's CUPS print plugin, or the libcups it links,
still writes PDFs but lists no printer on a user's desktop. So the probe also names the
plugin and the libcups that this process actually loaded (from /proc/self/maps on Linux),
and fails when Qt loaded none.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget

from db import registry
from db.kinds import RecordKind
from gui.preview import BriefingPreview

if TYPE_CHECKING:
    from db.catalog import Catalog

PRINT_TO_ENV = "LIAISON_PRINT_TO"
CUPS_PLUGIN = "libcupsprintersupport"
CUPS_LIBRARY = "libcups.so"


def loaded_libraries(*prefixes: str) -> dict[str, str]:
    """File name prefix -> path of the first shared library mapped into this process
    whose file name starts with it (Linux; elsewhere nothing is known)."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        return {}
    found: dict[str, str] = {}
    for line in maps.read_text(encoding="utf-8", errors="replace").splitlines():
        path = line.split(maxsplit=5)[-1] if line.count(" ") >= 5 else ""
        for prefix in prefixes:
            if prefix not in found and Path(path).name.startswith(prefix):
                found[prefix] = path
    return found


def print_plugin_problem(libraries: dict[str, str]) -> str | None:
    """What is wrong with printing to real printers in this process, if anything."""
    if not sys.platform.startswith("linux"):
        return None
    if CUPS_PLUGIN not in libraries:
        return ("Qt's CUPS print plugin (libcupsprintersupport) did not load: "
                "printing would reach no printer")
    if CUPS_LIBRARY not in libraries:
        return "the CUPS print plugin loaded without libcups"
    return None


def print_first_person(window: QWidget, catalog: Catalog, target: Path,
                       finish: Callable[[int], None]) -> BriefingPreview | None:
    """Preview the first person's bio sheet and print it to *target*; *finish* gets the
    exit status. Returns the preview (kept alive by the caller until it finishes)."""
    with catalog.read_session() as session:
        people = registry.labels_in_order(session, RecordKind.PERSON)
    if not people:
        print("liaison: print check: the catalog has no person to print", file=sys.stderr)
        finish(1)
        return None
    preview = BriefingPreview(window, catalog, "person", people[0].id)

    def failed(message: str) -> None:
        print(f"liaison: print check: {message}", file=sys.stderr)
        finish(1)

    def ready() -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # loads the print plugin
        printers = len(QPrinterInfo.availablePrinterNames())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setFullPage(True)
        if not preview.paint_to(printer):  # Qt's painting, as a paper printer gets it
            failed(f"the briefing could not be printed to {target}")
            return
        libraries = loaded_libraries(CUPS_PLUGIN, CUPS_LIBRARY)
        problem = print_plugin_problem(libraries)
        if problem:
            failed(problem)
            return
        print(f"printed {preview.page_count} page(s) of {people[0].label}'s bio sheet to "
              f"{target}; printers listed: {printers}; print plugin: "
              f"{libraries.get(CUPS_PLUGIN, 'n/a')}; libcups: "
              f"{libraries.get(CUPS_LIBRARY, 'n/a')}", flush=True)
        finish(0)

    preview.ready.connect(ready)
    preview.failed.connect(failed)
    return preview
