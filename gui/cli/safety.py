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

from db.i18n import _
from gui.cli.common import UserError, add_target_arguments, catalog_target

if TYPE_CHECKING:
    from db.backup import BackupInfo
    from gui.cli.common import Subparsers

COUNT_WORDS = (("person", "people", "person"), ("organisation", "organisations", "organisation"),
               ("delegation", "delegations", "delegation"), ("event", "events", "event"))


def add_parser(commands: Subparsers) -> None:
    """Add ``backup`` and ``restore`` to the parser."""
    backup = commands.add_parser("backup", help=_("take a verified backup now, or list backups"))
    backup.add_argument("--list", action="store_true", help=_("list the backups kept"))
    backup.add_argument("--reason", default="manual", metavar="WORD",
                        help=_("word saved in the backup's name (default: manual)"))
    add_target_arguments(backup)
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser(
        "restore", help=_("replace the catalog with a backup (the current one is kept)"))
    restore.add_argument("backup", metavar="BACKUP",
                         help=_("backup file (a path, or a name listed by "
                                "`liaison backup --list`)"))
    restore.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    add_target_arguments(restore)
    restore.set_defaults(handler=cmd_restore)


def summary(info: BackupInfo) -> str:
    """``18 people, 43 organisations, 4 delegations, 10 events``."""
    parts = []
    for table, plural, singular in COUNT_WORDS:
        if table in info.counts:
            n = info.counts[table]
            parts.append(f"{n:,} {singular if n == 1 else plural}")
    return ", ".join(parts) or "no records counted"


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
        raise UserError(f"{action} works on catalog files; a shared office database is backed "
                        "up by its server (pg_dump, by whoever runs it); for a portable copy: "
                        "liaison export json -o FILE --database-url URL")
    return Path(target).expanduser()


def cmd_backup(args: argparse.Namespace) -> int:
    from db import backup

    path = _file_target(args, "backup")
    warn_if_network(path)
    if args.list:
        return _print_list(path)
    info = backup.backup_now(path, args.reason)
    print(f"Backed up {path.name} to {info.path} (verified; {summary(info)}).")
    return 0


def _print_list(path: Path) -> int:
    from db import backup
    from db.catalog import backup_dir

    found = backup.list_backups(path)
    if not found:
        print(f"No backups of {path.name} in {backup_dir(path)}.", file=sys.stderr)
        return 0
    print(f"Backups of {path.name} in {backup_dir(path)}, newest first:")
    width = max(len(info.label) for info in found)
    for info in found:
        print(f"  {info.taken_at:%Y-%m-%d %H:%M}  {info.label:<{width}}  {summary(info)}  "
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
    raise UserError(f"there is no backup {text!r} (see `liaison backup --list`)")


def _confirmed(catalog: Path, info: BackupInfo) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(f"Replace {catalog} with the backup from {info.taken_at:%Y-%m-%d %H:%M} "
                   f"({summary(info)})? The current catalog is kept as a backup. [y/N] ")
    return answer.strip().lower() in ("y", "yes")


def cmd_restore(args: argparse.Namespace) -> int:
    from db import backup
    path = _file_target(args, "restore")
    chosen = _resolve_backup(args.backup, path)
    info = backup.backup_info(chosen)
    if not args.yes and not _confirmed(path, info):
        raise UserError(f"not restored: confirm with --yes to replace {path.name} with "
                        f"{chosen.name}")
    warn_if_network(path)
    result = backup.restore(path, chosen)
    print(f"Restored {path} from {chosen.name} ({summary(info)}).")
    if result.previous is not None:
        kept = "damaged file moved aside as" if result.previous_was_damaged else "kept as"
        print(f"The previous catalog was {kept} {result.previous}.")
    return 0
