"""Column enums, one per list: code names columns, never bare numbers.

The order must match the column specs in ``db.listing`` (a test checks it).
"""

from __future__ import annotations

from enum import IntEnum

from db.kinds import RecordKind


class PeopleColumn(IntEnum):
    NAME = 0
    TITLE = 1
    ORGANISATION = 2
    NATIONALITY = 3


class OrganisationColumn(IntEnum):
    NAME = 0
    ACRONYM = 1
    KIND = 2
    CITY = 3
    COUNTRY = 4


class CityColumn(IntEnum):
    NAME = 0
    LOCAL_NAME = 1
    COUNTRY = 2
    REGION = 3


class ProgrammeColumn(IntEnum):
    NAME = 0
    FUNDER = 1
    MANAGED_BY = 2
    DATES = 3


class PairingColumn(IntEnum):
    CITIES = 0
    PROGRAMME = 1
    KIND = 2
    STATUS = 3
    SINCE = 4


class DelegationColumn(IntEnum):
    TITLE = 0
    DATES = 1
    DIRECTION = 2
    STATUS = 3
    FROM = 4
    HOST = 5


class EventColumn(IntEnum):
    NAME = 0
    DATES = 1
    CITY = 2
    THEME = 3


COLUMNS: dict[RecordKind, type[IntEnum]] = {
    RecordKind.PERSON: PeopleColumn,
    RecordKind.ORGANISATION: OrganisationColumn,
    RecordKind.CITY: CityColumn,
    RecordKind.PROGRAMME: ProgrammeColumn,
    RecordKind.PAIRING: PairingColumn,
    RecordKind.DELEGATION: DelegationColumn,
    RecordKind.EVENT: EventColumn,
}
