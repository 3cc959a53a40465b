"""``liaison check [--repair]``: the integrity report; never changes anything unless
``--repair`` is given, and then only the search index."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from db.i18n import _
from gui.cli.common import EXIT_OK, UserError, catalog_target

if TYPE_CHECKING:
    from gui.cli.common import Subparsers


def add_parser(commands: Subparsers) -> None:
    check = commands.add_parser("check", help=_("integrity report (never modifies the file)"))
    where = check.add_mutually_exclusive_group()
    where.add_argument("--catalog", metavar="PATH", dest="sub_catalog")
    where.add_argument("--database-url", metavar="URL", dest="sub_database_url")
    check.add_argument("--repair", action="store_true", help=_("rebuild the search index"))
    check.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    from db.health import check_file, repair

    target = catalog_target(args)
    if "://" in target and not target.startswith("sqlite:///"):
        return _check_server(args, target)
    target = target.removeprefix("sqlite:///")
    path = Path(target)
    report = check_file(path)
    if args.repair and report.repairable:
        count = repair(path)
        print(f"Rebuilt the search index ({count} records).")
        report = check_file(path)
    for fact in report.facts:
        print(f"{path.name}: {fact}")
    if not report.ok:
        raise UserError(f"{path}: " + "; ".join(report.problems))
    print(f"{path.name}: clean")
    return EXIT_OK


def _check_server(args: argparse.Namespace, url: str) -> int:
    from db.server_health import check_server, repair_server

    report = check_server(url)
    if args.repair and report.repairable:
        print(f"Rebuilt the search index ({repair_server(url)} records).")
        report = check_server(url)
    for fact in report.facts:
        print(f"{report.target}: {fact}")
    if not report.ok:
        raise UserError(f"{report.target}: " + "; ".join(report.problems))
    print(f"{report.target}: clean")
    return EXIT_OK
