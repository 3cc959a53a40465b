"""A person's birth date typed as a day, a month or a year, saved, and shown."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlmodel import select

from db import i18n, ops
from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import Person
from gui.forms.base import RecordForm
from gui.forms.partial_date import PartialDateField
from tests.gui.forms.conftest import commit_text
from tests.gui.helpers import close_window, open_window


def _birth(form: RecordForm) -> PartialDateField:
    field = form.fields.fields["birth_date"]
    assert isinstance(field, PartialDateField)
    return field


def test_birth_date_typed_as_a_month_in_vietnamese_is_saved_as_that_month(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    form = open_form(RecordKind.PERSON)
    commit_text(form.fields.fields["family_name"].input(), "Trần")
    commit_text(form.fields.fields["given_names"].input(), "Văn Bảy")
    commit_text(_birth(form).input(), "31/02/1965")  # no such day
    assert "birth_date" in form.errors() and not form.save_button.isEnabled()
    assert "is not a date" in form.fields.messages["birth_date"].text()
    _birth(form).edit.clear()
    commit_text(_birth(form).input(), "tháng 3 năm 1965")
    assert "birth_date" not in form.errors(), form.errors()
    with qtbot.waitSignal(form.saved):
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    with sample_catalog.read_session() as session:
        (person,) = session.exec(select(Person).where(
            Person.family_name == "Trần", Person.given_names == "Văn Bảy")).all()
    assert person.birth_date == "1965-03"
    assert person.id is not None
    again = open_form(RecordKind.PERSON, person.id)
    assert _birth(again).edit.text() == "03/1965"  # shown day first, as typed


def test_detail_pane_shows_the_birth_date_in_the_interface_language(
        qtbot: QtBot, sample_path: Path) -> None:
    window = open_window(qtbot, sample_path)
    assert window.catalog is not None
    person = ops.create(window.catalog, RecordKind.PERSON, {
        "family_name": "Lê", "given_names": "Thị Hoa", "birth_date": "14/03/1965"}
                        ).changes[0].id
    window.open_record(RecordKind.PERSON.value, person)
    detail = window.current_page().detail
    qtbot.waitUntil(lambda: "14 March 1965" in detail.texts(), timeout=10_000)
    assert "Born" in detail.texts()
    close_window(window)
    with i18n.using("vi"):
        window = open_window(qtbot, sample_path)
        window.open_record(RecordKind.PERSON.value, person)
        detail = window.current_page().detail
        qtbot.waitUntil(lambda: "ngày 14 tháng 3 năm 1965" in detail.texts(), timeout=10_000)
        close_window(window)
