"""``liaison backup`` and ``liaison restore``. Headless: no Qt.

::

    liaison backup [--catalog PATH]            take a verified backup now
    liaison backup --list [--catalog PATH]     the backups kept, newest first
    liaison restore BACKUP [--catalog PATH] [--yes]

A restore first keeps the current catalog as a backup, so it can itself be
undone with another restore.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from db.i18n import _, format_datetime, format_list, pgettext
from db.kinds import RecordKind
from db.vocabulary import count
from gui.cli.common import UserError, add_target_arguments, catalog_target

if TYPE_CHECKING:
    from db.backup import BackupInfo
    from gui.cli.common import Subparsers

#: The record counts a backup's summary gives, by the table that holds them.
COUNTED = (("person", RecordKind.PERSON), ("organisation", RecordKind.ORGANISATION),
           ("delegation", RecordKind.DELEGATION), ("event", RecordKind.EVENT))

#: What a yes is, typed at the restore question, in either language.
YES = frozenset({"y", "yes", "c", "có", "co"})


def add_parser(commands: Subparsers) -> None:
    """Add ``backup`` and ``restore`` to the parser."""
    about = _("take a verified backup now, or list backups")
    backup = commands.add_parser("backup", help=about, description=about)
    backup.add_argument("--list", action="store_true", help=_("list the backups kept"))
    backup.add_argument("--reason", default="manual", metavar=pgettext("metavar", "WORD"),
                        help=_("word saved in the backup's name (default: manual)"))
    add_target_arguments(backup)
    backup.set_defaults(handler=cmd_backup)

    about = _("replace the catalog with a backup (the current one is kept)")
    restore = commands.add_parser("restore", help=about, description=about)
    restore.add_argument("backup", metavar=pgettext("metavar", "BACKUP"),
                         help=_("backup file (a path, or a name listed by "
                                "`liaison backup --list`)"))
    restore.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    add_target_arguments(restore)
    restore.set_defaults(handler=cmd_restore)


def summary(info: BackupInfo) -> str:
    """``18 people, 43 organisations, 4 delegations and 10 events``, in the language."""
    parts = [count(kind, info.counts[table]) for table, kind in COUNTED if table in info.counts]
    return format_list(parts) if parts else _("no records counted")


def warn_if_network(path: Path, stream: TextIO | None = None) -> bool:
    """Print the network-drive warning for *path* on stderr; True if it was printed."""
    from db.catalog import network_filesystem, network_warning

    fstype = network_filesystem(path)
    if fstype is None:
        return False
    print(f"liaison: {network_warning(path, fstype)}", file=stream or sys.stderr)
    return True


def _file_target(args: argparse.Namespace, action: str) -> Path:
    target = catalog_target(args)
    if "://" in target:
        raise UserError(_("`liaison {command}` works on catalog files; a shared office "
                          "database is backed up by its server (pg_dump, by whoever runs it); "
                          "for a portable copy: liaison export json -o FILE --database-url "
                          "URL").format(command=action))
    return Path(target).expanduser()


def cmd_backup(args: argparse.Namespace) -> int:
    from db import backup

    path = _file_target(args, "backup")
    warn_if_network(path)
    if args.list:
        return _print_list(path)
    info = backup.backup_now(path, args.reason)
    print(_("Backed up {catalog} to {backup} (verified; {records}).").format(
        catalog=path.name, backup=info.path, records=summary(info)))
    return 0


def _print_list(path: Path) -> int:
    from db import backup
    from db.catalog import backup_dir

    found = backup.list_backups(path)
    if not found:
        print(_("No backups of {catalog} in {folder}.").format(
            catalog=path.name, folder=backup_dir(path)), file=sys.stderr)
        return 0
    print(_("Backups of {catalog} in {folder}, newest first:").format(
        catalog=path.name, folder=backup_dir(path)))
    reasons = [info.label for info in found]  # in words, in the language (the store's)
    width = max(len(reason) for reason in reasons)
    for info, reason in zip(found, reasons, strict=True):
        print(f"  {format_datetime(info.taken_at)}  {reason:<{width}}  {summary(info)}  "
              f"{info.path.name}")
    return 0


def _resolve_backup(text: str, catalog: Path) -> Path:
    from db.catalog import backup_dir
    given = Path(text).expanduser()
    if given.is_file():
        return given
    listed = backup_dir(catalog) / text
    if listed.is_file():
        return listed
    raise UserError(_("there is no backup {name!r} (see `liaison backup --list`)").format(
        name=text))


def _confirmed(catalog: Path, info: BackupInfo) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(_("Replace {catalog} with the backup from {taken} ({records})? The current "
                     "catalog is kept as a backup. [y/N] ").format(
        catalog=catalog, taken=format_datetime(info.taken_at), records=summary(info)))
    return answer.strip().lower() in YES


def cmd_restore(args: argparse.Namespace) -> int:
    from db import backup
    path = _file_target(args, "restore")
    chosen = _resolve_backup(args.backup, path)
    info = backup.backup_info(chosen)
    if not args.yes and not _confirmed(path, info):
        raise UserError(_("not restored: confirm with --yes to replace {catalog} with "
                          "{backup}").format(catalog=path.name, backup=chosen.name))
    warn_if_network(path)
    result = backup.restore(path, chosen)
    print(_("Restored {catalog} from {backup} ({records}).").format(
        catalog=path, backup=chosen.name, records=summary(info)))
    if result.previous is not None:
        print((_("The previous catalog was damaged; it was moved aside as {file}.")
               if result.previous_was_damaged else
               _("The previous catalog was kept as {file}.")).format(file=result.previous))
    return 0
