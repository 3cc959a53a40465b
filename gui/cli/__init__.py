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
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from db import i18n
from db.i18n import _, pgettext
from gui.cli import argparse_words, brief, check, demo, init, interchange, safety, search
from gui.cli.common import (
    EXIT_OK,
    EXIT_USER_ERROR,
    CommandModule,
    Parser,
    UserError,
    catalog_target,
    default_catalog_path,
)
from gui.cli.output import VisibleText, os_error_sentence, quiet_broken_pipe

__all__ = ["COMMAND_MODULES", "build_parser", "default_catalog_path", "parse", "run"]

#: Every command group, in the order ``liaison --help`` lists them.
COMMAND_MODULES: tuple[CommandModule, ...] = (init, search, check, demo, brief, safety,
                                               interchange)


def build_parser() -> argparse.ArgumentParser:
    argparse_words.install()  # usage:, options:, its errors: in the current language
    parser = Parser(
        prog="liaison",
        description=_("Liaison: a catalog of delegations, officials, organisations, city "
                      "pairings and events. Without a command, opens the app."),
    )
    parser.add_argument("--language", choices=i18n.LANGUAGES, dest="ui_language",
                        help=_("language of messages, help and the app (default: from "
                               "LANGUAGE/LANG, or the app's preference)"))
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--catalog", metavar=pgettext("metavar", "PATH"),
                       help=_("catalog file (default: the catalog in your user data folder)"))
    where.add_argument("--database-url", metavar="URL", help=_("shared database server URL"))
    commands = parser.add_subparsers(dest="command", metavar=pgettext("metavar", "COMMAND"),
                                     parser_class=Parser,
                                     help=_("what to do (`liaison COMMAND --help` tells more)"))
    for module in COMMAND_MODULES:
        module.add_parser(commands)
    return parser


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line, read in the language it asks for (help and errors included)."""
    words = list(sys.argv[1:] if argv is None else argv)
    i18n.set_language(_language_asked(words))
    return build_parser().parse_args(words)


def _language_asked(words: Sequence[str]) -> str | None:
    """``--language vi`` / ``--language=vi`` before the parser exists (its help is in it)."""
    for index, word in enumerate(words):
        if word == "--language" and index + 1 < len(words):
            return words[index + 1]
        if word.startswith("--language="):
            return word.partition("=")[2]
    return None


LOCAL_ZONE_FILE = "/etc/localtime"


def name_local_time_zone() -> None:
    """Say where the local time zone is (``TZ=:/etc/localtime``) when nothing says it.

    That file is what the C library reads when ``TZ`` is unset, so no time changes.
    Babel, which sheets and reports load to write dates, looks the zone up at import;
    with pytz installed (dateparser and vobject need it), an unnamed zone costs it a
    scan of pytz's six hundred zone files, a twentieth of a whole ``liaison brief``
    (issue 16). Linux only, where glibc reads a ``:path`` ``TZ`` as that file.
    """
    if (sys.platform.startswith("linux") and "TZ" not in os.environ
            and os.path.exists(LOCAL_ZONE_FILE)):
        os.environ["TZ"] = ":" + LOCAL_ZONE_FILE


def run(args: argparse.Namespace) -> int:
    """Run a headless command, turning every user-facing error into one line."""
    name_local_time_zone()
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleText(stdout), VisibleText(stderr)
    try:
        result: int = args.handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not in Python's exit
        return result
    except BrokenPipeError:
        quiet_broken_pipe()
        return EXIT_OK
    except UserError as exc:
        sys.stderr.write(f"liaison: {exc}\n")
    except OSError as exc:
        sys.stderr.write(f"liaison: {os_error_sentence(exc)}\n")
    except KeyboardInterrupt:
        sys.stderr.write("liaison: " + _("interrupted") + "\n")
    except Exception as exc:
        line = _store_error(args, exc)
        if line is None:
            raise
        sys.stderr.write(f"liaison: {line}\n")
    finally:
        sys.stdout, sys.stderr = stdout, stderr
    return EXIT_USER_ERROR


def _store_error(args: argparse.Namespace, error: Exception) -> str | None:
    """The one line for an error the store raised for the user, or None for a bug.

    The store's error classes are imported here, once an error happened, and not
    before every command: ``liaison search`` never loads SQLAlchemy at all (see
    :mod:`db.quick_search`), and an error of a class never loaded cannot occur.
    """
    from sqlalchemy.exc import DatabaseError  # deliberately deferred: see above

    from db.catalog import CatalogError
    from db.ops import OperationError

    if isinstance(error, CatalogError | OperationError):
        return str(error)
    if isinstance(error, DatabaseError):
        return _unreadable(args, error)
    return None


def _unreadable(args: argparse.Namespace, error: Exception) -> str:
    """A read failed: reading commands skip the whole-file check, so run it now, and a
    damaged file gets what opening it would have done (set aside, backup named)."""
    from db.catalog import CatalogError, judge_damage

    target = catalog_target(args)
    if "://" not in target and Path(target).exists():
        try:  # judged without opening it for writing: "not changed" stays true
            judge_damage(Path(target).expanduser())
        except CatalogError as damaged:
            return str(damaged)
    reason = str(getattr(error, "orig", None) or error).splitlines()[0]
    return _("the catalog could not be read ({reason}); run `liaison check` for a "
             "report").format(reason=reason)
