"""Headless commands: ``liaison init | search | check | demo``.

Nothing here imports Qt: batch jobs and scripts run on servers without a
display, and start fast. Heavy modules (SQLModel, Alembic) load inside each
command. A user error is one line on stderr and exit status 2, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[Any]

Command = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_USER_ERROR = 2
SEARCH_KIND_NAMES = ("person", "organisation", "city", "programme", "pairing", "delegation",
                     "engagement", "event")


class CommandModule(Protocol):
    def add_commands(self, commands: Subparsers) -> dict[str, Command]: ...


class UserError(Exception):
    """Bad input or an unusable file: reported on one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, but its errors are one line like every other user error."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"liaison: {message} (see `liaison --help`)\n")
        raise SystemExit(EXIT_USER_ERROR)


def default_catalog_path() -> Path:
    """Where the catalog lives when none is named: the platform's user data folder."""
    from platformdirs import user_data_path

    return user_data_path("Liaison", appauthor=False) / "catalog.liaison"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="liaison",
        description="Liaison: a catalog of delegations, officials, organisations, city "
        "pairings and events. Without a command, opens the app.",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--catalog", metavar="PATH",
                       help="catalog file (default: the catalog in your user data folder)")
    where.add_argument("--database-url", metavar="URL", help="shared database server URL")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    init = commands.add_parser("init", help="make a new catalog (with the sample data)")
    init.add_argument("path", metavar="PATH")
    init.add_argument("--empty", action="store_true", help="without the sample data")

    find = commands.add_parser("search", help="search the catalog, ignoring accents")
    find.add_argument("query", metavar="QUERY")
    find.add_argument("--kind", choices=SEARCH_KIND_NAMES, action="append",
                      help="only this kind of record (repeatable)")
    find.add_argument("--limit", type=_positive_int, default=20, metavar="N")
    find.add_argument("--json", action="store_true", help="print JSON")
    add_target_arguments(find)

    check = commands.add_parser("check", help="integrity report (never modifies the file)")
    check.add_argument("--catalog", metavar="PATH", dest="sub_catalog")
    check.add_argument("--repair", action="store_true", help="rebuild the search index")

    demo = commands.add_parser("demo", help="make a large generated catalog")
    demo.add_argument("path", metavar="PATH")
    demo.add_argument("--people", type=_positive_int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=2017)
    for module in _command_modules():
        COMMANDS.update(module.add_commands(commands))
    return parser


def _command_modules() -> list[CommandModule]:
    """Command groups kept in their own modules (briefings, backups), all headless."""
    from gui import cli_brief, cli_safety

    return [cli_brief, cli_safety]


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    """``--catalog`` / ``--database-url`` after a command, as users naturally type them."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--catalog", metavar="PATH", dest="sub_catalog")
    where.add_argument("--database-url", metavar="URL", dest="sub_database_url")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value


def catalog_target(args: argparse.Namespace) -> str:
    """The catalog a command works on: its own --catalog, the global one, or the default."""
    named = (getattr(args, "sub_catalog", None) or getattr(args, "sub_database_url", None)
             or args.catalog or args.database_url)
    return named or str(default_catalog_path())


# ---------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    from db.catalog import create_catalog

    path = Path(args.path)
    with create_catalog(path, sample=not args.empty) as catalog:
        from db import reads

        with catalog.read_session() as session:
            counts = reads.counts(session)
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
    print(f"Created {path}" + (f" with {summary}" if summary else " (empty)"))
    return EXIT_OK


def open_or_create_default(target: str, *, reading: bool = False) -> object:
    """Open the catalog; the default one is created from the sample on first use.

    *reading* commands (search, briefings) skip the whole-file damage check and the
    daily backup: they write nothing, and with them a query on 100,000 people would
    cost what checking and copying the file costs. A damaged file still fails with a
    one-line message (see :func:`run`).
    """
    from db.catalog import create_catalog, open_catalog

    default = default_catalog_path()
    if Path(target) == default and not default.exists():
        default.parent.mkdir(parents=True, exist_ok=True)
        return create_catalog(default, sample=True)
    catalog = open_catalog(target, verify=not reading, daily_backup=not reading)
    if catalog.path is not None and catalog.network_fs:
        from db.catalog import network_warning

        print(f"liaison: {network_warning(catalog.path, catalog.network_fs)}", file=sys.stderr)
    return catalog


def cmd_search(args: argparse.Namespace) -> int:
    from db import search
    from db.catalog import Catalog

    catalog = open_or_create_default(catalog_target(args), reading=True)
    assert isinstance(catalog, Catalog)
    with catalog, catalog.read_session() as session:
        hits = search.search(session, args.query, kinds=args.kind or (), limit=args.limit)
    if args.json:
        print(json.dumps([{"kind": h.kind, "id": h.id, "title": h.title,
                           "subtitle": h.subtitle} for h in hits], ensure_ascii=False, indent=2))
    elif not hits:
        print(f"No records match {args.query!r}.", file=sys.stderr)
    else:
        width = max(len(h.kind) for h in hits)
        for h in hits:
            extra = f" — {h.subtitle}" if h.subtitle else ""
            print(f"{h.kind:<{width}}  {h.id:>6}  {h.title}{extra}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from db.health import check_file, repair

    target = catalog_target(args)
    if "://" in target:
        raise UserError("check works on catalog files; name one with --catalog PATH")
    path = Path(target)
    report = check_file(path)
    if args.repair and report.ok is False and all(p.startswith("search index")
                                                  for p in report.problems):
        count = repair(path)
        print(f"Rebuilt the search index ({count} records).")
        report = check_file(path)
    for fact in report.facts:
        print(f"{path.name}: {fact}")
    if not report.ok:
        raise UserError(f"{path}: " + "; ".join(report.problems))
    print(f"{path.name}: clean")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from db import synthetic
    from db.catalog import create_catalog

    path = Path(args.path)
    if path.exists():
        raise UserError(f"{path} already exists; choose another name")
    partial = path.with_name(f".{path.name}.partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    started = time.perf_counter()
    try:
        with create_catalog(partial, sample=False) as catalog:
            figures = synthetic.generate(
                catalog, people=args.people, seed=args.seed,
                progress=lambda message: print(f"  {message}", file=sys.stderr))
        os.replace(partial, path)
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            leftover.unlink(missing_ok=True)
    elapsed = time.perf_counter() - started
    print(f"Created {path}: {figures['people']} people, {figures['organisations']} "
          f"organisations, {figures['delegations']} delegations, {figures['events']} events "
          f"in {elapsed:.1f} s")
    return EXIT_OK


COMMANDS: dict[str, Command] = {
    "init": cmd_init,
    "search": cmd_search,
    "check": cmd_check,
    "demo": cmd_demo,
}


def run(args: argparse.Namespace) -> int:
    """Run a headless command, turning every user-facing error into one line."""
    from sqlalchemy.exc import DatabaseError

    from db.catalog import CatalogError
    from db.ops import OperationError

    try:
        return COMMANDS[args.command](args)
    except (UserError, CatalogError, OperationError) as exc:
        sys.stderr.write(f"liaison: {exc}\n")
    except DatabaseError as exc:
        sys.stderr.write(f"liaison: {_unreadable(args, exc)}\n")
    except OSError as exc:
        sys.stderr.write(f"liaison: {exc.strerror or exc}"
                         + (f": {exc.filename}" if exc.filename else "") + "\n")
    except KeyboardInterrupt:
        sys.stderr.write("liaison: interrupted\n")
    return EXIT_USER_ERROR


def _unreadable(args: argparse.Namespace, error: Exception) -> str:
    """A read failed: reading commands skip the whole-file check, so run it now, and a
    damaged file gets what opening it would have done (set aside, backup named)."""
    from db.catalog import CatalogError, open_catalog

    target = catalog_target(args)
    if "://" not in target and Path(target).exists():
        try:
            open_catalog(target, daily_backup=False).close()
        except CatalogError as damaged:
            return str(damaged)
    reason = str(getattr(error, "orig", None) or error).splitlines()[0]
    return f"the catalog could not be read ({reason}); run `liaison check` for a report"


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
