"""Headless commands: ``liaison init | search | check | demo | brief | backup | restore``.

Nothing here imports Qt: batch jobs and scripts run on servers without a
display, and start fast. Heavy modules (SQLModel, Alembic) load inside each
command. A user error is one line on stderr and exit status 2, never a
traceback.

Adding a command: write a module in this package with ``add_parser(commands)``,
which adds its subparser(s) and sets ``handler=`` with ``set_defaults``, then list
the module in :data:`COMMAND_MODULES`. Command modules import only
:mod:`gui.cli.common`, never this package.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from gui.cli import brief, check, demo, init, interchange, safety, search
from gui.cli.common import (
    EXIT_USER_ERROR,
    CommandModule,
    Parser,
    UserError,
    catalog_target,
    default_catalog_path,
)

__all__ = ["COMMAND_MODULES", "build_parser", "default_catalog_path", "parse", "run"]

#: Every command group, in the order ``liaison --help`` lists them.
COMMAND_MODULES: tuple[CommandModule, ...] = (init, search, check, demo, brief, safety,
                                               interchange)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="liaison",
        description="Liaison: a catalog of delegations, officials, organisations, city "
        "pairings and events. Without a command, opens the app.",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--catalog", metavar="PATH",
                       help="catalog file (default: the catalog in your user data folder)")
    where.add_argument("--database-url", metavar="URL", help="shared database server URL")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in COMMAND_MODULES:
        module.add_parser(commands)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """Run a headless command, turning every user-facing error into one line."""
    from sqlalchemy.exc import DatabaseError

    from db.catalog import CatalogError
    from db.ops import OperationError

    try:
        result: int = args.handler(args)
        return result
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
