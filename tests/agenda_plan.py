"""A week of visits to put on the agenda (tests of the Upcoming section, the week's
programme and the CLI share it): dated from any Monday, so "today" is the test's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from db import ops
from db.catalog import Catalog
from db.models import RecordKind as K


def create(catalog: Catalog, kind: K, **values: Any) -> int:
    return ops.create(catalog, kind, values).ids(kind)[0]


@dataclass(frozen=True)
class Plan:
    monday: dt.date
    seoul: int  # the delegation from Seoul, Monday to Wednesday
    headless: int  # a delegation without a head, on Thursday
    no_venue: int  # a meeting without a place or host
    unconfirmed: int  # a person whose only title is "as of" an old article


def plan_week(catalog: Catalog, monday: dt.date) -> Plan:
    day = [monday + dt.timedelta(days=n) for n in range(21)]
    hanoi = create(catalog, K.CITY, name="Hanoi", local_name="Hà Nội")
    seoul_city = create(catalog, K.CITY, name="Seoul")
    committee = create(catalog, K.ORGANISATION, name="Hanoi People's Committee",
                       city_id=hanoi)
    kwon = create(catalog, K.PERSON, given_names="Young Gull", family_name="Kwon",
                  name_order="family_first", honorific="Mr")
    create(catalog, K.POSITION, person_id=kwon, title="Chairman of the Council",
           start_date=day[0] - dt.timedelta(days=400))
    lan = create(catalog, K.PERSON, given_names="Thị Lan", family_name="Nguyễn",
                 name_order="family_first")
    create(catalog, K.POSITION, person_id=lan, organisation_id=committee,
           title="Deputy Director", attested_on=["2017-06-13"])
    seoul = create(catalog, K.DELEGATION, title="Seoul City Council visit",
                   direction="incoming", sending_city_id=seoul_city, host_city_id=hanoi,
                   start_date=day[0], end_date=day[2], status="confirmed")
    create(catalog, K.DELEGATION_MEMBER, delegation_id=seoul, person_id=kwon, role="head")
    create(catalog, K.ENGAGEMENT, delegation_id=seoul, title="Courtesy call on the Chairman",
           date=day[1], start_time=dt.time(9, 30), host_organisation_id=committee,
           city_id=hanoi)
    meeting = create(catalog, K.ENGAGEMENT, delegation_id=seoul, title="Working lunch",
                     date=day[1], start_time=dt.time(12, 0), city_id=hanoi)
    create(catalog, K.ENGAGEMENT_PARTICIPANT, engagement_id=meeting, person_id=lan)
    create(catalog, K.ENGAGEMENT, delegation_id=seoul, title="Visit to the Hi-Tech Park",
           date=day[0], start_time=dt.time(14, 0), place="Hòa Lạc Hi-Tech Park")
    headless = create(catalog, K.DELEGATION, title="Đoàn Sở Ngoại vụ Đà Nẵng",
                      host_city_id=hanoi, start_date=day[3], status="planned")
    create(catalog, K.DELEGATION, title="Cancelled trade mission", start_date=day[2],
           status="cancelled")
    create(catalog, K.DELEGATION, title="Study tour to Seoul", direction="outgoing",
           host_city_id=seoul_city, start_date=day[16], end_date=day[18], status="planned")
    create(catalog, K.DELEGATION, title="Last year's visit", start_date=day[0].replace(
        year=day[0].year - 1), status="completed")
    return Plan(monday, seoul, headless, meeting, lan)
