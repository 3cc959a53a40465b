"""The place reads (cities, organisations, programmes, pairings, the exchanges between
two cities, the agenda) read the same through a bare read-only ``sqlite3`` connection
as through the store's session: how ``liaison brief`` prints a sheet without SQLAlchemy.

Both run SQL text, and SQLite hands back a date, a time or a JSON list as text either
way: so every field of every read object is also checked against its declared type
(a ``dt.date`` field holding ``"2017-06-13"`` is a converter the read forgot).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest

from db import i18n, reads
from db.catalog import open_catalog
from db.rows import Reader
from tests.agenda_plan import plan_week

Read = Callable[[Reader], object]


@pytest.fixture
def bare(sample_path: Path) -> Iterator[Callable[[str, Mapping[str, Any]], Sequence[Any]]]:
    """A read-only sqlite3 connection to the sample catalog, as a Rows function."""
    connection = sqlite3.connect(f"file:{sample_path}?mode=ro", uri=True)

    def rows(sql: str, params: Mapping[str, Any]) -> Sequence[Any]:
        return connection.execute(sql, dict(params)).fetchall()

    yield rows
    connection.close()


def _conforms(value: Any, hint: Any) -> bool:
    """Whether *value* is of the type *hint* declares, read objects checked field by field."""
    origin, args = get_origin(hint), get_args(hint)
    if hint is Any:
        return True
    if origin in (Union, types.UnionType):
        return any(_conforms(value, arg) for arg in args)
    if hint is type(None):
        return value is None
    if origin is tuple:
        if not isinstance(value, tuple):
            return False
        if len(args) == 2 and args[1] is Ellipsis:
            return all(_conforms(item, args[0]) for item in value)
        return len(args) == len(value) and all(map(_conforms, value, args))
    if origin is dict:
        return isinstance(value, dict) and all(
            _conforms(k, args[0]) and _conforms(v, args[1]) for k, v in value.items())
    if hint is float and isinstance(value, int):
        return True
    if not isinstance(value, hint if isinstance(hint, type) else object):
        return False
    if dataclasses.is_dataclass(value):
        hints = get_type_hints(type(value))
        return all(_conforms(getattr(value, f.name), hints[f.name])
                   for f in dataclasses.fields(value))
    return True


def _typed(found: object, what: str) -> None:
    """Every read object in *found* (a view, a dict or tuple of views) is as declared."""
    if isinstance(found, dict):
        found = tuple(found.values())
    for view in found if isinstance(found, tuple) else (found,):
        if dataclasses.is_dataclass(view):
            assert _conforms(view, type(view)), f"{what}: {view!r}"


def test_the_type_check_sees_a_date_left_as_text() -> None:
    assert _conforms(reads.SourceView(1, "t", None, None, dt.date(2017, 6, 13)),
                     reads.SourceView)
    assert not _conforms(reads.SourceView(1, "t", None, None, "2017-06-13"),  # type: ignore[arg-type]
                         reads.SourceView)
    assert not _conforms('["Saigon"]', tuple[str, ...])  # a JSON list left as text


def _ids(sample_path: Path, table: str) -> list[int]:
    with open_catalog(sample_path, read_only=True, daily_backup=False) as catalog, \
            catalog.read_session() as session:
        return [int(i) for (i,) in session.connection().exec_driver_sql(
            f'SELECT id FROM "{table}" ORDER BY id').all()]


def _reads(sample_path: Path) -> Iterator[tuple[str, Read]]:
    """Every place read, on every record of the sample that it reads."""
    pairings = _ids(sample_path, "pairing")
    cities = _ids(sample_path, "city")
    organisations = _ids(sample_path, "organisation")
    programmes = _ids(sample_path, "programme")
    assert pairings and cities and organisations and programmes
    for i in pairings:
        yield f"pairing {i}", lambda source, i=i: reads.pairing(source, i)
    for i in cities:
        yield f"city {i}", lambda source, i=i: reads.city(source, i)
    for i in organisations:
        yield f"organisation {i}", lambda source, i=i: reads.organisation(source, i)
    for i in programmes:
        yield f"programme {i}", lambda source, i=i: reads.programme(source, i)
        yield f"programme facts {i}", lambda source, i=i: reads.programme_facts(source, i)
    yield "city facts", lambda source: reads.city_facts(source, cities)
    yield "organisations", lambda source: reads.organisations_info(source, organisations)
    yield "missing", lambda source: (reads.pairing(source, 10**6), reads.city(source, 10**6),
                                     reads.programme_facts(source, None))


def _history(source: Reader, pairing_id: int) -> object:
    view = reads.pairing(source, pairing_id)
    assert view is not None
    items = reads.exchanges(source, view.city_a.id, view.city_b.id, pairing_id=pairing_id)
    return items, reads.key_people(source, view.city_a.id, view.city_b.id, items)


@pytest.mark.parametrize("language", ["en", "vi"])
def test_place_reads_are_the_same_through_sqlite3(sample_path: Path, bare: Reader,
                                                  language: str) -> None:
    with open_catalog(sample_path, read_only=True, daily_backup=False) as catalog, \
            catalog.read_session() as session, i18n.using(language):
        for what, read in _reads(sample_path):
            through_session = read(session)
            _typed(through_session, what)
            assert read(bare) == through_session, what
        for pairing_id in _ids(sample_path, "pairing"):
            items, people = _history(session, pairing_id)  # type: ignore[misc]
            _typed(items, f"exchanges {pairing_id}")
            _typed(people, f"key people {pairing_id}")
            assert _history(bare, pairing_id) == (items, people), f"history {pairing_id}"
        # The sample's pairings have a history worth comparing: dated visits, people.
        items, people = _history(session, 1)  # type: ignore[misc]
        assert any(i.sort_date for i in items) and people


def test_the_agenda_is_the_same_through_sqlite3(empty_catalog: Any, tmp_path: Path) -> None:
    import datetime as dt

    from db.reads.agenda import agenda

    monday = dt.date(2031, 3, 3)
    plan_week(empty_catalog, monday)
    with empty_catalog.read_session() as session:
        through_session = agenda(session, monday, 28)
    connection = sqlite3.connect(f"file:{empty_catalog.path}?mode=ro", uri=True)
    try:
        through_sqlite3 = agenda(
            lambda sql, params: connection.execute(sql, dict(params)).fetchall(), monday, 28)
    finally:
        connection.close()
    assert through_session.items and through_session.to_confirm
    assert any(i.start_time for i in through_session.items)
    _typed(through_session.items, "agenda")
    _typed(through_session.to_confirm, "to confirm")
    assert through_sqlite3 == through_session
