"""A form saved while a colleague's import holds the catalog file: the save waits (the busy
timeout), then is refused with a message naming the import, and the form keeps the edit;
saved again once the import is done, the edit is in the catalog."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from db.catalog import engine as catalog_engine
from db.catalog import open_catalog
from db.catalog.activity import announce
from db.kinds import RecordKind
from db.models import Person
from gui.forms import form_for
from gui.forms.context import FormContext
from tests.gui.forms.conftest import ScriptedPrompts, commit_text, person_id
from tests.lock_holder import write_lock_held


def test_a_save_refused_during_an_import_says_so_and_keeps_the_edit(
        qtbot: QtBot, sample_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(catalog_engine, "BUSY_TIMEOUT_MS", 300)  # wait 0.3 s, not 10
    prompts = ScriptedPrompts()
    with open_catalog(sample_path) as catalog:
        chung = person_id(catalog, "Nguyễn", "Đức Chung")
        form = form_for(RecordKind.PERSON, FormContext.for_catalog(catalog, prompts=prompts))
        qtbot.addWidget(form)
        form.show()
        assert form.load(chung)
        biography = form.fields.fields["biography"]
        biography.set_value(None)
        commit_text(biography.input(), "Met the delegation in June.")

        # The colleague's import: its note beside the catalog, its process holding the lock.
        with write_lock_held(sample_path), announce(sample_path, "import"):
            assert not form.save()
        ((what, said),) = prompts.asked
        assert what == "problem"
        assert "is importing a file into it" in said and "not saved" in said, said
        assert form.is_dirty()
        assert biography.value() == "Met the delegation in June."

        assert form.save()  # the import is done: the same edit goes in
        with catalog.read_session() as session:
            person = session.get(Person, chung)
            assert person is not None and person.biography == "Met the delegation in June."
