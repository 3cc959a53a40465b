"""``liaison import``, ``liaison export`` and ``liaison duplicates``.

``import`` reads the file, reports row by row (row number, column, message)
and writes everything in one transaction after a backup; a file with refused
rows imports nothing unless ``--skip-bad-rows`` says to take the good ones.
Refused rows make the exit status 2 (the report says which), like any other
input the user has to fix; ``--dry-run`` writes nothing and exits 0 when every
row would go in.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.i18n import _, format_list, format_number, ngettext, pgettext
from db.kinds import RecordKind
from db.vocabulary import count, noun
from gui.cli.common import (
    EXIT_OK,
    EXIT_USER_ERROR,
    UserError,
    add_target_arguments,
    catalog_target,
    check_output_file,
    open_or_create_default,
    positive_int,
)

if TYPE_CHECKING:
    from db.interchange import Prepared, Report
    from db.interchange.importer import Issue
    from gui.cli.common import Subparsers

IMPORT_KINDS = ("person", "organisation", "city", "pairing", "delegation", "event")
EXPORT_FORMATS = ("json", "popolo", "csv", "xlsx", "vcard", "ical")


def add_parser(commands: Subparsers) -> None:
    """Add ``import``, ``export`` and ``duplicates`` to the parser."""
    about = _("bring records in from CSV, XLSX, JSON, Popolo, vCard or iCalendar")
    load = commands.add_parser("import", help=about, description=about)
    load.add_argument("file", metavar=pgettext("metavar", "FILE"),
                      help=_("the file to read (CSV, XLSX, JSON, Popolo, vCard or iCalendar)"))
    load.add_argument("--kind", choices=IMPORT_KINDS,
                      help=_("what the rows are (default: guessed from the headers)"))
    load.add_argument("--map", action="append", default=[],
                      metavar=pgettext("metavar", "COLUMN=FIELD"),
                      help=_("fill FIELD from COLUMN (repeatable; FIELD '-' leaves it out)"))
    load.add_argument("--encoding", metavar=pgettext("metavar", "ENC"),
                      help=_("the CSV file's encoding (default: detected; e.g. cp1258, utf-16, "
                             "cp1252)"))
    load.add_argument("--sheet", metavar=pgettext("metavar", "NAME"),
                      help=_("the XLSX sheet (default: the first)"))
    load.add_argument("--dry-run", action="store_true", help=_("check and report, write nothing"))
    load.add_argument("--skip-bad-rows", action="store_true",
                      help=_("import the good rows even when some are refused"))
    load.add_argument("--json", action="store_true", help=_("print the report as JSON"))
    add_target_arguments(load)
    load.set_defaults(handler=cmd_import)

    about = _("write the catalog as JSON, Popolo, CSV, XLSX, vCard or iCalendar")
    out = commands.add_parser("export", help=about, description=about)
    out.add_argument("format", choices=EXPORT_FORMATS, metavar=pgettext("metavar", "FORMAT"),
                     help=_("one of: ") + ", ".join(EXPORT_FORMATS))
    out.add_argument("-o", "--output", required=True, metavar=pgettext("metavar", "FILE"),
                     help=_("the file to write"))
    out.add_argument("--kind", choices=IMPORT_KINDS, help=_("csv/xlsx: which records "
                     "(csv default: person; xlsx default: one sheet per kind)"))
    out.add_argument("--language", choices=("en", "vi"), default="en",
                     help=_("language of the column headers"))
    add_target_arguments(out)
    out.set_defaults(handler=cmd_export)

    about = _("list records that may be the same")
    twins = commands.add_parser("duplicates", help=about, description=about)
    twins.add_argument("--kind", choices=("person", "organisation"), default="person",
                       help=_("which records to compare (default: person)"))
    twins.add_argument("--limit", type=positive_int, default=100, metavar="N",
                       help=_("list at most N pairs (default: 100)"))
    twins.add_argument("--json", action="store_true", help=_("print JSON"))
    add_target_arguments(twins)
    twins.set_defaults(handler=cmd_duplicates)


def _mapping(pairs: list[str], kind: str | None) -> dict[str, str]:
    from db.interchange.fields import parse_mapping

    if not pairs:
        return {}
    try:
        return parse_mapping(RecordKind(kind or "person"), pairs)
    except ValueError as exc:
        raise UserError(str(exc)) from None


def _prepare(args: argparse.Namespace) -> Prepared:
    from db.interchange import FileProblem, prepare

    try:
        return prepare(Path(args.file), kind=args.kind, mapping=_mapping(args.map, args.kind),
                       encoding=args.encoding, sheet=args.sheet)
    except FileProblem as exc:
        raise UserError(f"{args.file}: {exc}") from None


def cmd_import(args: argparse.Namespace) -> int:
    from db.interchange import import_prepared

    prepared = _prepare(args)
    catalog = open_or_create_default(catalog_target(args))
    with catalog:
        report = import_prepared(catalog, prepared, dry_run=args.dry_run,
                                 skip_bad_rows=args.skip_bad_rows)
    if args.json:
        print(json.dumps(_as_json(prepared, report), ensure_ascii=False, indent=2))
    else:
        _print_report(report)
    summary = _summary(prepared, report)
    refused = bool(report.errors) and not (args.skip_bad_rows or args.dry_run)
    print(summary, file=sys.stderr if refused or args.json else sys.stdout)
    return EXIT_USER_ERROR if refused or (args.dry_run and report.errors
                                          and not args.skip_bad_rows) else EXIT_OK


def _as_json(prepared: Prepared, report: Report) -> dict[str, Any]:
    data: dict[str, Any] = {"file": str(prepared.path), "format": prepared.format,
                            "kind": prepared.kind.value if prepared.kind else None}
    if prepared.mapping is not None:
        data["mapping"] = {header: name for _i, header, name in prepared.mapping.columns}
    if prepared.table is not None and prepared.table.encoding:
        data["encoding"] = prepared.table.encoding
    data.update(report.as_dict())
    return data


def _print_report(report: Report) -> None:
    for issue in report.errors:
        print(_("error: {where}: {message}").format(where=_where(issue), message=issue.message))
    for issue in report.review:
        print(_("review: {where}: {message}").format(where=_where(issue), message=issue.message))
    for issue in report.notices:
        print(_("note: {where}: {message}").format(where=_where(issue), message=issue.message))


def _where(issue: Issue) -> str:
    """``row 6, Email``: the row, and the column as the file names it."""
    row = _("row {row}").format(row=format_number(issue.row))
    return f"{row}, {issue.column}" if issue.column else row


def _counts(counter: Mapping[str, int]) -> str:
    """``19 people, 2 organisations`` in the language, kinds in a stable order."""
    return format_list([_count(name, n) for name, n in sorted(counter.items())])


def _count(name: str, n: int) -> str:
    try:
        return count(RecordKind(name), n)
    except (KeyError, ValueError):  # a kind the word table does not know: its own name
        return f"{format_number(n)} {name.replace('_', ' ')}"


def _summary(prepared: Prepared, report: Report) -> str:
    head = ngettext("{file}: {rows} row", "{file}: {rows} rows", report.rows).format(
        file=prepared.path.name, rows=format_number(report.rows))
    bad = len(report.bad_rows)
    if report.errors and not report.written and not report.dry_run:
        return "liaison: " + ngettext(
            "{head}, {bad} refused (listed above); nothing was imported. Fix it, or import "
            "the other rows with --skip-bad-rows",
            "{head}, {bad} refused (listed above); nothing was imported. Fix them, or import "
            "the other rows with --skip-bad-rows", bad).format(head=head, bad=format_number(bad))
    created = _counts(report.created)
    if report.dry_run:
        parts = [_("would create {records}").format(records=created) if created
                 else _("would create nothing")]
    else:
        parts = [_("created {records}").format(records=created) if created
                 else _("created nothing")]
    if report.updated:
        updated = _counts(report.updated)
        parts.append(_("would update {records}").format(records=updated) if report.dry_run
                     else _("updated {records}").format(records=updated))
    if report.unchanged:
        parts.append(_("{count} already in the catalog").format(
            count=format_number(report.unchanged)))
    if bad:
        parts.append(ngettext("{count} row refused", "{count} rows refused", bad).format(
            count=format_number(bad)))
    if report.review:
        parts.append(_("{count} left for review").format(count=format_number(len(report.review))))
    tail = " " + _("(dry run: nothing written)") if report.dry_run else ""
    return f"{head}: " + "; ".join(parts) + tail


def cmd_export(args: argparse.Namespace) -> int:
    from db.interchange import FileProblem
    from db.interchange.export import export

    target = Path(args.output).expanduser()
    check_output_file(target, _("Cannot write {path}: it is a folder; name a file.").format(
        path=target))
    catalog = open_or_create_default(catalog_target(args), reading=True)
    with catalog:
        try:
            count = export(catalog, args.format, target, kind=args.kind,
                           language=args.language)
        except FileProblem as exc:
            raise UserError(str(exc)) from None
    print(ngettext("Wrote {count} record to {file}", "Wrote {count} records to {file}",
                   count).format(count=format_number(count), file=args.output))
    return EXIT_OK


def cmd_duplicates(args: argparse.Namespace) -> int:
    from db.interchange.duplicates import candidates

    catalog = open_or_create_default(catalog_target(args), reading=True)
    with catalog, catalog.read_session() as session:
        pairs = candidates(session, RecordKind(args.kind), limit=args.limit)
    if args.json:
        print(json.dumps([p.as_dict() for p in pairs], ensure_ascii=False, indent=2))
    elif not pairs:
        print(_("No likely duplicates among the {records}.").format(
            records=noun(RecordKind(args.kind), 2)), file=sys.stderr)
    else:
        for pair in pairs:
            why = f" ({', '.join(_(reason) for reason in pair.reasons)})" if pair.reasons else ""
            score = format_number(round(pair.score, 1))
            print(f"{score:>5}  #{pair.a_id} {pair.a_label}  =  #{pair.b_id} {pair.b_label}{why}")
    return EXIT_OK
