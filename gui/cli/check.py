"""``liaison check [--repair]``: the integrity report; never changes anything unless
``--repair`` is given, and then only the search index."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from gui.cli.common import EXIT_OK, UserError, catalog_target

if TYPE_CHECKING:
    from gui.cli.common import Subparsers


def add_parser(commands: Subparsers) -> None:
    check = commands.add_parser("check", help="integrity report (never modifies the file)")
    check.add_argument("--catalog", metavar="PATH", dest="sub_catalog")
    check.add_argument("--repair", action="store_true", help="rebuild the search index")
    check.set_defaults(handler=cmd_check)


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
