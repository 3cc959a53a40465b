"""The agenda read: what happens in the coming weeks, in order, and what to confirm."""

from __future__ import annotations

import datetime as dt

import pytest

from db.catalog import Catalog
from db.reads.agenda import Problem, agenda, week_of
from tests.agenda_plan import plan_week

MONDAY = dt.date(2031, 3, 3)

pytestmark = pytest.mark.both_engines


def test_items_in_date_order_with_who_where_status(empty_catalog: Catalog) -> None:
    plan_week(empty_catalog, MONDAY)
    with empty_catalog.read_session() as session:
        found = agenda(session, MONDAY, 28)
    assert [(i.day.isoformat(), i.title) for i in found.items] == [
        ("2031-03-03", "Seoul City Council visit"),
        ("2031-03-03", "Visit to the Hi-Tech Park"),
        ("2031-03-04", "Courtesy call on the Chairman"),
        ("2031-03-04", "Working lunch"),
        ("2031-03-06", "Đoàn Sở Ngoại vụ Đà Nẵng"),
        ("2031-03-19", "Study tour to Seoul"),
    ]
    seoul = found.items[0]
    assert seoul.who == ("Kwon Young Gull",) and seoul.where == "Hanoi"
    assert seoul.status == "confirmed" and seoul.last_day == dt.date(2031, 3, 5)
    courtesy = found.items[2]
    assert courtesy.where == "Hanoi People's Committee, Hanoi"
    assert courtesy.delegation == "Seoul City Council visit"


def test_a_visit_under_way_is_listed_from_today(empty_catalog: Catalog) -> None:
    plan_week(empty_catalog, MONDAY)
    wednesday = MONDAY + dt.timedelta(days=2)
    with empty_catalog.read_session() as session:
        found = agenda(session, wednesday, 7)
    assert [(i.day, i.title) for i in found.items] == [
        (wednesday, "Seoul City Council visit"),
        (MONDAY + dt.timedelta(days=3), "Đoàn Sở Ngoại vụ Đà Nẵng")]


def test_to_confirm_titles_heads_and_venues(empty_catalog: Catalog) -> None:
    plan = plan_week(empty_catalog, MONDAY)
    with empty_catalog.read_session() as session:
        found = agenda(session, MONDAY, 28)
    assert [(t.problem, t.kind, t.id) for t in found.to_confirm][:3] == [
        (Problem.TITLE, "person", plan.unconfirmed),
        (Problem.VENUE, "engagement", plan.no_venue),
        (Problem.HEAD, "delegation", plan.headless),
    ]
    assert [(t.problem, t.label) for t in found.to_confirm][3:] == [
        (Problem.HEAD, "Study tour to Seoul")]
    title = found.to_confirm[0]
    assert title.label == "Nguyễn Thị Lan" and title.detail.startswith("Deputy Director")


def test_week_of_is_monday() -> None:
    assert week_of(dt.date(2031, 3, 6)) == MONDAY
    assert week_of(MONDAY) == MONDAY
