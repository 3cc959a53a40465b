"""What every headless command shares: exit codes, the user-error type, the parser
class, and how a command finds (or creates) its catalog.

Command modules import from here and never from the package (:mod:`gui.cli`), which
imports them: data flows one way, parser → commands → common.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

from db.i18n import _, pgettext
from gui.paths import default_catalog_path

if TYPE_CHECKING:
    from db.catalog import Catalog

    Subparsers = argparse._SubParsersAction[Any]

EXIT_OK = 0
EXIT_USER_ERROR = 2


class CommandModule(Protocol):
    """A module of commands: adds its subparser(s), each with ``set_defaults(handler=...)``
    naming the function that runs it (``handler(args) -> exit status``)."""

    def add_parser(self, commands: Subparsers) -> None: ...


class UserError(Exception):
    """Bad input or an unusable file: reported on one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse, but its errors are one line like every other user error."""

    def error(self, message: str) -> NoReturn:
        sys.stderr.write("liaison: " + _("{message} (see `liaison --help`)").format(
            message=message) + "\n")
        raise SystemExit(EXIT_USER_ERROR)


def add_target_arguments(parser: argparse.ArgumentParser) -> None:
    """``--catalog`` / ``--database-url`` after a command, as users naturally type them."""
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--catalog", metavar=pgettext("metavar", "PATH"), dest="sub_catalog",
                       help=_("catalog file (default: the catalog in your user data folder)"))
    where.add_argument("--database-url", metavar="URL", dest="sub_database_url",
                       help=_("shared database server URL"))


def positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1, with a one-line error otherwise."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{text!r} is not a whole number").format(text=text)) from None
    if value < 1:
        raise argparse.ArgumentTypeError(_("{value} is not a positive number").format(value=value))
    return value


def check_output_file(path: Path, is_folder: str) -> None:
    """Refuse, before any work, a file that cannot be written: *is_folder* is the sentence
    for a folder given where a file was meant (it names the kind of file)."""
    if path.is_dir():
        raise UserError(is_folder)
    folder = path.parent
    if not folder.exists():
        raise UserError(_("Cannot write {path}: the folder {folder} does not exist.").format(
            path=path, folder=folder))
    if not folder.is_dir():
        raise UserError(_("Cannot write {path}: {folder} is not a folder.").format(
            path=path, folder=folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(_("Cannot write {path}: permission denied.").format(path=path))


def catalog_target(args: argparse.Namespace) -> str:
    """The catalog a command works on: its own --catalog, the global one, or the default."""
    named = (getattr(args, "sub_catalog", None) or getattr(args, "sub_database_url", None)
             or args.catalog or args.database_url)
    return named or str(default_catalog_path())


def open_or_create_default(target: str, *, reading: bool = False) -> Catalog:
    """Open the catalog; the default one is created from the sample on first use.

    *reading* commands (search, briefings) skip the whole-file damage check and the
    daily backup: they write nothing, and with them a query on 100,000 people would
    cost what checking and copying the file costs. A damaged file still fails with a
    one-line message (see :func:`gui.cli.run`).
    """
    from db.catalog import FileState, create_catalog, inspect_file, network_warning, open_catalog

    default = default_catalog_path()
    if Path(target) == default and not default.exists():
        default.parent.mkdir(parents=True, exist_ok=True)
        return create_catalog(default, sample=True)
    # Reading commands never write: a read-only connection cannot fold a -wal into the file
    # (not even a stranger's left beside it). Only an older catalog must be upgraded first.
    read_only = reading and "://" not in target and (
        inspect_file(Path(target).expanduser()).state is not FileState.OLDER)
    catalog = open_catalog(target, verify=not reading, daily_backup=not reading,
                           read_only=read_only)
    if catalog.path is not None and catalog.network_fs:
        print(f"liaison: {network_warning(catalog.path, catalog.network_fs)}", file=sys.stderr)
    return catalog
