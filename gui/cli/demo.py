"""``liaison demo (PATH | --database-url URL) --people N``: a large generated catalog
(benchmarks, load tests); on a server, in an empty database."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from db.i18n import _, format_list, format_number, pgettext
from db.kinds import RecordKind
from db.vocabulary import count
from gui.cli.common import EXIT_OK, UserError, positive_int

if TYPE_CHECKING:
    from gui.cli.common import Subparsers


def add_parser(commands: Subparsers) -> None:
    about = _("make a large generated catalog")
    demo = commands.add_parser(
        "demo", help=about,
        description=_("Make a large catalog of generated records, for trying out and measuring "
                      "Liaison with many people."))
    demo.add_argument("path", metavar=pgettext("metavar", "PATH"), nargs="?",
                      help=_("the new catalog file (it must not exist yet)"))
    demo.add_argument("--database-url", metavar="URL", dest="sub_database_url",
                      help=_("generate it in this (empty) database on a server"))
    demo.add_argument("--people", type=positive_int, required=True, metavar="N",
                      help=_("how many people to generate (other records in proportion)"))
    demo.add_argument("--seed", type=int, default=2017, metavar="N",
                      help=_("the same number gives the same records (default: 2017)"))
    demo.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    from db import synthetic
    from db.catalog import create_catalog, remove_stale_side_files

    url = args.sub_database_url or (None if args.path else args.database_url)
    if url:
        return _demo_on_server(args, url)
    if not args.path:
        raise UserError(_("name the new catalog: liaison demo PATH --people N, or "
                          "--database-url URL"))
    path = Path(args.path)
    if path.exists():
        raise UserError(_("{path} already exists; choose another name").format(path=path))
    partial = path.with_name(f".{path.name}.partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    try:
        with create_catalog(partial, sample=False) as catalog:
            figures = synthetic.generate(
                catalog, people=args.people, seed=args.seed,
                progress=lambda message: print(f"  {message}", file=sys.stderr))
        remove_stale_side_files(path)  # another catalog's -wal must not be replayed into it
        os.replace(partial, path)
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
    elapsed = time.perf_counter() - started
    print(_created(path, figures, elapsed))
    return EXIT_OK


def _demo_on_server(args: argparse.Namespace, url: str) -> int:
    from db import synthetic
    from db.catalog import create_catalog

    started = time.perf_counter()
    with create_catalog(url, sample=False) as catalog:
        figures = synthetic.generate(
            catalog, people=args.people, seed=args.seed,
            progress=lambda message: print(f"  {message}", file=sys.stderr))
        name = catalog.name
    elapsed = time.perf_counter() - started
    print(_created(name, figures, elapsed))
    return EXIT_OK


_FIGURES = (("people", RecordKind.PERSON), ("organisations", RecordKind.ORGANISATION),
            ("delegations", RecordKind.DELEGATION), ("events", RecordKind.EVENT))


def _created(where: object, figures: dict[str, int], elapsed: float) -> str:
    """``Created demo.liaison: 500 people, … and 10 events in 1.2 s`` in the language."""
    records = format_list([count(kind, figures[key]) for key, kind in _FIGURES])
    return _("Created {where}: {records} in {seconds} s").format(
        where=where, records=records, seconds=format_number(round(elapsed, 1)))
