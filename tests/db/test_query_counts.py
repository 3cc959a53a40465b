"""No query per row: what a detail pane, a picker or an undo reads stays a fixed number
of queries however long the record's history or however many rows it has.

Queries are counted on the catalog's own engine (a SQLAlchemy event), on real
SQLite files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from db import changes, ops
from db.catalog import Catalog
from db.models import RecordKind as K
from db.registry import REGISTRY


@contextmanager
def counting(catalog: Catalog) -> Iterator[list[str]]:
    statements: list[str] = []

    def seen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if statement.lstrip().split(None, 1)[0].upper() in {"SELECT", "WITH", "INSERT",
                                                              "UPDATE", "DELETE"}:
            statements.append(statement)  # not BEGIN, PRAGMA, ...

    event.listen(catalog.engine, "before_cursor_execute", seen)
    try:
        yield statements
    finally:
        event.remove(catalog.engine, "before_cursor_execute", seen)


def queries(catalog: Catalog, read: Callable[[Any], object]) -> int:
    with catalog.read_session() as session, counting(catalog) as statements:
        read(session)
    return len(statements)


def _new(catalog: Catalog, kind: K, values: dict[str, Any]) -> int:
    return ops.create(catalog, kind, values).ids(kind)[0]


def _delegation(catalog: Catalog, size: int) -> tuple[int, list[int], list[int]]:
    """A delegation with *size* members and *size* meetings, each with a participant."""
    cities = [_new(catalog, K.CITY, {"name": f"City {n}"}) for n in range(3)]
    delegation = _new(catalog, K.DELEGATION, {"title": f"Visit of {size}",
                                              "sending_city_id": cities[0],
                                              "host_city_id": cities[1]})
    people = [_new(catalog, K.PERSON, {"family_name": f"Person {size}-{n}"})
              for n in range(size)]
    for n, person in enumerate(people):
        _new(catalog, K.DELEGATION_MEMBER, {"delegation_id": delegation, "person_id": person,
                                            "role": "head" if n == 0 else "member"})
        meeting = _new(catalog, K.ENGAGEMENT, {"delegation_id": delegation,
                                               "title": f"Meeting {n}", "city_id": cities[2]})
        _new(catalog, K.ENGAGEMENT_PARTICIPANT, {"engagement_id": meeting,
                                                 "person_id": person})
    return delegation, cities, people


def _pane(kind: K, record_id: int) -> Callable[[Any], object]:
    """What the detail pane reads: the kind's reader and the record's change history."""
    reader = REGISTRY[kind].reader
    assert reader is not None

    def read(session: Any) -> object:
        return reader(session, record_id), changes.history(session, kind, record_id)

    return read


def test_labels_of_a_kind_are_one_query(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session, counting(sample_catalog) as statements:
        people = REGISTRY.labels(session, K.PERSON)
    assert len(people) > 10 and len(statements) == 1
    with sample_catalog.read_session() as session, counting(sample_catalog) as statements:
        pairings = REGISTRY.labels(session, K.PAIRING)
    assert len(pairings) >= 3 and len(statements) == 2  # the pairings, then their cities
    assert all(" – " in label and "?" not in label for label in pairings.values())


def test_a_delegation_pane_does_not_grow_with_its_history(empty_catalog: Catalog) -> None:
    delegation, _, people = _delegation(empty_catalog, 3)
    before = queries(empty_catalog, _pane(K.DELEGATION, delegation))
    version = 1
    for n in range(12):  # twelve edits, each naming another city in the history
        city = _new(empty_catalog, K.CITY, {"name": f"Host {n}"})
        version = ops.update(empty_catalog, K.DELEGATION, delegation,
                             {"host_city_id": city, "purpose": f"Purpose {n}"},
                             expected_version=version).changes[0].version
    for person in people[1:]:
        ops.update(empty_catalog, K.PERSON, person, {"biography": "Edited"}, expected_version=1)
    after = queries(empty_catalog, _pane(K.DELEGATION, delegation))
    assert after == before
    assert before <= 25


def test_a_delegation_pane_does_not_grow_with_its_members(empty_catalog: Catalog) -> None:
    small, _, _ = _delegation(empty_catalog, 2)
    large, _, _ = _delegation(empty_catalog, 9)
    assert queries(empty_catalog, _pane(K.DELEGATION, large)) == queries(
        empty_catalog, _pane(K.DELEGATION, small))


def test_city_and_programme_panes_do_not_grow_with_their_pairings(
        empty_catalog: Catalog) -> None:
    home = _new(empty_catalog, K.CITY, {"name": "Hanoi"})
    programme = _new(empty_catalog, K.PROGRAMME, {"name": "World Cities"})

    def pair(n: int) -> None:
        other = _new(empty_catalog, K.CITY, {"name": f"Partner {n}"})
        _new(empty_catalog, K.PAIRING, {"city_a_id": home, "city_b_id": other,
                                        "programme_id": programme})

    pair(0)
    city_before = queries(empty_catalog, _pane(K.CITY, home))
    programme_before = queries(empty_catalog, _pane(K.PROGRAMME, programme))
    for n in range(1, 8):
        pair(n)
    assert queries(empty_catalog, _pane(K.CITY, home)) == city_before
    assert queries(empty_catalog, _pane(K.PROGRAMME, programme)) == programme_before


def test_capturing_a_delete_does_not_grow_with_what_it_removes(empty_catalog: Catalog) -> None:
    small, _, _ = _delegation(empty_catalog, 2)
    large, _, _ = _delegation(empty_catalog, 9)
    counts = []
    for delegation in (small, large):
        with empty_catalog.read_session() as session, counting(empty_catalog) as statements:
            tombstone = ops.capture(session, K.DELEGATION, delegation)
        counts.append(len(statements))
    assert tombstone.count(K.ENGAGEMENT) == 9 and tombstone.count(K.ENGAGEMENT_PARTICIPANT) == 9
    assert counts[0] == counts[1]
