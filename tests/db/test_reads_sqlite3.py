"""People, delegations, meetings and events read the same through a bare read-only
:mod:`sqlite3` connection as through the store's session.

A ``liaison brief`` process reads a catalog file with :mod:`sqlite3` alone (issue 16):
SQLite hands dates, times, JSON lists, booleans and blobs back as text, numbers and
bytes, and a sheet printed so must say what the app says. The sample catalog is read
both ways, in English and in Vietnamese (titles and event names are bilingual).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from PIL import Image

from db import i18n, open_catalog, ops, reads
from db.catalog import Catalog
from db.kinds import RecordKind as K
from db.rows import Rows

LANGUAGES = ("en", "vi")


def _everything(source: Any, ids: Mapping[str, Sequence[int]]) -> dict[str, Any]:
    """Every read this test covers, in both languages, from *source*."""
    found: dict[str, Any] = {}
    for lang in LANGUAGES:
        with i18n.using(lang):
            found[f"{lang}/people"] = reads.people(source, ids["person"])
            found[f"{lang}/people-bare"] = reads.people(source, ids["person"], related=False)
            found[f"{lang}/photos"] = reads.photos(source, ids["person"])
            found[f"{lang}/meetings"] = reads.engagements_of_people(source, ids["person"])
            for i in ids["delegation"]:
                found[f"{lang}/delegation/{i}"] = reads.delegation(source, i)
                found[f"{lang}/delegation-bare/{i}"] = reads.delegation(
                    source, i, member_details=False)
            for i in ids["engagement"]:
                found[f"{lang}/engagement/{i}"] = reads.engagement(source, i)
            for i in ids["event"]:
                found[f"{lang}/event/{i}"] = reads.event(source, i)
    return found


def _new(catalog: Catalog, kind: K, **values: Any) -> int:
    return ops.create(catalog, kind, values).ids(kind)[0]


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (60, 80), (180, 90, 60)).save(out, "PNG")
    return out.getvalue()


def _add_what_the_sample_lacks(catalog: Catalog) -> dict[str, int]:
    """Languages, aliases, a photo, contact officers, meeting times, a bilingual event:
    the columns SQLite keeps as JSON text, blobs and time text."""
    lan = _new(catalog, K.PERSON, family_name="Trần", given_names="Thị Lan",
               name_order="family_first", languages=["vi", "en", "fr"],
               aliases=["Chị Lan"], phone="+84 90 123 4567", email="lan@example.org")
    _new(catalog, K.POSITION, person_id=lan, title="Director", title_vi="Giám đốc",
         address_title="Director", address_title_vi="Giám đốc",
         start_date=dt.date(2019, 1, 1), attested_on=["2024-05"], rank=20)
    data = _png()
    _new(catalog, K.ATTACHMENT, record_kind="person", record_id=lan, role="photo",
         filename="lan.png", media_type="image/png", size=len(data),
         sha256=hashlib.sha256(data).hexdigest(), data=data)
    visit = _new(catalog, K.DELEGATION, title="Study visit", start_date=dt.date(2025, 4, 2),
                 our_contact_id=lan, our_contact_details="  desk 3 ",
                 their_contact_details="Mr Kim, +82 2 123")
    _new(catalog, K.DELEGATION_MEMBER, delegation_id=visit, person_id=lan, role="head")
    meeting = _new(catalog, K.ENGAGEMENT, delegation_id=visit, title="Courtesy call",
                   date=dt.date(2025, 4, 2), start_time=dt.time(9, 30),
                   end_time=dt.time(10, 15))
    _new(catalog, K.ENGAGEMENT_PARTICIPANT, engagement_id=meeting, person_id=lan)
    forum = _new(catalog, K.EVENT, name="Smart City Forum", name_vi="Diễn đàn Thành phố thông minh",
                 start_date=dt.date(2025, 5, 6))
    _new(catalog, K.EVENT_PARTICIPANT, event_id=forum, person_id=lan, role="speaker")
    return {"person": lan, "delegation": visit, "engagement": meeting, "event": forum}


@contextmanager
def _bare(path: Path) -> Iterator[Rows]:
    """*path* opened read-only with sqlite3 alone, as a Rows function."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        def rows(sql: str, params: Mapping[str, Any]) -> Sequence[Sequence[Any]]:
            return connection.execute(sql, dict(params)).fetchall()

        yield rows


def test_a_bare_sqlite3_connection_reads_what_the_session_reads(sample_path: Path) -> None:
    with open_catalog(sample_path) as catalog:
        added = _add_what_the_sample_lacks(catalog)
    with open_catalog(sample_path, read_only=True) as catalog, \
            catalog.read_session() as session:
        ids = {table: [int(i) for (i,) in session.connection().exec_driver_sql(
            f'SELECT id FROM "{table}" ORDER BY id').all()]
            for table in ("person", "delegation", "engagement", "event")}
        through_session = _everything(session, ids)
    # The catalog is closed before sqlite3 opens the file: two connections to one file
    # in a process share its POSIX locks (COMMON.md's trap), and none is needed here.
    with _bare(sample_path) as rows:
        through_sqlite3 = _everything(rows, ids)

    assert through_sqlite3 == through_session
    # The comparison covers what SQLite stores as text, numbers and bytes.
    lan = through_sqlite3["vi/people"][added["person"]]
    assert (lan.languages, lan.aliases) == (("vi", "en", "fr"), ("Chị Lan",))
    assert (lan.positions[0].title, lan.positions[0].attested_on) == ("Giám đốc", ("2024-05",))
    assert lan.positions[0].start_date == dt.date(2019, 1, 1)
    assert [(p.ref.label, p.role) for p in lan.events] == [
        ("Diễn đàn Thành phố thông minh", "speaker")]
    assert through_sqlite3["en/photos"][added["person"]].data == _png()
    visit = through_sqlite3[f"en/delegation/{added['delegation']}"]
    assert (visit.our_contact.person.label, visit.our_contact.phone,
            visit.our_contact.details) == ("Trần Thị Lan", "+84901234567", "desk 3")
    assert (visit.their_contact.person, visit.their_contact.details) == (
        None, "Mr Kim, +82 2 123")
    first = through_sqlite3[f"en/delegation/{ids['delegation'][0]}"]
    assert first.our_contact is None and first.their_contact is None
    (call,) = visit.engagements
    assert (call.start_time, call.end_time) == (dt.time(9, 30), dt.time(10, 15))
    assert through_sqlite3[f"vi/event/{added['event']}"].name == \
        "Diễn đàn Thành phố thông minh"
