"""Delegation members in an order the user sets: the form lists them as the sheet prints
them, Ctrl+Up / Ctrl+Down (or the buttons) move one, and the saved order is the sheet's."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db import ops
from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import Delegation
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render
from gui.forms.base import RecordForm
from gui.forms.rows import RowsEditor
from tests.briefing.conftest import person_id
from tests.briefing.pdfcheck import flat, text_of

K = RecordKind


def _visit(catalog: Catalog) -> int:
    with catalog.read_session() as session:
        found = session.exec(select(Delegation).where(
            Delegation.title.startswith("EU World Cities delegation to Hanoi"))).one()  # type: ignore[attr-defined]
    assert found.id is not None
    return found.id


def _names_in_form(members: RowsEditor) -> list[str]:
    column = next(i for i, (name, _h) in enumerate(members.model.columns) if name == "person_id")
    return [members.model.index(r, column).data() for r in range(members.model.rowCount())]


def _names_on_sheet(catalog: Catalog, visit: int, names: list[str]) -> list[str]:
    text = flat(text_of(render(catalog, Kind.DELEGATION, visit, SheetOptions())))
    members = text.split("Members (", 1)[1]
    found = {n: members.find(n) for n in names}
    assert all(i >= 0 for i in found.values()), found
    return sorted(names, key=found.__getitem__)


def test_moving_members_by_keyboard_changes_the_sheet(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    visit = _visit(sample_catalog)
    for family, role in (("Piccioni", "member"), ("Pakolak", "member")):
        ops.create(sample_catalog, K.DELEGATION_MEMBER, {
            "delegation_id": visit, "person_id": person_id(sample_catalog, family),
            "role": role})
    form = open_form(K.DELEGATION, visit)
    members = form.fields.fields["members"]
    assert isinstance(members, RowsEditor)
    shown = _names_in_form(members)
    assert len(shown) == 4
    # Before anyone moves a row, the form lists the members as the sheet prints them.
    assert _names_on_sheet(sample_catalog, visit, shown) == shown
    form.tabs.setCurrentIndex(next(i for i in range(form.tabs.count())
                                   if form.tabs.widget(i).isAncestorOf(members)))
    assert members.up_button.isVisible() and members.down_button.isVisible()
    assert "Ctrl+Up" in members.up_button.toolTip()

    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    members.select(0)
    members.table.setFocus()
    qtbot.keyClick(members.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(members.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    expected = [shown[1], shown[2], shown[0], *shown[3:]]
    assert _names_in_form(members) == expected
    assert members.current() == 2  # the moved row stays selected
    members.select(len(shown) - 1)
    members.up_button.click()  # the button does the same
    expected[-1], expected[-2] = expected[-2], expected[-1]
    assert _names_in_form(members) == expected
    assert form.is_dirty()
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(members.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert _names_on_sheet(sample_catalog, visit, shown) == expected
    form.load(visit)
    assert _names_in_form(members) == expected  # and the form shows it back so
    assert expected[-1] == shown[0]  # first in precedence, now last: the user wins


def test_saving_without_moving_keeps_precedence(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    from db.models import DelegationMember

    visit = _visit(sample_catalog)
    form = open_form(K.DELEGATION, visit)
    form.fields.fields["purpose"].set_value("Smart city cooperation")
    assert form.save()
    with sample_catalog.read_session() as session:
        orders = session.exec(select(DelegationMember.sequence).where(
            DelegationMember.delegation_id == visit)).all()
    assert set(orders) == {None}  # nothing was ordered by hand: precedence still decides
