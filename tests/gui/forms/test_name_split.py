"""Pasting names as public lists print them: aliases kept apart, doubts asked about."""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import Person
from gui.forms.base import RecordForm
from gui.forms.person import PersonForm
from tests.gui.forms.conftest import person_id

K = RecordKind


def _paste(qtbot: QtBot, form: PersonForm, field: str, text: str) -> None:
    edit = form.fields.fields[field].input()
    assert isinstance(edit, QLineEdit)
    QGuiApplication.clipboard().setText(text)
    edit.setFocus()
    qtbot.keySequence(edit, QKeySequence.StandardKey.Paste)
    # The offer is laid out on the next pass of the event loop, as a user would see it.
    qtbot.waitUntil(lambda: form.split_offer.split_button.height() > 0
                    or not form.split_offer.isVisibleTo(form))


def test_an_alias_in_brackets_becomes_also_known_as(
        qtbot: QtBot, open_form: Callable[..., RecordForm], sample_catalog: Catalog) -> None:
    form = open_form(K.PERSON)
    assert isinstance(form, PersonForm)
    _paste(qtbot, form, "family_name", "Nguyễn Tấn Dũng (Ba Dũng)")
    assert form.split_offer.isVisibleTo(form)
    assert "also known as “Ba Dũng”" in form.split_offer.text.text()
    assert form.split_offer.split_button.text() == "Split"
    if os.environ.get("LIAISON_SCREENSHOTS"):
        form.grab().save(os.path.join(os.environ["LIAISON_SCREENSHOTS"], "alias-offer.png"))
    qtbot.mouseClick(form.split_offer.split_button, Qt.MouseButton.LeftButton)
    values = form.draft().values
    assert (values["family_name"], values["given_names"], values["aliases"]) == (
        "Nguyễn", "Tấn Dũng", ["Ba Dũng"])
    assert form.save()
    with sample_catalog.read_session() as session:
        saved = session.get(Person, person_id(sample_catalog, "Nguyễn", "Tấn Dũng"))
        assert saved is not None and saved.aliases == ["Ba Dũng"]


def test_an_unsure_split_says_why_and_asks(
        qtbot: QtBot, open_form: Callable[..., RecordForm]) -> None:
    form = open_form(K.PERSON)
    assert isinstance(form, PersonForm)
    _paste(qtbot, form, "family_name", "Ba Dũng")
    assert form.split_offer.isVisibleTo(form)
    text = form.split_offer.text.text()
    assert text.startswith("Not sure:") and "“Ba”" in text
    assert "honorific" not in text  # "Ba" is a nickname, never "Bà"
    assert form.split_offer.split_button.text() == "Split anyway"
    if os.environ.get("LIAISON_SCREENSHOTS"):
        form.grab().save(os.path.join(os.environ["LIAISON_SCREENSHOTS"], "unsure-offer.png"))
    qtbot.mouseClick(form.split_offer.keep_button, Qt.MouseButton.LeftButton)
    assert form.draft().values["family_name"] == "Ba Dũng"  # kept as typed
