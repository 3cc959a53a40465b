"""``liaison check [--repair]``: the integrity report; never changes anything unless
``--repair`` is given, and then only the search index."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from db.i18n import _, format_number, ngettext
from gui.cli.common import EXIT_OK, UserError, add_target_arguments, catalog_target

if TYPE_CHECKING:
    from gui.cli.common import Subparsers


def add_parser(commands: Subparsers) -> None:
    about = _("integrity report (never modifies the file)")
    check = commands.add_parser("check", help=about, description=about)
    add_target_arguments(check)
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
        print(_rebuilt(count))
        report = check_file(path)
    for fact in report.facts:
        print(f"{path.name}: {fact}")
    if not report.ok:
        raise UserError(f"{path}: " + "; ".join(report.problems))
    print(_("{catalog}: clean").format(catalog=path.name))
    return EXIT_OK


def _check_server(args: argparse.Namespace, url: str) -> int:
    from db.server_health import check_server, repair_server

    report = check_server(url)
    if args.repair and report.repairable:
        print(_rebuilt(repair_server(url)))
        report = check_server(url)
    for fact in report.facts:
        print(f"{report.target}: {fact}")
    if not report.ok:
        raise UserError(f"{report.target}: " + "; ".join(report.problems))
    print(_("{catalog}: clean").format(catalog=report.target))
    return EXIT_OK


def _rebuilt(records: int) -> str:
    return ngettext("Rebuilt the search index ({count} record).",
                    "Rebuilt the search index ({count} records).", records).format(
        count=format_number(records))
