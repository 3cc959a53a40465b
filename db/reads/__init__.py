"""The read side: frozen read objects for lists, detail panes and briefing sheets.

Views never hold ORM objects: a read object is a plain frozen value that can
cross threads (the GUI's worker) and be printed headless (briefings). Pages
fetch the rows of one screenful plus, in one batched query each, the related
facts those rows show, never one query per row.

One module per subject (people, delegations, events, places, and the exchanges
between two cities); this package re-exports them so ``reads.person`` and the
rest stay where callers expect them.
"""

from db.reads.common import (
    Ref,
    SourceView,
    count,
    labels_of,
    ref_or_none,
    sources_by_record,
    sources_of,
)
from db.reads.delegations import (
    Attendance,
    DelegationView,
    EngagementView,
    MeetingView,
    MemberView,
    by_precedence,
    delegation,
    delegation_day,
    engagement,
    engagements_of,
    engagements_of_people,
)
from db.reads.events import (
    EventView,
    event,
    event_day,
    event_start_or_note,
)
from db.reads.exchanges import (
    Exchange,
    KeyPerson,
    exchanges,
    key_people,
)
from db.reads.people import (
    PHOTO_MEDIA_TYPES,
    PHOTO_ROLE,
    Participation,
    PersonView,
    Photo,
    PositionView,
    people,
    person,
    person_label,
    photo,
    photos,
    titles_on,
)
from db.reads.places import (
    CityFacts,
    CityView,
    HolderView,
    OrganisationInfo,
    OrganisationView,
    PairingView,
    ProgrammeFacts,
    ProgrammeView,
    city,
    city_facts,
    organisation,
    organisations_info,
    pairing,
    pairing_refs,
    programme,
    programme_facts,
)
from db.reads.protocol import ContactView

__all__ = [
    "PHOTO_MEDIA_TYPES",
    "PHOTO_ROLE",
    "Attendance",
    "CityFacts",
    "CityView",
    "ContactView",
    "DelegationView",
    "EngagementView",
    "EventView",
    "Exchange",
    "HolderView",
    "KeyPerson",
    "MeetingView",
    "MemberView",
    "OrganisationInfo",
    "OrganisationView",
    "PairingView",
    "Participation",
    "PersonView",
    "Photo",
    "PositionView",
    "ProgrammeFacts",
    "ProgrammeView",
    "Ref",
    "SourceView",
    "by_precedence",
    "city",
    "city_facts",
    "count",
    "delegation",
    "delegation_day",
    "engagement",
    "engagements_of",
    "engagements_of_people",
    "event",
    "event_day",
    "event_start_or_note",
    "exchanges",
    "key_people",
    "labels_of",
    "organisation",
    "organisations_info",
    "pairing",
    "pairing_refs",
    "people",
    "person",
    "person_label",
    "photo",
    "photos",
    "programme",
    "programme_facts",
    "ref_or_none",
    "sources_by_record",
    "sources_of",
    "titles_on",
]
