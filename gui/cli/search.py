"""``liaison search QUERY [--kind KIND] [--limit N] [--json]``: accent-blind search."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from db.i18n import _
from gui.cli.common import (
    EXIT_OK,
    add_target_arguments,
    catalog_target,
    open_or_create_default,
    positive_int,
)

if TYPE_CHECKING:
    from gui.cli.common import Subparsers



class _SearchKindNames(Sequence[str]):
    """The kinds the search index holds, as the store's registry names them.

    Read on first use (a bad ``--kind`` or ``--help``), so building the parser does
    not load the store.
    """

    def _names(self) -> tuple[str, ...]:
        from db.search import SEARCH_KINDS

        return tuple(kind.value for kind in SEARCH_KINDS)

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        return self._names()[index]

    def __len__(self) -> int:
        return len(self._names())

    def __contains__(self, value: object) -> bool:
        return value in self._names()


SEARCH_KIND_NAMES = _SearchKindNames()


def add_parser(commands: Subparsers) -> None:
    find = commands.add_parser("search", help=_("search the catalog, ignoring accents"))
    find.add_argument("query", metavar="QUERY")
    find.add_argument("--kind", choices=SEARCH_KIND_NAMES, action="append",
                      help=_("only this kind of record (repeatable)"))
    find.add_argument("--limit", type=positive_int, default=20, metavar="N")
    find.add_argument("--json", action="store_true", help=_("print JSON"))
    add_target_arguments(find)
    find.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    from db import search

    catalog = open_or_create_default(catalog_target(args), reading=True)
    with catalog, catalog.read_session() as session:
        hits = search.search(session, args.query, kinds=args.kind or (), limit=args.limit)
    if args.json:
        print(json.dumps([{"kind": h.kind, "id": h.id, "title": h.title,
                           "subtitle": h.subtitle} for h in hits], ensure_ascii=False, indent=2))
    elif not hits:
        print(_("No records match “{query}”.").format(query=args.query), file=sys.stderr)
    else:
        width = max(len(h.kind) for h in hits)
        for h in hits:
            extra = f" — {h.subtitle}" if h.subtitle else ""
            print(f"{h.kind:<{width}}  {h.id:>6}  {h.title}{extra}")
    return EXIT_OK
