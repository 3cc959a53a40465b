"""A meeting (engagement) is a record of its own: opened from search or from its
delegation's programme, it is what the detail pane shows, what Edit opens and what
Delete deletes (only it, as one undo step); the list highlights its delegation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db.kinds import RecordKind
from db.models import Delegation, Engagement
from gui.forms.dialog import EditorDialog
from gui.main_window import MainWindow
from tests.gui.forms.conftest import ScriptedPrompts
from tests.gui.helpers import close_window, open_window, type_text

MEETING = "Working meeting with Saigon Hi-Tech Park"
HCMC = "EU World Cities delegation to Ho Chi Minh City (Košice pairing), 2017"
HANOI = "EU World Cities delegation to Hanoi (Milan pairing), June 2017"


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


def _detail_title(window: MainWindow) -> str:
    return window.current_page().detail.title()


def _highlighted(window: MainWindow) -> str | None:
    panel = window.panels[RecordKind.DELEGATION]
    rows = panel.view.selectionModel().selectedRows()
    if not rows:
        return None
    return str(panel.model.index(rows[0].row(), panel.model.column("title")).data())


def _ids(window: MainWindow, model: type, **where: object) -> list[int]:
    assert window.catalog is not None
    with window.catalog.read_session() as session:
        query = select(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return [row.id for row in session.exec(query)]


def test_a_meeting_opened_from_search_is_shown_and_its_delegation_highlighted(
        qtbot: QtBot, window: MainWindow) -> None:
    window.open_record("delegation", _ids(window, Delegation, title=HANOI)[0])
    qtbot.waitUntil(lambda: _highlighted(window) == HANOI)
    box = window.search_box
    with qtbot.waitSignal(box.searched, timeout=5_000, check_params_cb=lambda q, n: n > 0):
        type_text(box, "working meeting Saigon Hi-Tech")
    results = box.results
    row = next(r for r in range(results.rowCount())
               if str(results.index(r, 0).data()).strip().startswith(MEETING))
    box.popup.setCurrentIndex(results.index(row, 0))  # Down arrow to the meeting, then Enter
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _detail_title(window) == MEETING, timeout=5_000)
    texts = window.current_page().detail.texts()
    assert HCMC in texts  # its delegation, as a link
    assert window.sections.currentItem().text() == "Delegations"
    qtbot.waitUntil(lambda: _highlighted(window) == HCMC)  # not the Hanoi one shown before


def test_a_meeting_opens_from_the_programme_edits_and_deletes_on_its_own(
        qtbot: QtBot, window: MainWindow) -> None:
    assert window.forms is not None
    prompts = ScriptedPrompts()
    window.forms.prompts = prompts
    hanoi = _ids(window, Delegation, title=HANOI)[0]
    meetings_before = len(_ids(window, Engagement, delegation_id=hanoi))
    window.open_record("delegation", hanoi)
    qtbot.waitUntil(lambda: _detail_title(window) == HANOI, timeout=5_000)
    link = next(label for label in window.current_page().detail.links()
                if label.text() == "Meeting with Chairman Nguyễn Đức Chung")
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _detail_title(window) == "Meeting with Chairman Nguyễn Đức Chung")
    assert window.menus.back_action.isEnabled()  # Back returns to the delegation

    window.menus.edit_action.trigger()  # Ctrl+E: the meeting's own form, not the delegation's
    editor = next(d for d in window.findChildren(EditorDialog) if d.isVisible())
    assert editor.form.kind is RecordKind.ENGAGEMENT
    title = editor.form.fields.fields["title"]
    title.set_value(None)
    type_text(title.input(), "Meeting with Chairman Chung at City Hall")
    qtbot.keyClick(title.input(), Qt.Key.Key_Return)  # Enter saves
    assert not editor.isVisible()
    qtbot.waitUntil(lambda: _detail_title(window) == "Meeting with Chairman Chung at City Hall")

    prompts.answers.append(True)  # yes, delete
    window.menus.delete_action.trigger()
    (asked, (question, _details)), = prompts.asked
    assert asked == "delete" and "Meeting with Chairman Chung at City Hall" in question
    assert HANOI not in question
    assert _ids(window, Delegation, title=HANOI) == [hanoi]  # the delegation stays
    assert len(_ids(window, Engagement, delegation_id=hanoi)) == meetings_before - 1
    qtbot.waitUntil(lambda: _detail_title(window) == HANOI)  # back to its programme
    assert window.forms.editing.stack.undoText().startswith("Delete Meeting with")
    window.forms.editing.stack.undo()  # one step brings it back
    assert len(_ids(window, Engagement, delegation_id=hanoi)) == meetings_before


def test_a_new_record_is_shown_once_saved(qtbot: QtBot, window: MainWindow) -> None:
    window.show_section("delegations")
    window.menus.new_action.trigger()  # Ctrl+N
    editor = next(d for d in window.findChildren(EditorDialog) if d.isVisible())
    type_text(editor.form.fields.fields["title"].input(), "Đoàn Thành phố Huế thăm Seoul")
    qtbot.keyClick(editor.form.fields.fields["title"].input(), Qt.Key.Key_Return)  # saves
    assert not editor.isVisible()
    qtbot.waitUntil(lambda: _detail_title(window) == "Đoàn Thành phố Huế thăm Seoul")
    qtbot.waitUntil(lambda: _highlighted(window) == "Đoàn Thành phố Huế thăm Seoul")
