"""The bundle's print check (gui/print_probe.py): a briefing really goes through QPrinter, and
a process without Qt's CUPS plugin is caught, since such a build lists no printer."""

from __future__ import annotations

import sys
from pathlib import Path

import pdfplumber
import pytest
from pytestqt.qtbot import QtBot

from gui import print_probe
from tests.gui.helpers import close_window, open_window


def test_a_briefing_is_printed_through_qprinter_with_the_cups_plugin(
        qtbot: QtBot, sample_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    pdf = tmp_path / "printed.pdf"
    statuses: list[int] = []
    assert window.catalog is not None
    preview = print_probe.print_first_person(window, window.catalog, pdf, statuses.append)
    assert preview is not None
    qtbot.waitUntil(lambda: bool(statuses), timeout=30_000)
    close_window(window)
    assert statuses == [0]
    with pdfplumber.open(pdf) as printed:  # pages drawn as pictures, as on paper
        assert len(printed.pages) == preview.page_count >= 1
        assert printed.pages[0].images
    if sys.platform.startswith("linux"):
        libraries = print_probe.loaded_libraries(print_probe.CUPS_PLUGIN,
                                                 print_probe.CUPS_LIBRARY)
        assert set(libraries) == {print_probe.CUPS_PLUGIN, print_probe.CUPS_LIBRARY}
        assert print_probe.print_plugin_problem(libraries) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CUPS plugin is Linux only")
def test_a_missing_cups_plugin_or_library_is_named() -> None:
    plugin = "/bundle/PySide6/Qt/plugins/printsupport/libcupsprintersupport.so"
    assert "did not load" in (print_probe.print_plugin_problem({}) or "")
    assert "without libcups" in (print_probe.print_plugin_problem(
        {print_probe.CUPS_PLUGIN: plugin}) or "")
    assert print_probe.print_plugin_problem(
        {print_probe.CUPS_PLUGIN: plugin, print_probe.CUPS_LIBRARY: "/bundle/libcups.so.2"}) is None
