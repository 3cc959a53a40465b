"""The filters each list offers, declared once per kind.

A filter names a ``db.listing`` filter; its choices (a vocabulary, or the
catalog's organisations, countries, years) come from ``db.filters`` and are
read on the worker thread when the list is first shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.kinds import RecordKind

Choices = list[tuple[object, str]]


@dataclass(frozen=True)
class FilterSpec:
    name: str
    label: str
    post: bool = False  # a text box + current/former instead of a combo


FILTERS: dict[RecordKind, tuple[FilterSpec, ...]] = {
    RecordKind.PERSON: (
        FilterSpec("organisation_id", "Organisation"),
        FilterSpec("country_id", "Nationality"),
        FilterSpec("post", "Post", post=True),
    ),
    RecordKind.ORGANISATION: (
        FilterSpec("org_kind", "Kind"),
        FilterSpec("country_id", "Country"),
    ),
    RecordKind.CITY: (FilterSpec("country_id", "Country"),),
    RecordKind.PROGRAMME: (),
    RecordKind.PAIRING: (
        FilterSpec("programme_id", "Programme"),
        FilterSpec("status", "Status"),
        FilterSpec("area_id", "Area"),
    ),
    RecordKind.DELEGATION: (
        FilterSpec("direction", "Direction"),
        FilterSpec("status", "Status"),
        FilterSpec("year", "Year"),
        FilterSpec("city_id", "City"),
    ),
    RecordKind.EVENT: (
        FilterSpec("year", "Year"),
        FilterSpec("city_id", "City"),
    ),
}
