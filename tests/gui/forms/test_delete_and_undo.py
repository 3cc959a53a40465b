"""Deleting from a form: what refers to the record is named, RESTRICT blocks, undo restores
every row with its id, and refused undo steps say why instead of overwriting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import text
from sqlmodel import select

from db import ops
from db.catalog import Catalog, open_catalog
from db.kinds import RecordKind
from db.models import TABLES, City, Delegation, Pairing, Person
from gui.forms.base import RecordForm
from gui.forms.context import FormContext
from tests.gui.forms.conftest import ScriptedPrompts, commit_text, person_id

K = RecordKind


def _all_rows(catalog: Catalog) -> dict[str, list[tuple[Any, ...]]]:
    with catalog.engine.connect() as conn:
        return {str(m.__tablename__): sorted(conn.execute(
            text(f"SELECT * FROM {m.__tablename__}")).all()) for m in TABLES.values()}


def test_delete_names_what_refers_to_the_record_and_undo_restores_it(
        qtbot: QtBot, open_form: Callable[..., RecordForm], prompts: ScriptedPrompts,
        context: FormContext, sample_catalog: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    before = _all_rows(sample_catalog)
    form = open_form(K.PERSON, chung)
    prompts.answers.append(True)
    with qtbot.waitSignal(form.deleted):
        assert form.delete()
    (what, (question, details)), = prompts.asked
    assert what == "delete" and question == "Delete the person “Nguyễn Đức Chung”?"
    assert details == ["Also deleted with it: 1 position, 1 membership of a delegation, "
                       "1 place in a meeting."]
    with sample_catalog.read_session() as session:
        assert session.get(Person, chung) is None
        for table in ("citation", "attachment"):
            left = session.execute(text(f"SELECT count(*) FROM {table} WHERE "
                                        "record_kind='person' AND record_id=:i"),
                                   {"i": chung}).scalar_one()
            assert left == 0
    assert form.record_id is None  # the form no longer shows a deleted record
    stack = context.editing.stack
    assert stack.undoText() == "Delete Nguyễn Đức Chung"
    stack.undo()
    assert _all_rows(sample_catalog) == before
    stack.redo()
    with sample_catalog.read_session() as session:
        assert session.get(Person, chung) is None


def test_a_delete_that_is_not_confirmed_changes_nothing(
        open_form: Callable[..., RecordForm], prompts: ScriptedPrompts,
        sample_catalog: Catalog) -> None:
    before = _all_rows(sample_catalog)
    form = open_form(K.PERSON, person_id(sample_catalog, "Nguyễn", "Đức Chung"))
    prompts.answers.append(False)
    assert not form.delete()
    assert _all_rows(sample_catalog) == before and form.record_id is not None


def test_a_city_in_a_pairing_cannot_be_deleted(
        open_form: Callable[..., RecordForm], prompts: ScriptedPrompts,
        sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        pairing = session.exec(select(Pairing)).first()
        assert pairing is not None
        city = session.get(City, pairing.city_a_id)
        assert city is not None
    before = _all_rows(sample_catalog)
    form = open_form(K.CITY, city.id)
    assert not form.delete()
    ((what, message),) = prompts.asked
    assert what == "problem"
    assert message.startswith(f"“{city.name}” cannot be deleted: it is still used by ")
    assert "pairing" in message and message.endswith("Change or delete those first.")
    assert _all_rows(sample_catalog) == before


def test_deleting_a_delegation_and_undo_keep_its_meetings_and_their_sources(
        open_form: Callable[..., RecordForm], prompts: ScriptedPrompts, context: FormContext,
        sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        delegation = session.exec(select(Delegation).order_by(Delegation.id)).first()
        assert delegation is not None
    before = _all_rows(sample_catalog)
    form = open_form(K.DELEGATION, delegation.id)
    prompts.answers.append(True)
    assert form.delete()
    assert context.editing.stack.undoText() == "Delete " + (
        delegation.title if len(delegation.title) <= 48 else delegation.title[:47].rstrip()
        + "…")
    context.editing.stack.undo()
    assert _all_rows(sample_catalog) == before


def test_undo_is_refused_when_the_record_changed_elsewhere(
        qtbot: QtBot, open_form: Callable[..., RecordForm], context: FormContext,
        sample_path: object, sample_catalog: Catalog) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    form = open_form(K.PERSON, chung)
    commit_text(form.fields.fields["email"].input(), "mine@example.org")
    assert form.save()
    with open_catalog(sample_path) as other:  # type: ignore[arg-type]
        with other.read_session() as session:
            theirs = ops.load_draft(session, K.PERSON, chung)
        assert theirs is not None
        ops.save(other, ops.Draft(K.PERSON, {**theirs.values, "email": "theirs@example.org"},
                                  theirs.id, theirs.version), theirs)
    failures: list[str] = []
    context.editing.failed.connect(failures.append)
    stack = context.editing.stack
    stack.undo()
    assert failures == [
        "Could not undo “Edit Nguyễn Đức Chung”: This person was changed elsewhere "
        "(version 3, you edited version 2); your edit was not saved."]
    assert stack.count() == 0 and not stack.canRedo()  # the refused step leaves the stack
    with sample_catalog.read_session() as session:
        person = session.get(Person, chung)
        assert person is not None and person.email == "theirs@example.org"
