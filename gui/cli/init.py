"""``liaison init (PATH | --database-url URL) [--empty]``: a new catalog, with the sample data
unless --empty; on a server, in an empty database the server's owner has made."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from db.i18n import _, format_list, pgettext
from db.vocabulary import count
from gui.cli.common import EXIT_OK, UserError

if TYPE_CHECKING:
    from gui.cli.common import Subparsers


def add_parser(commands: Subparsers) -> None:
    about = _("make a new catalog (with the sample data)")
    init = commands.add_parser("init", help=about, description=about)
    init.add_argument("path", metavar=pgettext("metavar", "PATH"), nargs="?",
                      help=_("the new catalog file (it must not exist yet)"))
    init.add_argument("--database-url", metavar="URL", dest="sub_database_url",
                      help=_("make it in this (empty) database on the office server"))
    init.add_argument("--empty", action="store_true", help=_("without the sample data"))
    init.set_defaults(handler=cmd_init)


def cmd_init(args: argparse.Namespace) -> int:
    from db import registry
    from db.catalog import create_catalog

    target = args.path or args.sub_database_url or args.database_url
    if not target:
        raise UserError(_("name the new catalog: liaison init PATH, or liaison init "
                          "--database-url URL for the office server"))
    if args.path and (args.sub_database_url or args.database_url):
        raise UserError(_("give a PATH or a --database-url, not both"))
    with create_catalog(target, sample=not args.empty) as catalog, \
            catalog.read_session() as session:
        counts = registry.counts(session)
    summary = format_list([count(registry.REGISTRY.kind(kind), n)
                           for kind, n in counts.items() if n])
    where = catalog.name if catalog.path is None else str(Path(target))
    print(_("Created {where} with {records}").format(where=where, records=summary) if summary
          else _("Created {where} (empty)").format(where=where))
    return EXIT_OK
