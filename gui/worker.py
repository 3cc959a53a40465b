"""One database worker thread; results come back to the GUI thread by signal.

Anything that may take longer than a frame (a filtered page of 100,000
people, a search on every keystroke) runs here so the window never freezes.
A job is a plain callable; its result (a frozen read object) is delivered to
the callback on the GUI thread. Callers that only want the latest answer
(search-as-you-type) compare the ticket they hold with the one that arrives.

Following Qt's advice we do not subclass QThread: a runner object lives on a
plain QThread and receives jobs through a queued signal.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

T = TypeVar("T")
Job = Callable[[], Any]
OnDone = Callable[[Any], None]
OnError = Callable[[Exception], None]


class _Runner(QObject):
    finished = Signal(int, object)
    failed = Signal(int, object)

    @Slot(int, object)
    def run(self, ticket: int, job: Job) -> None:
        try:
            result = job()
        except Exception as exc:
            exc.__notes__ = [*getattr(exc, "__notes__", []), traceback.format_exc()]
            self.failed.emit(ticket, exc)
        else:
            self.finished.emit(ticket, result)


class Worker(QObject):
    """Runs jobs one at a time on a background thread, in the order submitted."""

    _submit = Signal(int, object)
    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("liaison-db")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)
        self._tickets = itertools.count(1)
        self._callbacks: dict[int, tuple[OnDone, OnError | None]] = {}
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:  # never leave the thread running when Qt tears down
            app.aboutToQuit.connect(self.shutdown)

    def submit(self, job: Callable[[], T], on_done: Callable[[T], None],
               on_error: OnError | None = None) -> int:
        """Queue *job*; *on_done(result)* runs later on the GUI thread. Returns its ticket."""
        ticket = next(self._tickets)
        self._callbacks[ticket] = (on_done, on_error)
        self._submit.emit(ticket, job)
        return ticket

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def _on_finished(self, ticket: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(ticket, (None, None))
        if on_done is not None:
            on_done(result)
        if not self._callbacks:
            self.idle.emit()

    def _on_failed(self, ticket: int, error: Exception) -> None:
        _, on_error = self._callbacks.pop(ticket, (None, None))
        if on_error is not None:
            on_error(error)
        if not self._callbacks:
            self.idle.emit()

    def shutdown(self) -> None:
        """Finish the running job and stop the thread (window closed or app quitting)."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
