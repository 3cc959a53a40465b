"""A file chosen for import: which format, which kind, which column fills which field.

:func:`prepare` reads the file and writes nothing: the app shows its result
(the mapping, the first rows) before the user confirms, and the CLI's
``--dry-run`` is :func:`prepare` plus a rolled-back :func:`import_prepared`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db.catalog import Catalog
from db.i18n import N_
from db.interchange import cards, catalog_json
from db.interchange.fields import ROW_KINDS, fields
from db.interchange.importer import Batch, Issue, Report, run
from db.interchange.rows import ColumnMap, Incoming, map_columns, table_rows
from db.interchange.tables import FileProblem, Table, read_csv, read_xlsx
from db.models import RecordKind
from db.said import say

FORMATS = ("csv", "xlsx", "json", "popolo", "vcard", "ical")
_EXTENSIONS = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
               ".json": "json", ".vcf": "vcard", ".vcard": "vcard", ".ics": "ical",
               ".ical": "ical", ".ifb": "ical"}


@dataclass
class Prepared:
    """A file read and mapped, nothing written yet."""

    path: Path
    format: str
    kind: RecordKind | None
    batches: list[Batch] = field(default_factory=list)
    table: Table | None = None
    mapping: ColumnMap | None = None
    document: dict[str, Any] | None = None
    notices: list[Issue] = field(default_factory=list)

    @property
    def rows(self) -> int:
        if self.document is not None:
            return sum(len(v or []) for v in (self.document.get("records") or {}).values())
        return sum(len(b.rows) for b in self.batches)

    def preview(self, count: int = 10) -> list[dict[str, Any]]:
        """The first rows as the import will read them: field -> value."""
        rows: list[dict[str, Any]] = []
        for batch in self.batches:
            for row in batch.rows[:count - len(rows)]:
                rows.append({"row": row.number, **{k: v for k, v in row.values.items()
                                                  if k != "photo"}})
        return rows


def detect_format(path: Path, data: Any = None) -> str:
    fmt = _EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        raise FileProblem(say(N_("{name}: cannot tell the file's format from its name "
                                 "(formats: {formats})"), name=path.name,
                              formats=", ".join(FORMATS)))
    if fmt == "json" and isinstance(data, dict) and not catalog_json.is_catalog_document(data):
        if any(k in data for k in ("persons", "organizations", "memberships")):
            return "popolo"
        raise FileProblem(say(N_("{name} is neither a Liaison export nor a Popolo file"),
                              name=path.name))
    return fmt


def _guess_kind(headers: tuple[str, ...]) -> RecordKind:
    """The kind whose fields the headers name most (people when undecided)."""
    scores = {kind: sum(1 for _i, _h, f in map_columns(kind, headers).columns if f)
              for kind in ROW_KINDS}
    best = max(scores.values())
    return RecordKind.PERSON if scores[RecordKind.PERSON] == best else max(
        scores, key=lambda k: scores[k])


def prepare(path: str | Path, *, kind: str | RecordKind | None = None,
            mapping: Mapping[str, str] | None = None, encoding: str | None = None,
            sheet: str | None = None, require_mapping: bool = True) -> Prepared:
    """Read *path* (see the module docstring); raises :class:`FileProblem` for a file
    that cannot be read at all, or (unless *require_mapping* is false, as in the app,
    where the user maps columns by hand) whose columns name no field."""
    path = Path(path)
    if not path.is_file():
        raise FileProblem(say(N_("there is no file {path}"), path=path))
    wanted = RecordKind(kind) if kind else None
    if wanted is not None and wanted not in ROW_KINDS:
        raise FileProblem(say(N_("{kind} records cannot be imported from rows (kinds: "
                                 "{kinds})"), kind=wanted.value,
                              kinds=", ".join(k.value for k in ROW_KINDS)))
    suffix = _EXTENSIONS.get(path.suffix.lower())
    data = None
    if suffix == "json":
        try:
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise FileProblem(say(N_("{name} is not valid JSON ({error})"), name=path.name,
                                  error=exc)) from None
    fmt = detect_format(path, data)
    if fmt == "json":
        return Prepared(path, fmt, None, document=data)
    if fmt == "popolo":
        assert isinstance(data, dict)
        organisations, people = cards.read_popolo(data)
        return Prepared(path, fmt, RecordKind.PERSON, batches=[
            Batch(RecordKind.ORGANISATION, organisations), Batch(RecordKind.PERSON, people)])
    if fmt == "vcard":
        return Prepared(path, fmt, RecordKind.PERSON,
                        batches=[Batch(RecordKind.PERSON, cards.read_vcards(path.read_bytes()))])
    if fmt == "ical":
        return Prepared(path, fmt, RecordKind.EVENT,
                        batches=[Batch(RecordKind.EVENT, cards.read_calendar(path.read_bytes()))])
    table = read_xlsx(path, sheet=sheet) if fmt == "xlsx" else read_csv(path, encoding=encoding)
    chosen = wanted or _guess_kind(table.headers)
    columns = map_columns(chosen, table.headers, mapping)
    unknown = [c for c in (mapping or {}) if c.strip() not in table.headers]
    if unknown:
        raise FileProblem(say(N_("--map names a column the file does not have: {column!r} "
                                 "(columns: {columns})"), column=unknown[0],
                              columns=", ".join(h for h in table.headers if h)))
    if not columns.used and require_mapping:
        raise FileProblem(say(N_("no column of {name} names a {kind} field; name them with "
                                 "--map COLUMN=FIELD (fields: {fields})"), name=path.name,
                              kind=chosen.value, fields=", ".join(fields(chosen))))
    prepared = Prepared(path, fmt, chosen, [Batch(chosen, table_rows(chosen, table, columns))],
                        table=table, mapping=columns)
    header_row = (table.rows[0][0] - 1) if table.rows else 1
    for header in columns.ignored:
        prepared.notices.append(Issue(header_row, header, say(N_(
            "not imported: no field matches this column (name one with --map COLUMN=FIELD)"))))
    return prepared


def import_prepared(catalog: Catalog, prepared: Prepared, *, dry_run: bool = False,
                    skip_bad_rows: bool = False, backup: bool = True,
                    actor: str | None = None, batched: bool = True) -> Report:
    """Write what :func:`prepare` read, in one transaction (see :mod:`.importer`);
    *batched* False writes one record at a time (the same catalog, slower)."""
    if prepared.document is not None:
        return catalog_json.import_document(catalog, prepared.document, dry_run=dry_run,
                                            skip_bad_rows=skip_bad_rows, backup=backup,
                                            actor=actor)
    batches = [Batch(b.kind, [Incoming(r.number, dict(r.values), dict(r.columns))
                              for r in b.rows]) for b in prepared.batches]
    return run(catalog, batches, dry_run=dry_run, skip_bad_rows=skip_bad_rows, backup=backup,
               notices=prepared.notices, actor=actor, batched=batched)
