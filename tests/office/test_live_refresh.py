"""Live refresh on the office server never misses a change, whatever order commits come in.

The case that "the newest change-log id" gets wrong: T1 begins, writes (taking
change-log id N) and is still open; T2 starts later, writes (id N+1) and commits;
a window polls and sees N+1; then T1 commits. Its change has an id below what
the window last saw, so a window watching ``max(change_log.id)`` never reloads
for it. The poller (:meth:`db.catalog.Catalog.data_version`) must change again
after T1's commit, and the change must be readable then.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlmodel import select

from db import ops
from db.catalog import Catalog, open_catalog
from db.models import Person, RecordKind


def _until(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll *condition* (as a window's timer would) until it holds or *timeout* passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


def _two_people(catalog: Catalog) -> list[tuple[int, int]]:
    with catalog.read_session() as session:
        people = session.exec(select(Person).order_by(Person.id).limit(2)).all()
        return [(p.id, p.version) for p in people if p.id is not None]


def _email(catalog: Catalog, person_id: int) -> str | None:
    with catalog.read_session() as session:
        person = session.get(Person, person_id)
        assert person is not None
        return person.email


def test_a_transaction_committing_after_a_later_one_is_not_missed(pg_sample_url: str) -> None:
    with open_catalog(pg_sample_url) as window, open_catalog(pg_sample_url) as first, \
            open_catalog(pg_sample_url) as second:
        (early, early_version), (late, late_version) = _two_people(window)
        seen = window.data_version()
        with ops.transaction(first) as t1:  # T1 begins and writes; it stays open
            t1.update(RecordKind.PERSON, early, {"email": "t1@example.org"},
                      expected_version=early_version)
            t1.session.flush()
            # T2 starts later, writes and commits first.
            ops.update(second, RecordKind.PERSON, late, {"email": "t2@example.org"},
                       expected_version=late_version)
            assert _until(lambda: window.data_version() != seen), "T2's commit went unseen"
            seen = window.data_version()
            assert _email(window, late) == "t2@example.org"
            assert _email(window, early) != "t1@example.org"
            assert window.data_version() == seen  # nothing new until T1 commits
        # T1 commits now, after T2: the window must notice once more and read it.
        assert _until(lambda: window.data_version() != seen), "T1's later commit went unseen"
        assert _email(window, early) == "t1@example.org"
