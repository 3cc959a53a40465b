"""The Qt binding itself must not corrupt the interpreter.

PySide6 6.12.0 returns a borrowed ``True`` from ``Signal.emit()``: each emit
whose result is dropped releases ``True`` once more, and a few thousand emits
later Python aborts with "deallocating True or False". This pins that down.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView


class _Sender(QObject):
    fired = Signal(int)


def test_emit_keeps_reference_counts(qapp: object) -> None:
    sender = _Sender()
    received: list[int] = []
    sender.fired.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    for number in range(200):
        sender.fired.emit(number)
    after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    assert received == list(range(200))
    assert [a - b for a, b in zip(after, before, strict=True)] == [0, 0, 0]


def test_pdf_preview_modules_are_installed() -> None:
    assert QPdfDocument is not None and QPdfView is not None
