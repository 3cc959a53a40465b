"""The sample catalog holds every entity the five articles name, correctly spelled."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest
from sqlmodel import select

from db import reads, registry
from db.catalog import Catalog
from db.models import Citation, Person, RecordKind
from db.sample import SAMPLE_FILE
from tests import sample_expectations as expected

# The same behaviour on a catalog file and on the office server (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def _labels(catalog: Catalog, kind: RecordKind) -> set[str]:
    with catalog.read_session() as session:
        return {ref.label for ref in registry.labels_in_order(session, kind)}


def test_every_person_named_in_the_articles_is_there(sample_catalog: Catalog) -> None:
    assert set(expected.EXPECTED_PEOPLE) <= _labels(sample_catalog, RecordKind.PERSON)


def test_every_organisation_city_programme_and_area_is_there(sample_catalog: Catalog) -> None:
    assert set(expected.EXPECTED_ORGANISATIONS) <= _labels(sample_catalog,
                                                           RecordKind.ORGANISATION)
    assert set(expected.EXPECTED_CITIES) <= _labels(sample_catalog, RecordKind.CITY)
    assert set(expected.EXPECTED_PROGRAMMES) <= _labels(sample_catalog, RecordKind.PROGRAMME)
    assert set(expected.EXPECTED_COOPERATION_AREAS) <= _labels(sample_catalog,
                                                               RecordKind.COOPERATION_AREA)


def test_pairings_events_delegations_and_sources_are_there(sample_catalog: Catalog) -> None:
    pairings = _labels(sample_catalog, RecordKind.PAIRING)
    for a, b in expected.EXPECTED_PAIRINGS:
        assert f"{a} – {b}" in pairings or f"{b} – {a}" in pairings
    assert set(expected.EXPECTED_EVENTS) <= _labels(sample_catalog, RecordKind.EVENT)
    assert set(expected.EXPECTED_DELEGATIONS) <= _labels(sample_catalog, RecordKind.DELEGATION)
    assert set(expected.EXPECTED_SOURCES) <= _labels(sample_catalog, RecordKind.SOURCE)


def test_titles_on_the_dates_the_articles_give(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        people = {reads.person_label(p): p.id for p in session.exec(select(Person))}
        for name, day, title in expected.EXPECTED_TITLES_ON_DATE:
            person = reads.person(session, people[name] or 0)
            assert person is not None
            held = person.titles_on(dt.date.fromisoformat(day))
            assert title in [p.title for p in held], name


def test_chairman_chung_on_13_june_2017(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        chung = next(p for p in session.exec(select(Person))
                     if reads.person_label(p) == "Nguyễn Đức Chung")
        view = reads.person(session, chung.id or 0)
    assert view is not None
    held = view.title_on(dt.date(2017, 6, 13))
    assert held is not None and held.title == "Chairman of the Hanoi People's Committee"
    assert view.form_of_address(dt.date(2017, 6, 13)) == "Chairman Chung"


def test_kwon_is_addressed_by_family_name(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        kwon = next(p for p in session.exec(select(Person)) if p.family_name == "Kwon")
        view = reads.person(session, kwon.id or 0)
    assert view is not None and view.display_name == "Kwon Young Gull"
    assert view.form_of_address(dt.date(2023, 6, 7)).endswith(" Kwon")


def test_every_record_cites_an_article(sample_catalog: Catalog) -> None:
    main_kinds = (RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.CITY,
                  RecordKind.PROGRAMME, RecordKind.PAIRING, RecordKind.DELEGATION,
                  RecordKind.EVENT)
    with sample_catalog.read_session() as session:
        cited = {(c.record_kind, c.record_id) for c in session.exec(select(Citation))}
        for kind in main_kinds:
            for ref in registry.labels_in_order(session, kind):
                assert (kind.value, ref.id) in cited, f"{kind.value} {ref.label} cites nothing"


def test_sample_text_is_nfc() -> None:
    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        if isinstance(value, dict):
            return [s for v in value.values() for s in strings(v)]
        if isinstance(value, list):
            return [s for v in value for s in strings(v)]
        return []

    data = json.loads(SAMPLE_FILE.read_text(encoding="utf-8"))
    assert all(unicodedata.is_normalized("NFC", s) for s in strings(data))


def test_delegation_members_and_programme(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        ref = next(r for r in registry.labels_in_order(session, RecordKind.DELEGATION)
                   if "Hanoi" in r.label and "2017" in r.label and "World Cities" in r.label)
        view = reads.delegation(session, ref.id)
    assert view is not None
    assert view.members[0].role == "head"
    assert view.members[0].person.display_name == "Bruno Angelet"
    assert any(e.date == dt.date(2017, 6, 13) for e in view.engagements)
    assert view.pairing is not None and view.pairing.label == "Hanoi – Milan"
