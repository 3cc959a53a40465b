"""Titles that are true on the day: held, attested, or printed "as of" their evidence.

The rule lives in db.titles; these tests read it back from real sheets of the sample
catalog (pdfplumber text) and from real catalogs written through db.ops.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from db import reads, registry, titles
from db.catalog import Catalog
from gui.briefing.document import SheetOptions
from gui.briefing.render import Kind, render
from tests.briefing.conftest import K, create, delegation_id, person_id
from tests.briefing.pdfcheck import flat, text_of

TODAY = dt.date(2026, 11, 29)


@dataclasses.dataclass
class _Pos:
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    attested_on: tuple[str, ...] = ()


@pytest.mark.parametrize(("position", "day", "state"), [
    (_Pos(dt.date(2015, 12, 11), dt.date(2020, 8, 21)), dt.date(2017, 6, 13), "held"),
    (_Pos(dt.date(2015, 12, 11)), TODAY, "held"),  # open end: current
    (_Pos(dt.date(2015, 12, 11), dt.date(2020, 8, 21)), dt.date(2021, 1, 1), None),
    (_Pos(attested_on=("2017-06-13",)), dt.date(2017, 6, 13), "attested"),
    (_Pos(attested_on=("2017-06-13",)), dt.date(2018, 6, 1), "attested"),
    (_Pos(attested_on=("2017-06-13",)), dt.date(2018, 6, 14), "unconfirmed"),
    (_Pos(attested_on=("2017-06-13",)), TODAY, "unconfirmed"),
    (_Pos(attested_on=("2016-11",)), dt.date(2017, 11, 30), "attested"),
    (_Pos(attested_on=("2016-11",)), dt.date(2017, 12, 1), "unconfirmed"),
    (_Pos(), TODAY, "unconfirmed"),  # no dates, no evidence: not held every day
])
def test_one_rule_for_the_title_on_a_day(position: _Pos, day: dt.date,
                                         state: str | None) -> None:
    found = titles.standing(position, day)
    assert (found.state.value if found else None) == state


def test_the_window_is_configurable_and_as_of_names_the_evidence() -> None:
    position = _Pos(attested_on=("2023-11-29", "2024-12-02", "2016-11"))
    assert titles.standing(position, dt.date(2026, 1, 1)).state is titles.TitleState.UNCONFIRMED
    wide = titles.TitlePolicy(window_days=3 * 365)
    assert titles.standing(position, dt.date(2026, 1, 1), wide).confirmed
    assert titles.standing(position, TODAY).as_of() == "as of 2 December 2024"
    assert titles.standing(_Pos(attested_on=("2016-11",)), TODAY).as_of() == \
        "as of November 2016"
    assert titles.standing(_Pos(), TODAY).as_of() == "dates not confirmed"
    assert titles.attestation_error("13/06/2017") is not None
    assert titles.attestation_error("2017-02-30") is not None


def _today(options: SheetOptions) -> SheetOptions:
    return dataclasses.replace(options, printed_on=TODAY)


def test_a_2017_title_printed_today_is_as_of_2017_and_never_an_address(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    chung = person_id(sample_catalog, "Nguyễn", "Đức Chung")
    text = flat(text_of(render(sample_catalog, Kind.PERSON, chung, _today(options))))
    assert "Chairman of the Hanoi People's Committee (as of 13 June 2017)" in text
    assert "Chairman Chung" not in text.replace("'Chairman Chung'", "")  # only the quoted note
    assert "Mr Chung (not from the title" in text
    assert "To confirm before the meeting" in text
    # Two people in one chair: the sheet says so.
    assert "Trần Sỹ Thanh is also recorded as Chairman of the Hanoi People's Committee" in text


def test_on_the_day_of_the_meeting_the_title_is_confirmed(sample_catalog: Catalog,
                                                          options: SheetOptions) -> None:
    hanoi = delegation_id(sample_catalog, "EU World Cities delegation to Hanoi")
    text = flat(text_of(render(sample_catalog, Kind.DELEGATION, hanoi, _today(options))))
    assert "Address as Chairman Chung" in text
    assert "as of 13 June 2017" not in text


def test_no_undated_title_prints_as_current_on_any_sample_sheet(
        sample_catalog: Catalog, options: SheetOptions) -> None:
    """Every sample title rests on an article: printed today, each says "as of" and
    none becomes a form of address (President Quang, Chairman Chung...)."""
    with sample_catalog.read_session() as session:
        people = reads.people(session, list(registry.REGISTRY.labels(session, K.PERSON)))
    for person in people.values():
        text = flat(text_of(render(sample_catalog, Kind.PERSON, person.id, _today(options))))
        for position in person.positions:
            assert position.standing(TODAY) is not None
            assert not position.standing(TODAY).confirmed  # type: ignore[union-attr]
            assert f"{position.title} (as of" in text or f"{position.title} (dates" in text \
                or position is not person.title_standing(TODAY)[0], person.display_name  # type: ignore[index]
            if position.address_title and not person.explicit_form_of_address:
                spoken = f"{position.address_title} {person.address_on(TODAY).text.split()[-1]}"
                assert f"Form of address {spoken}" not in text, person.display_name


def test_a_dated_term_is_held_and_gives_the_address(empty_catalog: Catalog,
                                                    options: SheetOptions) -> None:
    person = create(empty_catalog, K.PERSON, honorific="Ms", given_names="Anna",
                    family_name="Berg", address_by="family")
    create(empty_catalog, K.POSITION, person_id=person, title="Mayor of Umeå",
           address_title="Mayor", start_date=dt.date(2022, 1, 1), rank=10)
    text = flat(text_of(render(empty_catalog, Kind.PERSON, person, _today(options))))
    assert "Form of address Mayor Berg" in text
    assert "as of" not in text and "To confirm" not in text


def test_a_bare_given_name_is_never_the_address(empty_catalog: Catalog) -> None:
    hung = create(empty_catalog, K.PERSON, given_names="Hung", family_name="Pham",
                  name_order="family_first", address_by="given")
    with empty_catalog.read_session() as session:
        view = reads.person(session, hung)
    assert view is not None and view.form_of_address(TODAY) == "Pham Hung"


def test_attestations_are_checked_when_written(empty_catalog: Catalog) -> None:
    from db import ops

    person = create(empty_catalog, K.PERSON, family_name="Hoan", name_order="mononym")
    with pytest.raises(ops.ValidationError, match="YYYY-MM-DD"):
        create(empty_catalog, K.POSITION, person_id=person, title="Chief of Cabinet",
               attested_on=["June 2017"])


def test_two_holders_are_found_when_only_one_title_has_a_vietnamese_form(
        empty_catalog: Catalog) -> None:
    """On a Vietnamese sheet the positions carry their Vietnamese titles; the office is
    still one office when the other holder's title has no Vietnamese form."""
    from db.i18n import using

    org = create(empty_catalog, K.ORGANISATION, name="Hanoi People's Committee")
    old = create(empty_catalog, K.PERSON, given_names="Đức Chung", family_name="Nguyễn",
                 name_order="family_first")
    new = create(empty_catalog, K.PERSON, given_names="Sỹ Thanh", family_name="Trần",
                 name_order="family_first")
    create(empty_catalog, K.POSITION, person_id=old, organisation_id=org,
           title="Chairman", title_vi="Chủ tịch", attested_on=["2017-06-13"])
    create(empty_catalog, K.POSITION, person_id=new, organisation_id=org,
           title="Chairman", attested_on=[TODAY.isoformat()])
    for language in ("en", "vi"):
        with using(language), empty_catalog.read_session() as session:
            views = reads.people(session, [old])
            shared = titles.shared_offices_of(session, {old: views[old].positions}, TODAY)
        assert [s.name for s in shared.get(old, [])] == ["Trần Sỹ Thanh"], language
