"""The whole catalog as one JSON document, and back.

``{"format": "liaison-catalog", "version": 1, "records": {kind: [rows]}}``:
every table's rows with every column a user can edit, ids kept so references
(``city_id``) can be followed, attachments as base64. Timestamps, versions and
derived columns are left out: they belong to the catalog that holds the rows.

Importing maps the file's ids to the catalog's: a record is matched by what
names it (a country's code, a city's name and country, a person's name and
e-mail, a membership's delegation and person, ...); a match is updated, the
rest created. One record of the file never lands on a record another record
of the same file already took, so two namesakes stay two people. Export ->
``init --empty`` -> import -> export gives the same document apart from ids.
"""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from db import ops
from db.i18n import N_
from db.interchange.importer import Issue, Report, _undo_of, count_changes
from db.interchange.resolve import Resolver
from db.models import TABLES, Record, RecordKind
from db.said import say

FORMAT = "liaison-catalog"
VERSION = 1
_SKIP = frozenset({"created_at", "updated_at", "version", "sort_key", "sort_date",
                    "portrait"})
# Kinds in an order where everything a row refers to comes before it.
ORDER: tuple[RecordKind, ...] = (
    RecordKind.COUNTRY, RecordKind.CITY, RecordKind.ORGANISATION, RecordKind.PERSON,
    RecordKind.POSITION, RecordKind.PROGRAMME, RecordKind.COOPERATION_AREA, RecordKind.PAIRING,
    RecordKind.PAIRING_AREA, RecordKind.EVENT, RecordKind.EVENT_ORGANISER,
    RecordKind.EVENT_SESSION, RecordKind.EVENT_PARTICIPANT, RecordKind.DELEGATION,
    RecordKind.DELEGATION_MEMBER, RecordKind.ENGAGEMENT, RecordKind.ENGAGEMENT_PARTICIPANT,
    RecordKind.SOURCE, RecordKind.CITATION, RecordKind.ATTACHMENT,
)
# What names a record of each kind (after the file's ids are mapped to the catalog's).
KEYS: dict[RecordKind, tuple[str, ...]] = {
    RecordKind.COUNTRY: ("code",),
    RecordKind.CITY: ("name", "country_id"),
    RecordKind.ORGANISATION: ("name", "city_id"),
    RecordKind.PERSON: ("family_name", "given_names", "email"),
    RecordKind.POSITION: ("person_id", "organisation_id", "title", "start_date"),
    RecordKind.PROGRAMME: ("name",),
    RecordKind.COOPERATION_AREA: ("name",),
    RecordKind.PAIRING: ("city_a_id", "city_b_id", "programme_id"),
    RecordKind.PAIRING_AREA: ("pairing_id", "area_id"),
    RecordKind.EVENT: ("name", "start_date"),
    RecordKind.EVENT_ORGANISER: ("event_id", "organisation_id"),
    RecordKind.EVENT_SESSION: ("event_id", "title", "date"),
    RecordKind.EVENT_PARTICIPANT: ("event_id", "person_id"),
    RecordKind.DELEGATION: ("title", "start_date"),
    RecordKind.DELEGATION_MEMBER: ("delegation_id", "person_id"),
    RecordKind.ENGAGEMENT: ("delegation_id", "title", "date", "start_time"),
    RecordKind.ENGAGEMENT_PARTICIPANT: ("engagement_id", "person_id"),
    RecordKind.SOURCE: ("title", "url"),
    RecordKind.CITATION: ("source_id", "record_kind", "record_id"),
    RecordKind.ATTACHMENT: ("record_kind", "record_id", "sha256", "role"),
}


def _plain(value: Any) -> Any:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    return value


def _columns(kind: RecordKind) -> dict[str, Any]:
    return dict(TABLES[kind].__table__.columns.items())  # type: ignore[attr-defined]


def export_document(session: Any) -> dict[str, Any]:
    """Every record of the catalog, kind by kind, in id order."""
    records: dict[str, list[dict[str, Any]]] = {}
    for kind in ORDER:
        model = TABLES[kind]
        names = [n for n in _columns(kind) if n not in _SKIP]
        rows = session.execute(select(model).order_by(col(model.id))).scalars()
        records[kind.value] = [{n: _plain(getattr(r, n)) for n in names} for r in rows]
    return {"format": FORMAT, "version": VERSION, "records": records}


def is_catalog_document(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == FORMAT


def _references(kind: RecordKind) -> dict[str, RecordKind]:
    found: dict[str, RecordKind] = {}
    by_table = {m.__tablename__: k for k, m in TABLES.items()}
    for name, column in _columns(kind).items():
        for fk in column.foreign_keys:
            found[name] = by_table[fk.column.table.name]
    return found


class _Loader:
    def __init__(self, tx: ops.Transaction, report: Report) -> None:
        self.tx = tx
        self.report = report
        self.ids: dict[tuple[RecordKind, int], int] = {}
        self.taken: set[tuple[RecordKind, int]] = set()
        self.resolver = Resolver(tx)
        self.parents: list[tuple[int, int]] = []

    def values(self, kind: RecordKind, row: dict[str, Any]) -> dict[str, Any]:
        columns = _columns(kind)
        refs = _references(kind)
        values: dict[str, Any] = {}
        for name, value in row.items():
            if name in _SKIP or name == "id" or name not in columns:
                continue
            if name in refs and value is not None:
                if kind == RecordKind.ORGANISATION and name == "parent_id":
                    continue  # set once every organisation exists
                value = self.ids.get((refs[name], int(value)))
            elif name == "data" and isinstance(value, str):
                value = base64.b64decode(value)
            values[name] = value
        if kind in (RecordKind.CITATION, RecordKind.ATTACHMENT):
            owner = RecordKind(str(row["record_kind"]))
            values["record_id"] = self.ids.get((owner, int(row["record_id"])))
        return values

    def existing(self, kind: RecordKind, values: dict[str, Any]) -> Record | None:
        model = TABLES[kind]
        prepared, _errors = ops.prepare(kind, values)
        query = select(model)
        for name in KEYS[kind]:
            value = prepared.get(name)
            column = getattr(model, name)
            query = query.where(column.is_(None) if value is None else column == value)
        for record in self.tx.session.execute(query.order_by(col(model.id))).scalars():
            assert record.id is not None
            if (kind, record.id) not in self.taken:
                return record
        return None

    def load(self, kind: RecordKind, number: int, row: dict[str, Any]) -> None:
        values = self.values(kind, row)
        record = self.existing(kind, values)
        if record is None:
            new_id = self.tx.create(kind, values)
        else:
            assert record.id is not None
            new_id = record.id
            if not self.resolver.update(kind, record, values):
                self.report.unchanged += 1
        self.taken.add((kind, new_id))
        if row.get("id") is not None:
            self.ids[(kind, int(row["id"]))] = new_id
        if kind == RecordKind.ORGANISATION and row.get("parent_id") is not None:
            self.parents.append((new_id, int(row["parent_id"])))

    def link_parents(self) -> None:
        for org_id, parent in self.parents:
            target = self.ids.get((RecordKind.ORGANISATION, parent))
            record = self.tx.session.get(TABLES[RecordKind.ORGANISATION], org_id)
            if target is not None and record is not None:
                self.resolver.update(RecordKind.ORGANISATION, record, {"parent_id": target})


def import_document(catalog: Any, data: dict[str, Any], *, dry_run: bool = False,
                    skip_bad_rows: bool = False, backup: bool = True,
                    actor: str | None = None) -> Report:
    """Load a catalog document (see the module docstring) in one transaction."""
    from db.interchange.importer import _backup, _Discard

    if int(data.get("version", 0)) > VERSION:
        from db.interchange.tables import FileProblem

        raise FileProblem(say(N_("this file was written by a newer Liaison (format version "
                                 "{version}); update Liaison to read it"),
                              version=data.get("version")))
    report = Report(dry_run=dry_run)
    records = data.get("records") or {}
    report.rows = sum(len(records.get(kind.value) or []) for kind in ORDER)
    if not dry_run and backup:
        info = _backup(catalog)
        report.backup = str(info) if info is not None else None
    number = 0
    try:
        with ops.transaction(catalog, actor=actor) as tx:
            loader = _Loader(tx, report)
            for kind in ORDER:
                for row in records.get(kind.value) or []:
                    number += 1
                    savepoint = tx.session.begin_nested()
                    mark = len(tx.changes)
                    try:
                        loader.load(kind, number, row)
                    except ops.ValidationError as exc:
                        savepoint.rollback()
                        del tx.changes[mark:]
                        for name, message in exc.errors.items():
                            report.errors.append(Issue(number, f"{kind.value}.{name}", message))
                        continue
                    savepoint.commit()
            loader.link_parents()
            count_changes(report, tx.changes)
            if dry_run or (report.errors and not skip_bad_rows):
                raise _Discard
    except _Discard:
        return report
    report.written = True
    report.result = tx.result
    report.undo = _undo_of(tx.result, loader.resolver.before)
    return report
