"""The database worker: writes run on its thread while the window keeps living."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from gui.worker import Worker


@pytest.fixture
def worker(qapp: object) -> Iterator[Worker]:
    runner = Worker()
    yield runner
    runner.shutdown()


def test_call_runs_on_the_worker_while_the_gui_keeps_processing_events(
        worker: Worker) -> None:
    """The job waits for something only the GUI thread's event loop can do: a timer.
    Were the GUI thread blocked during the call, the job would time out."""
    ticked = threading.Event()
    QTimer.singleShot(0, ticked.set)

    def job() -> tuple[str, bool]:
        return threading.current_thread().name, ticked.wait(timeout=5)

    thread, gui_ran = worker.call(job)
    assert gui_ran
    assert thread != threading.main_thread().name
    assert worker.timings[-1][0].endswith("job")


def test_call_raises_the_jobs_error_to_the_caller(worker: Worker) -> None:
    def refused() -> None:
        raise LookupError("version 3 was saved elsewhere")

    with pytest.raises(LookupError, match="saved elsewhere"):
        worker.call(refused)


def test_after_shutdown_a_call_still_runs(worker: Worker) -> None:
    worker.shutdown()
    assert worker.call(lambda: 42) == 42


def test_results_come_back_in_order_by_signal(qtbot: QtBot, worker: Worker) -> None:
    seen: list[int] = []
    for n in range(5):
        worker.submit(lambda n=n: n * n, seen.append)
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert seen == [0, 1, 4, 9, 16]
