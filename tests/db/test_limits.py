"""Bounded, well-typed input: every bad value is the app's own ValidationError, with a
message for the user, and nothing is written; huge fields and queries cannot freeze it."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

import pytest

from db import ops
from db.catalog import Catalog
from db.kinds import RecordKind
from db.limits import LONG_TEXT, MAX_QUERY_WORDS, SHORT_TEXT


def _people(catalog: Catalog) -> int:
    assert catalog.path is not None
    conn = sqlite3.connect(catalog.path)
    try:
        return int(conn.execute("SELECT count(*) FROM person").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize(("values", "message"), [
    ({"family_name": "n" * 2_000}, "Family name is too long (2,000 characters; at most 500)"),
    ({"family_name": "X", "biography": "b" * 1_000_000}, "Biography is too long"),
    ({"family_name": "X", "private_notes": "n" * 10_000_000}, "Private notes is too long"),
    ({"family_name": b"Nguyen"}, "must be text, not a file's contents"),
    ({"family_name": {"first": "Nguyen"}}, "must be text, not a dictionary"),
    ({"family_name": ["Nguyen"]}, "must be text, not a list"),
    ({"family_name": "Nguy\udce1n"}, "lone surrogate"),
    ({"family_name": "X", "nationality_id": 10 ** 30}, "too large a number"),
    ({"family_name": "X", "languages": "vi"}, "must be a list of text"),
    ({"family_name": "X", "languages": [{"code": "vi"}]}, "must be text, not a dictionary"),
])
def test_bad_values_are_validation_errors_and_nothing_is_written(
        empty_catalog: Catalog, values: dict[str, Any], message: str) -> None:
    before = _people(empty_catalog)
    with pytest.raises(ops.ValidationError, match=message.replace("(", r"\(").replace(
            ")", r"\)")):
        ops.create(empty_catalog, RecordKind.PERSON, values)
    assert _people(empty_catalog) == before


def test_text_given_as_attachment_data_is_refused(empty_catalog: Catalog) -> None:
    person = ops.create(empty_catalog, RecordKind.PERSON, {"family_name": "X"}).ids(
        RecordKind.PERSON)[0]
    with pytest.raises(ops.ValidationError, match="must be a file's contents"):
        ops.create(empty_catalog, RecordKind.ATTACHMENT, {
            "record_kind": "person", "record_id": person, "filename": "photo.jpg",
            "media_type": "image/jpeg", "data": "not bytes"})


def test_the_longest_allowed_values_are_kept_whole(empty_catalog: Catalog) -> None:
    created = ops.create(empty_catalog, RecordKind.PERSON, {
        "family_name": "n" * SHORT_TEXT, "biography": "b" * LONG_TEXT})
    person = created.ids(RecordKind.PERSON)[0]
    with empty_catalog.read_session() as session:
        row = session.connection().exec_driver_sql(
            "SELECT length(family_name), length(biography) FROM person WHERE id = ?",
            (person,)).one()
    assert tuple(row) == (SHORT_TEXT, LONG_TEXT)


def test_nul_and_terminal_escapes_are_removed_on_write(empty_catalog: Catalog) -> None:
    created = ops.create(empty_catalog, RecordKind.PERSON, {
        "family_name": "Ngu\x00yen\x1b[2J\x9b31m", "biography": "line one\nline\ttwo"})
    person = created.ids(RecordKind.PERSON)[0]
    with empty_catalog.read_session() as session:
        name, biography = session.connection().exec_driver_sql(
            "SELECT family_name, biography FROM person WHERE id = ?", (person,)).one()
    assert name == "Nguyen[2J31m"
    assert biography == "line one\nline\ttwo"


def test_a_huge_search_query_is_capped(sample_catalog: Catalog) -> None:
    from db import search

    words = " ".join(f"word{i}" for i in range(500))
    assert len(search.tokens(words)) == MAX_QUERY_WORDS
    started = time.perf_counter()
    with sample_catalog.read_session() as session:
        assert search.search(session, "chung " + words) == []
        assert search.search(session, "x" * 1_000_000) == []
    assert time.perf_counter() - started < 5
