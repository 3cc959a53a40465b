"""``liaison init PATH [--empty]``: a new catalog, with the sample data unless --empty."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from gui.cli.common import EXIT_OK

if TYPE_CHECKING:
    from gui.cli.common import Subparsers


def add_parser(commands: Subparsers) -> None:
    init = commands.add_parser("init", help="make a new catalog (with the sample data)")
    init.add_argument("path", metavar="PATH")
    init.add_argument("--empty", action="store_true", help="without the sample data")
    init.set_defaults(handler=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    from db import registry
    from db.catalog import create_catalog

    path = Path(args.path)
    with create_catalog(path, sample=not args.empty) as catalog, \
            catalog.read_session() as session:
        counts = registry.counts(session)
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
    print(f"Created {path}" + (f" with {summary}" if summary else " (empty)"))
    return EXIT_OK
