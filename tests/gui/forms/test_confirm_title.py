"""“Confirmed today…” on a title known only from a 2017 article: the source is asked for,
the title prints as current (no "as of", addressed by it), and one undo takes it back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db.i18n import format_date
from db.kinds import RecordKind
from db.models import Citation, Position, Source
from gui.briefing.render import Kind, render
from gui.confirm import ConfirmTitleDialog
from gui.main_window import MainWindow
from tests.briefing.conftest import person_id
from tests.briefing.pdfcheck import flat, text_of
from tests.gui.helpers import close_window, open_window

CHAIRMAN = "Chairman of the Hanoi People's Committee"
SOURCE = "Phone call to the Hanoi protocol office"


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


def _texts(window: MainWindow) -> str:
    return "\n".join(window.current_page().detail.texts())


def _sheet(window: MainWindow, chung: int) -> str:
    assert window.catalog is not None
    return flat(text_of(render(window.catalog, Kind.PERSON, chung)))


def test_confirming_a_title_today_prints_it_as_current_and_undo_takes_it_back(
        qtbot: QtBot, window: MainWindow,
        answer_dialog: Callable[[Callable[[QDialog], None]], None]) -> None:
    assert window.catalog is not None
    chung = person_id(window.catalog, "Nguyễn", "Đức Chung")
    with window.catalog.read_session() as session:
        chairman = session.exec(select(Position).where(Position.person_id == chung,
                                                       Position.title == CHAIRMAN)).one()
    before = _sheet(window, chung)
    assert f"{CHAIRMAN} (as of 13 June 2017)" in before
    assert "Form of address Mr Chung" in before

    window.open_record(RecordKind.PERSON.value, chung)
    qtbot.waitUntil(lambda: "as of 13 June 2017" in _texts(window))
    button = window.current_page().detail.findChild(QPushButton,
                                                    f"confirm_title_{chairman.id}")
    assert button is not None and CHAIRMAN in button.text()

    def answer(dialog: QDialog) -> None:
        assert isinstance(dialog, ConfirmTitleDialog)
        ok = dialog.buttons.buttons()[0]
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        qtbot.keyClicks(dialog.source, SOURCE)
        assert ok.isEnabled()
        qtbot.keyClick(dialog.source, Qt.Key.Key_Return)

    answer_dialog(answer)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)  # runs the dialog; answered above

    today = dt.date.today()
    qtbot.waitUntil(lambda: f"confirmed ({format_date(today)})" in _texts(window))
    assert SOURCE in _texts(window)  # the pane lists the new source
    with window.catalog.read_session() as session:
        assert today.isoformat() in session.get(Position, chairman.id).attested_on  # type: ignore[union-attr]
        source = session.exec(select(Source).where(Source.title == SOURCE)).one()
        cited = session.exec(select(Citation).where(Citation.source_id == source.id)).one()
    assert (cited.record_kind, cited.record_id) == ("person", chung)
    assert source.published_on == today

    after = _sheet(window, chung)
    assert "(as of 13 June 2017)" not in after
    assert f"{CHAIRMAN}: as of" not in after  # no longer "to confirm"
    assert "Form of address Chairman Chung" in after
    assert SOURCE in after  # the Sources list says on what authority

    assert window.menus.undo_action.text() == f"&Undo Confirm {CHAIRMAN}"
    window.menus.undo_action.trigger()  # one step: attestation, citation and source
    qtbot.waitUntil(lambda: "as of 13 June 2017" in _texts(window))
    with window.catalog.read_session() as session:
        assert session.get(Position, chairman.id).attested_on == ["2017-06-13"]  # type: ignore[union-attr]
        assert session.exec(select(Source).where(Source.title == SOURCE)).first() is None
    assert _sheet(window, chung) == before

    window.menus.redo_action.trigger()  # and back, with the same source
    qtbot.waitUntil(lambda: f"confirmed ({format_date(today)})" in _texts(window))
    with window.catalog.read_session() as session:
        again = session.exec(select(Source).where(Source.title == SOURCE)).one()
    assert again.id == source.id
