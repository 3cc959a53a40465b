"""``liaison search QUERY [--kind KIND] [--limit N] [--json]``: accent-blind search."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from db.i18n import _, pgettext
from db.kinds import RecordKind
from db.vocabulary import noun
from gui.cli.common import (
    EXIT_OK,
    add_target_arguments,
    catalog_target,
    open_or_create_default,
    positive_int,
)

if TYPE_CHECKING:
    from db.search_query import Hit
    from gui.cli.common import Subparsers


class _SearchKindNames(Sequence[str]):
    """The kinds the search index holds, as the store's registry names them.

    Read on first use (``--kind`` or ``--help``), so building the parser does not
    load the store.
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
    about = _("search the catalog, ignoring accents")
    find = commands.add_parser("search", help=about, description=about)
    find.add_argument("query", metavar=pgettext("metavar", "QUERY"),
                      help=_("the words to look for (accents and case do not matter)"))
    # A metavar, so argparse does not list the choices when the option is added (Python
    # 3.11 formats it then): the kinds are read from the registry only for --help or a
    # --kind given, and the help lists them (%(choices)s).
    find.add_argument("--kind", choices=SEARCH_KIND_NAMES, action="append",
                      metavar=pgettext("metavar", "KIND"),
                      help=_("only this kind of record (repeatable)") + ": %(choices)s")
    find.add_argument("--limit", type=positive_int, default=20, metavar="N",
                      help=_("show at most N records (default: 20)"))
    find.add_argument("--json", action="store_true", help=_("print JSON"))
    add_target_arguments(find)
    find.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    hits = _search(args)
    if args.json:
        print(json.dumps([{"kind": h.kind, "id": h.id, "title": h.title,
                           "subtitle": h.subtitle} for h in hits], ensure_ascii=False, indent=2))
    elif not hits:
        print(_("No records match “{query}”.").format(query=args.query), file=sys.stderr)
    else:
        kinds = {h.kind: _kind_word(h.kind) for h in hits}
        width = max(len(word) for word in kinds.values())
        for h in hits:
            extra = f" — {h.subtitle}" if h.subtitle else ""
            print(f"{kinds[h.kind]:<{width}}  {h.id:>6}  {h.title}{extra}")
    return EXIT_OK


def _kind_word(kind: str) -> str:
    """The kind as the reader calls it (``person`` / ``người``); ``--json`` keeps the code."""
    try:
        return noun(RecordKind(kind))
    except (KeyError, ValueError):
        return kind


def _search(args: argparse.Namespace) -> list[Hit]:
    """The hits, read with :mod:`sqlite3` alone when the catalog is a plain local file.

    The store (SQLAlchemy, the table classes, the catalog lifecycle) loads only when
    the thin path declines: a database server, a catalog to create, upgrade or set
    aside, a network drive, an SQLite error (see :mod:`db.quick_search`). Both run
    the same query code, so the output is the same. ``--kind`` needs the registry's
    index codes, so it loads the kind registry (validating the kind already did).
    """
    # Deliberately deferred: every command (and the app) builds this parser, and only a
    # search needs the query code.
    from db import quick_search

    target = catalog_target(args)
    codes: list[int] = []
    if args.kind:
        from db.search import kind_codes  # deliberately deferred: the registry is heavy

        codes = kind_codes(args.kind)
    if "://" not in target:  # a missing default catalog is declined: the store creates it
        hits = quick_search.search_file(Path(target).expanduser(), args.query,
                                        kind_codes=codes, limit=args.limit)
        if hits is not None:
            return hits
    from db import search  # deliberately deferred: only when the thin path declined

    catalog = open_or_create_default(target, reading=True)
    with catalog, catalog.read_session() as session:
        return search.search(session, args.query, kinds=args.kind or (), limit=args.limit)
