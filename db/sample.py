"""Builds the sample catalog a new user sees, from ``assets/sample/catalog.json``.

The data is checked in as JSON with symbolic keys (``"nguyen-duc-chung"``) so
it reads like the articles it comes from and reviews well in a diff. Loading
goes through ``db.ops`` in one transaction: the sample obeys the same
validation, gets the same change log and search index as anything a user
types, and a broken sample file fails loudly instead of half-loading.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from db import ops
from db.catalog.handle import Catalog
from db.models import ChangeLogEntry, RecordKind
from db.validation import country_name

SAMPLE_FILE = Path(__file__).resolve().parent.parent / "assets" / "sample" / "catalog.json"
SAMPLE_ACTOR = "Liaison sample catalog"


def read_sample(path: Path = SAMPLE_FILE) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


class _Loader:
    def __init__(self, tx: ops.Transaction) -> None:
        self.tx = tx
        self.ids: dict[tuple[RecordKind, str], int] = {}

    def ref(self, kind: RecordKind, key: str | None) -> int | None:
        if key is None:
            return None
        try:
            return self.ids[(kind, key)]
        except KeyError:
            raise ValueError(f"sample data: unknown {kind.value} key {key!r}") from None

    def create(self, kind: RecordKind, item: Mapping[str, Any], values: Mapping[str, Any],
               ) -> int:
        record_id = self.tx.create(kind, values)
        if "key" in item:
            self.ids[(kind, item["key"])] = record_id
        for source_key in item.get("sources", []):
            self.tx.create(RecordKind.CITATION, {
                "source_id": self.ref(RecordKind.SOURCE, source_key),
                "record_kind": kind.value, "record_id": record_id,
            })
        return record_id

    def country(self, code: str | None) -> int | None:
        return self.ref(RecordKind.COUNTRY, code) if code else None

    def load(self, data: Mapping[str, Any]) -> None:
        K = RecordKind
        for s in data.get("sources", []):
            self.create(K.SOURCE, s, {k: s.get(k) for k in
                                      ("title", "publisher", "url", "published_on", "language",
                                       "summary")})
        for code in data.get("countries", []):
            self.ids[(K.COUNTRY, code)] = self.tx.create(
                K.COUNTRY, {"code": code, "name": country_name(code) or code})
        for a in data.get("cooperation_areas", []):
            self.create(K.COOPERATION_AREA, a, {"name": a["name"],
                                                "description": a.get("description")})
        for c in data.get("cities", []):
            self.create(K.CITY, c, {
                "name": c["name"], "name_vi": c.get("name_vi"), "local_name": c.get("local_name"),
                "aliases": c.get("aliases") or [], "country_id": self.country(c.get("country")),
                "region": c.get("region"), "latitude": c.get("latitude"),
                "longitude": c.get("longitude"),
            })
        for o in data.get("organisations", []):
            self.create(K.ORGANISATION, o, {
                "name": o["name"], "name_vi": o.get("name_vi"), "acronym": o.get("acronym"),
                "org_kind": o.get("kind") or "other",
                "parent_id": self.ref(K.ORGANISATION, o.get("parent")),
                "city_id": self.ref(K.CITY, o.get("city")),
                "country_id": self.country(o.get("country")),
                "website": o.get("website"), "notes": o.get("notes"),
            })
        for p in data.get("people", []):
            self.create(K.PERSON, p, {
                **{k: p.get(k) for k in ("honorific", "given_names", "family_name",
                                         "original_script", "form_of_address", "biography",
                                         "protocol_notes", "private_notes")},
                "name_order": p.get("name_order") or "given_first",
                "address_by": p.get("address_by") or "family",
                "nationality_id": self.country(p.get("nationality")),
                "languages": p.get("languages") or [],
            })
        for pos in data.get("positions", []):
            self.create(K.POSITION, pos, {
                "person_id": self.ref(K.PERSON, pos["person"]),
                "organisation_id": self.ref(K.ORGANISATION, pos.get("organisation")),
                **{k: pos.get(k) for k in ("title", "title_vi", "address_title",
                                           "address_title_vi", "start_date", "end_date",
                                           "date_note")},
                "rank": pos.get("rank") or 100,
                "attested_on": pos.get("attested_on") or [],
            })
        for pr in data.get("programmes", []):
            self.create(K.PROGRAMME, pr, {
                "name": pr["name"], "funder_id": self.ref(K.ORGANISATION, pr.get("funder")),
                "managing_organisation_id": self.ref(K.ORGANISATION,
                                                     pr.get("managing_organisation")),
                **{k: pr.get(k) for k in ("start_date", "end_date", "date_note", "description",
                                          "website")},
            })
        for pa in data.get("pairings", []):
            pairing_id = self.create(K.PAIRING, pa, {
                "city_a_id": self.ref(K.CITY, pa["city_a"]),
                "city_b_id": self.ref(K.CITY, pa["city_b"]),
                "programme_id": self.ref(K.PROGRAMME, pa.get("programme")),
                "pairing_kind": pa.get("kind") or "cooperation",
                "status": pa.get("status") or "active",
                **{k: pa.get(k) for k in ("since", "date_note", "summary")},
            })
            for area in pa.get("areas", []):
                self.tx.create(K.PAIRING_AREA, {"pairing_id": pairing_id,
                                                "area_id": self.ref(K.COOPERATION_AREA, area)})
        for ev in data.get("events", []):
            self._event(ev)
        for de in data.get("delegations", []):
            self._delegation(de)

    def _event(self, ev: Mapping[str, Any]) -> None:
        K = RecordKind
        event_id = self.create(K.EVENT, ev, {
            **{k: ev.get(k) for k in ("name", "name_vi", "series", "start_date", "end_date",
                                      "date_note", "venue_note", "theme", "description",
                                      "attendance", "figures")},
            "city_id": self.ref(K.CITY, ev.get("city")),
            "venue_id": self.ref(K.ORGANISATION, ev.get("venue")),
        })
        for o in ev.get("organisers", []):
            self.tx.create(K.EVENT_ORGANISER, {
                "event_id": event_id,
                "organisation_id": self.ref(K.ORGANISATION, o["organisation"]),
                "role": o.get("role") or "organiser"})
        for sequence, s in enumerate(ev.get("sessions", [])):
            self.tx.create(K.EVENT_SESSION, {
                "event_id": event_id, "title": s["title"], "session_kind": s.get("kind") or "other",
                "date": s.get("date"), "notes": s.get("notes"), "sequence": sequence})
        for p in ev.get("participants", []):
            self.tx.create(K.EVENT_PARTICIPANT, {
                "event_id": event_id, "person_id": self.ref(K.PERSON, p["person"]),
                "role": p.get("role") or "attendee", "notes": p.get("notes")})

    def _delegation(self, de: Mapping[str, Any]) -> None:
        K = RecordKind
        delegation_id = self.create(K.DELEGATION, de, {
            **{k: de.get(k) for k in ("title", "start_date", "end_date", "date_note", "purpose",
                                      "outcomes", "follow_ups")},
            "direction": de.get("direction") or "incoming",
            "status": de.get("status") or "completed",
            "sending_city_id": self.ref(K.CITY, de.get("sending_city")),
            "sending_organisation_id": self.ref(K.ORGANISATION, de.get("sending_organisation")),
            "host_city_id": self.ref(K.CITY, de.get("host_city")),
            "pairing_id": self.ref(K.PAIRING, de.get("pairing")),
            "event_id": self.ref(K.EVENT, de.get("event")),
        })
        for m in de.get("members", []):
            self.tx.create(K.DELEGATION_MEMBER, {
                "delegation_id": delegation_id, "person_id": self.ref(K.PERSON, m["person"]),
                "role": m.get("role") or "member", "notes": m.get("notes")})
        for sequence, e in enumerate(de.get("engagements", [])):
            engagement_id = self.tx.create(K.ENGAGEMENT, {
                "delegation_id": delegation_id, "sequence": sequence,
                **{k: e.get(k) for k in ("title", "date", "start_time", "end_time", "place",
                                         "topics", "notes")},
                "city_id": self.ref(K.CITY, e.get("city")),
                "host_organisation_id": self.ref(K.ORGANISATION, e.get("host_organisation")),
            })
            for source_key in de.get("sources", []):
                self.tx.create(K.CITATION, {"source_id": self.ref(K.SOURCE, source_key),
                                            "record_kind": K.ENGAGEMENT.value,
                                            "record_id": engagement_id})
            for p in e.get("participants", []):
                self.tx.create(K.ENGAGEMENT_PARTICIPANT, {
                    "engagement_id": engagement_id, "person_id": self.ref(K.PERSON, p["person"]),
                    "role": p.get("role") or "participant"})


def load(catalog: Catalog, path: Path = SAMPLE_FILE) -> ops.Result:
    """Add the sample records to *catalog* in one transaction."""
    data = read_sample(path)
    with ops.transaction(catalog, actor=SAMPLE_ACTOR) as tx:
        _Loader(tx).load(data)
    assert tx.result is not None
    return tx.result


def is_sample(catalog: Catalog) -> bool:
    """Whether *catalog* began as the sample: its first change was the sample loading.

    Read from the change log (no flag in the schema): one row by primary key, so it
    costs the same on a catalog of a million changes.
    """
    with catalog.read_session() as session:
        first = session.exec(select(ChangeLogEntry.actor)
                             .order_by(col(ChangeLogEntry.id)).limit(1)).first()
    return first == SAMPLE_ACTOR
