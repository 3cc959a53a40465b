"""One database worker thread; results come back to the GUI thread by signal.

Anything that may take longer than a frame (a filtered page of 100,000
people, a search on every keystroke, a save) runs here so the window never
freezes. A job is a plain callable; its result (a frozen read object, an
``ops.Result``) is delivered to the callback on the GUI thread. Callers that
only want the latest answer (search-as-you-type) compare the ticket they hold
with the one that arrives.

A job that fails is never lost: it is logged with its traceback, then handed
to the caller's ``on_error``, or, when the caller gave none, announced by
:attr:`Worker.problem` (the window shows it to the user).

Following Qt's advice we do not subclass QThread: a runner object lives on a
plain QThread and receives jobs through a queued signal.
"""

from __future__ import annotations

import itertools
import logging
import time
import traceback
from collections import deque
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QThread, Signal, Slot

T = TypeVar("T")
Job = Callable[[], Any]
OnDone = Callable[[Any], None]
OnError = Callable[[Exception], None]

log = logging.getLogger(__name__)
TIMINGS_KEPT = 200


class _Runner(QObject):
    finished = Signal(int, object, float)
    failed = Signal(int, object, float)

    @Slot(int, object)
    def run(self, ticket: int, job: Job) -> None:
        started = time.perf_counter()
        try:
            result = job()
        except Exception as exc:
            exc.__notes__ = [*getattr(exc, "__notes__", []), traceback.format_exc()]
            self.failed.emit(ticket, exc, time.perf_counter() - started)
        else:
            self.finished.emit(ticket, result, time.perf_counter() - started)


class _Pending(NamedTuple):  # no dataclass: the worker starts before the first frame
    name: str
    on_done: OnDone
    on_error: OnError | None
    waited: bool = False  # Worker.call: the caller raises the error itself


def job_name(job: Callable[..., Any]) -> str:
    """``RecordListModel._request.<locals>.job``: what a job was, for logs and timings."""
    return str(getattr(job, "__qualname__", None) or type(job).__name__)


class Worker(QObject):
    """Runs jobs one at a time on a background thread, in the order submitted."""

    _submit = Signal(int, object)
    idle = Signal()
    problem = Signal(str)  # a job without its own error path failed: tell the user

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
        self._callbacks: dict[int, _Pending] = {}
        #: (job name, seconds on the worker thread) of the latest jobs, oldest first:
        #: what benchmarks and tests measure as "worker time".
        self.timings: deque[tuple[str, float]] = deque(maxlen=TIMINGS_KEPT)
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:  # never leave the thread running when Qt tears down
            app.aboutToQuit.connect(self.shutdown)

    def submit(self, job: Callable[[], T], on_done: Callable[[T], None],
               on_error: OnError | None = None) -> int:
        """Queue *job*; *on_done(result)* runs later on the GUI thread. Returns its ticket.

        Without *on_error*, a failure is logged and reported by :attr:`problem`.
        """
        return self._queue(job, _Pending(job_name(job), on_done, on_error))

    def _queue(self, job: Job, pending: _Pending) -> int:
        ticket = next(self._tickets)
        self._callbacks[ticket] = pending
        self._submit.emit(ticket, job)
        return ticket

    def call(self, job: Callable[[], T]) -> T:
        """Run *job* on the worker and wait for it, the window still painting meanwhile.

        For writes whose caller needs the answer before going on (a form learns the
        saved record's id, or why the save was refused): the operation runs on the
        database thread in order with every read, and user input is held back until
        it is done, like Anki's ``CollectionOp``. The job's exception is raised here.
        """
        if not self._thread.isRunning():  # shut down (the app is quitting): run it here
            return job()
        loop = QEventLoop()
        outcome: list[Any] = []

        def finish(value: object) -> None:
            outcome.append(value)
            loop.quit()

        self._queue(job, _Pending(job_name(job), finish, None, waited=True))
        if not outcome:
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        value = outcome[0]
        if isinstance(value, _Failure):
            raise value.error
        result: T = value
        return result

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def _on_finished(self, ticket: int, result: object, seconds: float) -> None:
        pending = self._callbacks.pop(ticket, None)
        if pending is not None:
            self.timings.append((pending.name, seconds))
            pending.on_done(result)
        if not self._callbacks:
            self.idle.emit()

    def _on_failed(self, ticket: int, error: Exception, seconds: float) -> None:
        pending = self._callbacks.pop(ticket, None)
        if pending is not None:
            self.timings.append((pending.name, seconds))
            if pending.waited:  # Worker.call raises it to a caller that reports it
                log.info("%s refused: %s", pending.name, error)
                pending.on_done(_Failure(error))
            else:
                log.error("%s failed: %s", pending.name, error,
                          exc_info=(type(error), error, error.__traceback__))
                if pending.on_error is not None:
                    pending.on_error(error)
                else:
                    self.problem.emit(f"Liaison could not finish a task: {error}")
        if not self._callbacks:
            self.idle.emit()

    def shutdown(self) -> None:
        """Finish the running job and stop the thread (window closed or app quitting)."""
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()


class _Failure:
    """An exception travelling from the worker back to :meth:`Worker.call`."""

    def __init__(self, error: Exception) -> None:
        self.error = error
