"""Records in two languages: the form shown follows the language, both forms are found.

The sample carries the Vietnamese forms the Vietnamese article gives (UBND TP Hà Nội,
Đại sứ, Liên minh Châu Âu); everything else has one form, shown in both languages.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from db import i18n, listing, ops, reads, search
from db.bilingual import country_label, form, pick
from db.catalog import Catalog, open_catalog
from db.kinds import RecordKind
from db.models import Organisation, Position
from db.registry import REGISTRY
from tests.db.old_catalogs import catalog_at

K = RecordKind
pytestmark = pytest.mark.both_engines


def test_the_vietnamese_form_in_vietnamese_the_other_where_there_is_none() -> None:
    org = Organisation(name="Hanoi People's Committee", name_vi="UBND TP Hà Nội")
    assert form(org, in_language="vi") == "UBND TP Hà Nội"
    assert form(org, in_language="en") == "Hanoi People's Committee"
    with i18n.using("vi"):
        assert form(org) == "UBND TP Hà Nội"
    assert form(org) == "Hanoi People's Committee"
    # One form only: that one, in either language; a blank form does not count.
    assert form(Organisation(name="Viettel", name_vi="  "), in_language="vi") == "Viettel"
    assert pick(None, "Chủ tịch", "en") == "Chủ tịch"
    position = Position(person_id=1, title="Chairman", title_vi="Chủ tịch")
    assert form(position, "title", "vi") == "Chủ tịch"
    assert form({"name": "EU", "name_vi": "Liên minh Châu Âu"}, "name", "vi_VN") \
        == "Liên minh Châu Âu"


def test_country_names_in_the_language() -> None:
    assert country_label("KR", "Korea, Republic of", "vi") == "Hàn Quốc"
    assert country_label("VN", "Viet Nam", "vi") == "Việt Nam"
    # English keeps the stored name (the user may have written it their way).
    assert country_label("KR", "South Korea", "en") == "South Korea"


def _org_id(catalog: Catalog, name: str) -> int:
    with catalog.read_session() as session:
        return next(i for i, label in REGISTRY.labels(session, K.ORGANISATION).items()
                    if label == name)


def test_lists_labels_and_detail_follow_the_interface_language(
        sample_catalog: Catalog) -> None:
    committee = _org_id(sample_catalog, "Hanoi People's Committee")
    with sample_catalog.read_session() as session:
        english = listing.rows(session, K.ORGANISATION, [committee])[committee].cells[0]
        with i18n.using("vi"):
            vietnamese = listing.rows(session, K.ORGANISATION, [committee])[committee].cells[0]
            label = REGISTRY.label(session, K.ORGANISATION, committee)
            view = reads.organisation(session, committee)
            cities = {row.cells[0] for row in listing.page(session, K.CITY).rows}
        viettel = next(r for r in listing.page(session, K.ORGANISATION, limit=500).rows
                       if r.cells[0] == "Viettel")
    assert english == "Hanoi People's Committee"
    assert vietnamese == label == "UBND TP Hà Nội"
    assert view is not None and view.name == "UBND TP Hà Nội"
    assert "Hà Nội" in cities and "TP Hồ Chí Minh" in cities and "Milan" in cities
    assert viettel.cells[0] == "Viettel"  # no Vietnamese form: the one it has


def test_titles_and_nationality_in_vietnamese(sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        chung = next(i for i, label in REGISTRY.labels(session, K.PERSON).items()
                     if label == "Nguyễn Đức Chung")
        with i18n.using("vi"):
            person = reads.person(session, chung)
        english = reads.person(session, chung)
    assert person is not None and english is not None
    assert person.nationality is not None and person.nationality.label == "Việt Nam"
    on_the_day = person.title_on(dt.date(2017, 6, 13))
    assert on_the_day is not None and on_the_day.title == "Chủ tịch UBND TP Hà Nội"
    assert person.form_of_address(dt.date(2017, 6, 13)) == "Chủ tịch Chung"
    assert english.form_of_address(dt.date(2017, 6, 13)) == "Chairman Chung"


def test_both_forms_are_searched_folded_and_hits_are_titled_in_the_language(
        sample_catalog: Catalog) -> None:
    with sample_catalog.read_session() as session:
        by_vietnamese = [(h.kind, h.title) for h in search.search(session, "ubnd tp ha noi")]
        by_english = [(h.kind, h.title) for h in search.search(session, "lien minh chau au")]
        with i18n.using("vi"):
            in_vietnamese = [(h.kind, h.title) for h in search.search(session, "Hanoi People's")]
        people = [h.title for h in search.search(session, "dai su", kinds=["person"])]
    assert by_vietnamese[0] == ("organisation", "Hanoi People's Committee")
    assert ("organisation", "European Union") in by_english
    assert ("organisation", "UBND TP Hà Nội") in in_vietnamese
    assert "Bruno Angelet" in people and "Cecilia Piccioni" in people


def test_a_vietnamese_form_typed_in_is_saved_listed_and_found(empty_catalog: Catalog) -> None:
    city = ops.create(empty_catalog, K.CITY, {"name": "Da Nang"}).ids(K.CITY)[0]
    ops.update(empty_catalog, K.CITY, city, {"name_vi": "Đà Nẵng"}, expected_version=1)
    with empty_catalog.read_session() as session:
        found = [h.id for h in search.search(session, "đà nẵng", kinds=["city"])]
        with i18n.using("vi"):
            shown = listing.rows(session, K.CITY, [city])[city].cells[0]
    assert found == [city]
    assert shown == "Đà Nẵng"


def test_people_list_marks_a_title_no_source_confirms_today(sample_catalog: Catalog) -> None:
    """Chung's title rests on a 2017 article: today it is "as of", not current."""
    with sample_catalog.read_session() as session:
        rows = {r.cells[0]: r.cells[1]
                for r in listing.page(session, K.PERSON, limit=500).rows}
        with i18n.using("vi"):
            rows_vi = {r.cells[0]: r.cells[1]
                       for r in listing.page(session, K.PERSON, limit=500).rows}
    assert rows["Nguyễn Đức Chung"] == \
        "Chairman of the Hanoi People's Committee (as of 13 June 2017)"
    assert rows_vi["Nguyễn Đức Chung"].startswith("Chủ tịch UBND TP Hà Nội (")
    assert "2017" in rows_vi["Nguyễn Đức Chung"]


def test_a_0004_catalog_upgrades_with_empty_vietnamese_forms(tmp_path: Path) -> None:
    path = tmp_path / "old.liaison"
    catalog_at(path, "0004")
    conn = sqlite3.connect(path)
    now = "2020-01-01 00:00:00.000000"
    conn.execute("INSERT INTO organisation (id, created_at, updated_at, version, name, org_kind) "
                 "VALUES (1, ?, ?, 1, 'Hanoi People''s Committee', 'government_body')",
                 (now, now))
    conn.commit()
    conn.close()
    with open_catalog(path) as catalog:
        ops.update(catalog, K.ORGANISATION, 1, {"name_vi": "UBND TP Hà Nội"},
                   expected_version=1)
        with catalog.read_session() as session:
            found = [h.id for h in search.search(session, "ubnd")]
            still = [h.id for h in search.search(session, "hanoi people")]
    assert found == [1] and still == [1]


def test_the_thin_search_path_knows_the_same_tables() -> None:
    from db.bilingual import NAMED_IN_TWO_LANGUAGES, bilingual_fields
    from db.models import TABLES

    assert {
        kind.value for kind, model in TABLES.items()
        if ("name", "name_vi") in set(bilingual_fields(model))} == NAMED_IN_TWO_LANGUAGES


def test_country_labels_follow_the_language(sample_catalog: Catalog) -> None:
    """Pickers, the change history and messages name countries through the registry."""
    with sample_catalog.read_session() as session:
        english = REGISTRY.labels(session, K.COUNTRY)
        with i18n.using("vi"):
            vietnamese = REGISTRY.labels(session, K.COUNTRY)
    korea = next(i for i, name in english.items() if "Korea" in name)
    assert vietnamese[korea] == "Hàn Quốc"
    assert "Việt Nam" in vietnamese.values()
