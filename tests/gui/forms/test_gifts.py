"""The gift register in the window: recorded by keyboard from a person's pane, listed
there and on the delegation it was given at, opened again from its link, undone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db.kinds import RecordKind
from db.models import Delegation, Gift, Person
from gui.forms.dialog import EditorDialog
from gui.main_window import MainWindow
from tests.gui.helpers import close_window, open_window


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


def _ids(window: MainWindow) -> tuple[int, int]:
    assert window.catalog is not None
    with window.catalog.read_session() as session:
        chung = session.exec(select(Person).where(Person.family_name == "Nguyễn",
                                                  Person.given_names == "Đức Chung")).one()
        visit = session.exec(select(Delegation).where(
            Delegation.title.startswith("EU World Cities"))).first()  # type: ignore[attr-defined]
    assert chung.id is not None and visit is not None and visit.id is not None
    return chung.id, visit.id


def _texts(window: MainWindow) -> list[str]:
    return window.current_page().detail.texts()


def _type(qtbot: QtBot, text: str) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClicks(widget, text)


def _key(qtbot: QtBot, key: Qt.Key,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def test_a_gift_typed_by_keyboard_shows_on_the_person_and_the_delegation(
        qtbot: QtBot, window: MainWindow) -> None:
    chung, visit = _ids(window)
    window.open_record(RecordKind.PERSON.value, chung)
    qtbot.waitUntil(lambda: window.current_page().detail.title() == "Nguyễn Đức Chung")
    assert not any("Gifts given and received" in t for t in _texts(window))
    add = window.current_page().detail.findChild(QPushButton, "new_gift")
    assert add is not None and add.text() == "Add gift…"
    add.setFocus()
    qtbot.keyClick(add, Qt.Key.Key_Space)
    dialog = next(d for d in window.findChildren(EditorDialog) if d.isVisible())
    form = dialog.form
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: form.fields.fields["description"].input().hasFocus())
    _type(qtbot, "Silk scarf from Milan")
    form.fields.fields["date"].input().setFocus()
    _type(qtbot, "13/06/2017")
    delegation = form.fields.fields["delegation_id"].input()
    delegation.setFocus()
    _type(qtbot, "EU World")
    qtbot.waitUntil(lambda: form.fields.fields["delegation_id"].completer.popup().isVisible())
    popup = form.fields.fields["delegation_id"].completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.fields.fields["delegation_id"].value() == visit
    form.fields.fields["value"].input().setFocus()
    _type(qtbot, "about 40 EUR")
    assert form.fields.fields["to_person_id"].value() == chung  # filled in from the pane
    with qtbot.waitSignal(dialog.accepted):
        _key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: "Silk scarf from Milan" in _texts(window))
    texts = _texts(window)
    assert any(t.upper() == "GIFTS GIVEN AND RECEIVED (1)"
               or t == "Gifts given and received (1)" for t in texts)
    line = texts[texts.index("Silk scarf from Milan") + 1]
    assert line.startswith("Given · 13 Jun 2017 · to Nguyễn Đức Chung · EU World Cities")
    assert "about 40 EUR" in line
    assert window.catalog is not None
    with window.catalog.read_session() as session:
        gift = session.exec(select(Gift)).one()
    assert (gift.direction, gift.to_person_id, gift.delegation_id) == ("given", chung, visit)

    window.open_record(RecordKind.DELEGATION.value, visit)
    qtbot.waitUntil(lambda: "Silk scarf from Milan" in _texts(window))

    window.menus.undo_action.trigger()  # one step takes it back out
    qtbot.waitUntil(lambda: "Silk scarf from Milan" not in _texts(window))


def test_a_gift_link_opens_its_editor(qtbot: QtBot, window: MainWindow) -> None:
    from db import ops

    chung, visit = _ids(window)
    assert window.catalog is not None
    ops.create(window.catalog, RecordKind.GIFT, {
        "description": "Book of Hà Nội photographs", "direction": "received",
        "from_person_id": chung, "delegation_id": visit})
    window.open_record(RecordKind.DELEGATION.value, visit)
    qtbot.waitUntil(lambda: "Book of Hà Nội photographs" in _texts(window))
    assert "Received · from Nguyễn Đức Chung" in " ".join(_texts(window))
    link = next(x for x in window.current_page().detail.links()
                if x.kind == RecordKind.GIFT.value)
    link.setFocus()
    qtbot.keyClick(link, Qt.Key.Key_Return)
    dialog = next(d for d in window.findChildren(EditorDialog) if d.isVisible())
    assert dialog.form.fields.fields["description"].value() == "Book of Hà Nội photographs"
    dialog.reject()
