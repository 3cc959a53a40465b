"""Reads through the store's session (:func:`db.rows.rows_of`) behave as SQLAlchemy's own
execution does: on a catalog file they go straight to the session's sqlite3 connection
(issue 16), and must still see the session's transaction, bind values as SQLAlchemy
binds them and fail with SQLAlchemy's errors (which the app's error handling expects).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from db.catalog import Catalog
from db.kinds import RecordKind as K
from db.models import Country
from db.rows import rows_of

pytestmark = pytest.mark.both_engines

PARAMS: dict[str, Any] = {
    "number": 7, "real": 2.5, "word": "Hà Nội", "nothing": None, "yes": True,
    "day": dt.date(987, 3, 10), "moment": dt.datetime(2025, 3, 10, 9, 30),
    "data": b"\x00\x01",
}


def test_values_are_bound_and_returned_as_sqlalchemy_does(sample_catalog: Catalog) -> None:
    sql = "SELECT " + ", ".join(f":{name}" for name in PARAMS)
    with sample_catalog.read_session() as session:
        ours = [tuple(row) for row in rows_of(session)(sql, PARAMS)]
        theirs = [tuple(row) for row in session.connection().execute(text(sql), PARAMS).all()]
    assert ours == theirs
    assert ours[0][:4] == (7, 2.5, "Hà Nội", None)


def test_a_read_in_a_write_session_sees_its_own_writes(sample_catalog: Catalog) -> None:
    with sample_catalog.write_session() as session:
        session.add(Country(code="ZZ", name="Zedland"))
        session.flush()
        found = rows_of(session)(f'SELECT name FROM "{K.COUNTRY.value}" WHERE code = :code',
                                 {"code": "ZZ"})
        session.rollback()
    assert [tuple(row) for row in found] == [("Zedland",)]


def test_a_failing_read_raises_sqlalchemys_error(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session, \
            pytest.raises((OperationalError, ProgrammingError)) as raised:
        rows_of(session)("SELECT * FROM no_such_table WHERE id = :id", {"id": 1})
    assert "no_such_table" in str(raised.value)
    assert raised.value.orig is not None  # the driver's own error, as SQLAlchemy keeps it


def test_reads_are_seen_by_whoever_listens_to_the_engine(sample_catalog: Catalog) -> None:
    """Statement listeners (the tests that count queries) see every read."""
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        seen.append(statement)

    event.listen(sample_catalog.engine, "before_cursor_execute", count)
    try:
        with sample_catalog.read_session() as session:
            rows_of(session)("SELECT :one", {"one": 1})
    finally:
        event.remove(sample_catalog.engine, "before_cursor_execute", count)
    assert [s for s in seen if "SELECT" in s] != []
