"""Any sequence of saves, deletes, undos and redos: every step of the stack shows the catalog
exactly as it was when that step was first reached (ids included)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from db import ops
from db.catalog import Catalog
from db.kinds import RecordKind
from db.models import TABLES
from gui.undo import Editing
from tests.gui.forms.conftest import person_id

K = RecordKind
_VOLATILE = {"updated_at", "version"}  # undo writes a new version; content is what must match


def _content(catalog: Catalog) -> dict[str, list[tuple[Any, ...]]]:
    found = {}
    with catalog.engine.connect() as conn:
        for model in TABLES.values():
            table = str(model.__tablename__)
            columns = [c for c in model.__table__.columns.keys()  # type: ignore[attr-defined]  # noqa: SIM118
                       if c not in _VOLATILE]
            rows = conn.execute(text(f"SELECT {', '.join(columns)} FROM {table}")).all()
            found[table] = sorted(tuple(r) for r in rows)
    return found


steps = st.lists(st.one_of(
    st.tuples(st.just("email"), st.sampled_from(["a@example.org", "b@example.org", None])),
    st.tuples(st.just("add position"), st.sampled_from(["Adviser", "Chair", "Đại sứ"])),
    st.tuples(st.just("rank"), st.integers(1, 200)),
    st.tuples(st.just("drop position"), st.just(None)),
    st.tuples(st.just("delete"), st.just(None)),
    st.tuples(st.just("undo"), st.just(None)),
    st.tuples(st.just("redo"), st.just(None)),
), min_size=1, max_size=12)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plan=steps)
def test_every_stack_position_reproduces_its_catalog(qtbot: object, sample_catalog: Catalog,
                                                     plan: list[tuple[str, Any]]) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    editing = Editing(sample_catalog)
    stack = editing.stack
    snapshots = {0: _content(sample_catalog)}

    def load() -> ops.Draft | None:
        with sample_catalog.read_session() as session:
            return ops.load_draft(session, K.PERSON, chung)

    for action, arg in plan:
        if action in ("undo", "redo"):
            if (stack.canUndo() if action == "undo" else stack.canRedo()):
                stack.undo() if action == "undo" else stack.redo()
                assert _content(sample_catalog) == snapshots[stack.index()], (action, plan)
            continue
        current = load()
        if current is None:
            continue
        positions = current.parts["positions"]
        if action == "delete":
            editing.delete(K.PERSON, chung, current.version, "Nguyễn Đức Chung")
        else:
            values, rows = dict(current.values), list(positions)
            if action == "email":
                values["email"] = arg
            elif action == "add position":
                rows.append(ops.Draft(K.POSITION, {"title": arg, "rank": 50}))
            elif action == "rank" and rows:
                rows[0] = ops.Draft(K.POSITION, {**rows[0].values, "rank": arg}, rows[0].id,
                                    rows[0].version)
            elif action == "drop position" and rows:
                rows.pop()
            after = ops.Draft(K.PERSON, values, current.id, current.version,
                              {"positions": tuple(rows)})
            editing.save(current, after)
        snapshots = {i: s for i, s in snapshots.items() if i < stack.index()}
        snapshots[stack.index()] = _content(sample_catalog)
    while stack.canUndo():
        stack.undo()
        assert _content(sample_catalog) == snapshots[stack.index()], plan
    while stack.canRedo():
        stack.redo()
        assert _content(sample_catalog) == snapshots[stack.index()], plan
    while stack.canUndo():  # leave the catalog as the next example expects to find it
        stack.undo()
