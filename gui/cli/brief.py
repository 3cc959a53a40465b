"""``liaison brief``: briefing sheets as PDF from the command line. Headless: no Qt.

    liaison brief delegation 1 -o briefing.pdf [--pack] [--paper letter]
    liaison brief person 7 -o bio.pdf --classification "For official use"
    liaison brief delegation --all -o briefings/
    liaison brief delegation 1 -o briefing-vi.pdf --language vi [--counterpart]

Output is checked before any work starts, so a typo in a folder name costs a
one-line message, not a traceback after the catalog was read. Files are written
atomically: a reader never sees half a PDF.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from db.i18n import LANGUAGES, _, format_number, language, ngettext, pgettext
from db.kinds import RecordKind
from db.vocabulary import noun
from gui.cli import week
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
    from db.catalog import Catalog
    from gui.briefing.document import SheetOptions
    from gui.briefing.render import Kind
    from gui.cli.common import Subparsers

SHEET_KINDS = ("delegation", "person", "pairing", "event")
PAPERS = ("a4", "letter")


def _record_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a record id (a whole number)").format(text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(
            _("{value} is not a record id (ids start at 1)").format(value=value))
    return value


def add_parser(commands: Subparsers) -> None:
    """Add ``brief`` to the parser."""
    brief = commands.add_parser(
        "brief", help=_("print a briefing sheet (PDF)"),
        description=_("Print a briefing sheet as PDF: a delegation (with --pack: its sheet, a "
                      "bio sheet per member and the pairing profile), a person's bio sheet, a "
                      "pairing profile or an event sheet."))
    kinds = (*SHEET_KINDS, "week")  # week: the programme of the coming days (gui.cli.week)
    brief.add_argument("kind", choices=kinds, metavar="{" + "|".join(kinds) + "}",
                       help=_("which sheet: a delegation, a person's bio, a pairing profile, "
                              "an event, or the week's programme"))
    brief.add_argument("id", nargs="?", type=_record_id, metavar=pgettext("metavar", "ID"),
                       help=_("the record's number (as `liaison search` shows it)"))
    brief.add_argument("-o", "--output", required=True,
                       metavar=pgettext("metavar", "FILE.pdf"),
                       help=_("the PDF to write (with --all: a folder)"))
    brief.add_argument("--paper", choices=PAPERS, default="a4",
                       help=_("paper size (default a4)"))
    brief.add_argument("--classification", metavar=pgettext("metavar", "TEXT"),
                       help=_('a line printed at the top and bottom of every page, '
                              'e.g. "For official use"'))
    brief.add_argument("--pack", action="store_true",
                       help=_("delegation only: add a bio sheet per member and the pairing "
                              "profile"))
    brief.add_argument("--all", action="store_true",
                       help=_("one PDF per record of KIND into the folder given with -o"))
    brief.add_argument("--language", choices=LANGUAGES, dest="sheet_language",
                       help=_("the language the sheet is printed in (default: the language "
                              "of messages)"))
    brief.add_argument("--counterpart", action="store_true",
                       help=_("the counterpart's copy: programme and participants only, "
                              "without protocol notes, notes on people, items to confirm "
                              "or the office's remarks"))
    brief.add_argument("--from", dest="first", metavar=pgettext("metavar", "DATE"),
                       help=_("week only: the first day (default: this week's Monday)"))
    brief.add_argument("--days", type=positive_int, metavar="N",
                       help=_("week only: how many days (7)"))
    add_target_arguments(brief)
    brief.set_defaults(handler=cmd_brief)


def _check_file_target(path: Path) -> None:
    check_output_file(path, _("Cannot write {path}: it is a folder; name a PDF file.").format(
        path=path))


def _check_folder_target(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise UserError(_("Cannot write into {folder}: it is a file, not a folder.").format(
            folder=folder))
    if not folder.exists() and not folder.parent.is_dir():
        raise UserError(_("Cannot write into {folder}: the folder {parent} does not "
                          "exist.").format(folder=folder, parent=folder.parent))
    parent = folder if folder.exists() else folder.parent
    if not os.access(parent, os.W_OK | os.X_OK):
        raise UserError(_("Cannot write into {folder}: permission denied.").format(
            folder=folder))


def cmd_brief(args: argparse.Namespace) -> int:
    if args.kind == "week":
        _check_file_target(Path(args.output).expanduser())
        return week.cmd_week(args, Path(args.output).expanduser())
    if args.all and args.id is not None:
        raise UserError(_("Give an ID or --all, not both."))
    if not args.all and args.id is None:
        raise UserError(_("Name the {kind} to print by its ID, or use --all.").format(
            kind=noun(RecordKind(args.kind))))
    if args.pack and args.kind != "delegation":
        raise UserError(_("--pack is for delegations only."))
    output = Path(args.output).expanduser()
    if args.all:
        _check_folder_target(output)
    else:
        _check_file_target(output)

    # Loaded only when a sheet is printed: every command's parser imports this module.
    from gui.briefing.document import SheetOptions
    from gui.briefing.render import Kind, write
    from gui.briefing.styles import Paper
    from gui.briefing.text import clean

    kind = Kind.PACK if args.pack else Kind(args.kind)
    options = SheetOptions(paper=Paper(args.paper),
                           classification=clean(args.classification) or None,
                           language=args.sheet_language or language(),
                           counterpart=args.counterpart)
    target = catalog_target(args)
    with _user_errors(output):
        if not args.all and "://" not in target and _write_from_file(
                Path(target).expanduser(), kind, args.id, output, options):
            print(output)
            return EXIT_OK
        catalog = open_or_create_default(target, reading=True)
        with catalog:
            if not args.all:
                write(catalog, kind, args.id, output, options)
                print(output)
                return EXIT_OK
            return _write_all(catalog, kind, output, options)


def _write_from_file(path: Path, kind: Kind, record_id: int, output: Path,
                     options: SheetOptions) -> bool:
    """Print one sheet from the catalog file at *path* over sqlite3 alone (no ORM: a whole
    process then costs near what ReportLab alone does, issue 16); False when the store
    must open the file instead (:mod:`db.catalog.file_reader`), or SQLite failed while
    reading: the store then says what is wrong with the file."""
    from db.catalog.file_reader import open_file_reader
    from gui.briefing.render import write

    reader = open_file_reader(path)
    if reader is None:
        return False
    try:
        with reader:
            write(reader, kind, record_id, output, options)
    except sqlite3.Error:
        return False
    return True


def _write_all(catalog: Catalog, kind: Kind, output: Path, options: SheetOptions) -> int:
    from gui.briefing.render import write_all
    from gui.briefing.text import clean

    output.mkdir(exist_ok=True)
    failures: list[int] = []

    def failed(record_id: int, exc: Exception) -> None:
        failures.append(record_id)
        reason = clean(str(exc)).splitlines()[0][:200] if str(exc) else ""
        print("liaison: " + _("{kind} {id} could not be printed ({error}); going on "
                              "with the others.").format(
            kind=noun(kind.record_kind), id=record_id,
            error=type(exc).__name__ + (": " + reason if reason else "")),
            file=sys.stderr, flush=True)

    written = write_all(catalog, kind, output, options,
                        progress=lambda path: print(path, flush=True), failed=failed)
    if failures:
        total = len(failures) + len(written)
        print("liaison: " + ngettext("{failed} of {total} sheet failed: {ids}",
                                     "{failed} of {total} sheets failed: {ids}",
                                     total).format(
            failed=format_number(len(failures)), total=format_number(total),
            ids=", ".join(map(str, failures))), file=sys.stderr)
        return EXIT_USER_ERROR
    if not written:
        print("liaison: " + _("there is no {kind} in the catalog; nothing was "
                              "written.").format(kind=noun(kind.record_kind)),
              file=sys.stderr)
    return EXIT_OK


@contextlib.contextmanager
def _user_errors(output: Path) -> Iterator[None]:
    """What a sheet cannot be printed for, said as a user error (one line, no traceback)."""
    from gui.briefing.fonts import FontMissingError
    from gui.briefing.render import NotFoundError

    try:
        yield
    except NotFoundError as exc:
        raise UserError(str(exc)) from None
    except FontMissingError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        target = exc.filename or output
        raise UserError(_("Cannot write {path}: {error}.").format(
            path=target, error=exc.strerror or exc)) from None
