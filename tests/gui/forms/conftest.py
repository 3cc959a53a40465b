"""Fixtures for driving the real editors on real catalog files.

Questions a form asks (save changes? delete? which value to keep?) go through
:class:`ScriptedPrompts`, which answers from a queue and records what was asked;
a few tests answer the real Qt dialogs instead (see ``answer_dialog``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import Person
from gui.conflict import Choice, ConflictRow
from gui.forms import form_for
from gui.forms.base import RecordForm
from gui.forms.context import FormContext
from gui.forms.prompts import Answer, Prompts


class ScriptedPrompts(Prompts):
    def __init__(self) -> None:
        self.answers: deque[Any] = deque()
        self.asked: list[tuple[str, Any]] = []

    def _next(self, what: str, detail: Any) -> Any:
        self.asked.append((what, detail))
        assert self.answers, f"unexpected question: {what} {detail!r}"
        answer = self.answers.popleft()
        return answer(detail) if callable(answer) else answer

    def unsaved_changes(self, parent: QWidget | None, title: str) -> Answer:
        return self._next("unsaved", title)  # type: ignore[no-any-return]

    def confirm_delete(self, parent: QWidget | None, text: str,
                       details: Sequence[str]) -> bool:
        return self._next("delete", (text, list(details)))  # type: ignore[no-any-return]

    def problem(self, parent: QWidget | None, text: str) -> None:
        self.asked.append(("problem", text))

    def deleted_elsewhere(self, parent: QWidget | None, title: str) -> bool:
        return self._next("deleted elsewhere", title)  # type: ignore[no-any-return]

    def resolve_conflict(self, parent: QWidget | None, title: str,
                         rows: Sequence[ConflictRow]) -> dict[str, Choice] | None:
        return self._next("conflict", list(rows))  # type: ignore[no-any-return]


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def context(sample_catalog: Catalog, prompts: ScriptedPrompts) -> FormContext:
    return FormContext.for_catalog(sample_catalog, prompts=prompts)


@pytest.fixture
def open_form(qtbot: QtBot, context: FormContext) -> Callable[..., RecordForm]:
    def make(kind: RecordKind, record_id: int | None = None,
             ctx: FormContext | None = None) -> RecordForm:
        form = form_for(kind, ctx or context)
        qtbot.addWidget(form)
        form.resize(900, 760)
        form.show()
        if record_id is not None:
            assert form.load(record_id)
        return form

    return make


def commit_text(widget: QWidget, text: str) -> None:
    """Type *text* as an input method would (qtbot.keyClicks cannot type ễ or Đ)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def person_id(catalog: Catalog, family: str, given: str) -> int:
    with catalog.read_session() as session:
        found = session.exec(select(Person).where(Person.family_name == family,
                                                  Person.given_names == given)).one()
    assert found.id is not None
    return found.id


@pytest.fixture
def answer_dialog(qtbot: QtBot) -> Iterator[Callable[[Callable[[QDialog], None]], None]]:
    """Answer the next modal dialog with *act* as soon as it is shown (no sleeps)."""
    done: list[bool] = []

    def arm(act: Callable[[QDialog], None]) -> None:
        def poll() -> None:
            widget = QApplication.activeModalWidget()
            if isinstance(widget, QDialog) and widget.isVisible():
                act(widget)
                done.append(True)
            else:
                QTimer.singleShot(10, poll)

        QTimer.singleShot(0, poll)

    yield arm
