"""The filters each list offers, declared once per kind.

A filter names a ``db.listing`` filter; its choices (a vocabulary, or the
catalog's organisations, countries, years) come from ``db.filters`` and are
read on the worker thread when the list is first shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.i18n import N_
from db.kinds import RecordKind

Choices = list[tuple[object, str]]


@dataclass(frozen=True)
class FilterSpec:
    name: str
    label: str
    any_text: str = ""  # the choice that does not filter: "Any year" (translated at use)
    post: bool = False  # a text box + current/former instead of a combo


FILTERS: dict[RecordKind, tuple[FilterSpec, ...]] = {
    RecordKind.PERSON: (
        FilterSpec("organisation_id", N_("Organisation"), N_("Any organisation")),
        FilterSpec("country_id", N_("Nationality"), N_("Any nationality")),
        FilterSpec("post", N_("Post"), post=True),
    ),
    RecordKind.ORGANISATION: (
        FilterSpec("org_kind", N_("Kind"), N_("Any kind")),
        FilterSpec("country_id", N_("Country"), N_("Any country")),
    ),
    RecordKind.CITY: (FilterSpec("country_id", N_("Country"), N_("Any country")),),
    RecordKind.PROGRAMME: (),
    RecordKind.PAIRING: (
        FilterSpec("programme_id", N_("Programme"), N_("Any programme")),
        FilterSpec("status", N_("Status"), N_("Any status")),
        FilterSpec("area_id", N_("Area"), N_("Any area")),
    ),
    RecordKind.DELEGATION: (
        FilterSpec("direction", N_("Direction"), N_("Any direction")),
        FilterSpec("status", N_("Status"), N_("Any status")),
        FilterSpec("year", N_("Year"), N_("Any year")),
        FilterSpec("city_id", N_("City"), N_("Any city")),
    ),
    RecordKind.EVENT: (
        FilterSpec("year", N_("Year"), N_("Any year")),
        FilterSpec("city_id", N_("City"), N_("Any city")),
    ),
}
