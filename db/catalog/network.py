"""Which catalogs live on a network drive, where SQLite's locking cannot be trusted."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path, PureWindowsPath

from db.i18n import N_
from db.said import say

NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ncpfs", "coda", "ceph",
    "glusterfs", "lustre", "gpfs", "davfs", "webdav", "afpfs", "9p-network", "sshfs",
    "fuse.sshfs", "fuse.glusterfs", "fuse.ceph", "fuse.davfs2", "fuse.rclone", "fuse.s3fs",
    "fuse.gcsfuse", "fuse.smbnetfs", "fuse.curlftpfs", "fuse.afpfs", "nfsd",
})


def _unescape_mount_field(field_text: str) -> str:
    """``/proc/mounts`` writes spaces and tabs in paths as ``\\040`` and ``\\011``."""
    out, i = [], 0
    while i < len(field_text):
        chunk = field_text[i:i + 4]
        if len(chunk) == 4 and chunk[0] == "\\" and chunk[1:].isdigit():
            out.append(chr(int(chunk[1:], 8)))
            i += 4
        else:
            out.append(field_text[i])
            i += 1
    return "".join(out)


def _mount_table() -> str:
    """The running system's mounts, in ``/proc/mounts`` format (empty where there is none)."""
    try:
        return Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _mac_mount_table() -> str:
    """macOS ``mount`` output turned into ``/proc/mounts`` lines."""
    import subprocess  # macOS only; ``liaison search`` loads this module and never needs it

    try:
        output = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5,
                                check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    lines = []
    for line in output.splitlines():  # "//u@host/share on /Volumes/share (smbfs, nodev)"
        source, _, rest = line.partition(" on ")
        where, _, options = rest.rpartition(" (")
        fstype = options.split(",")[0].strip(" )")
        lines.append(f"{source} {where.replace(' ', chr(92) + '040')} {fstype} - 0 0")
    return "\n".join(lines)


def filesystem_of(path: Path, mounts: str) -> tuple[str, str] | None:
    """(filesystem type, source) of the mount holding *path*, from a mount table."""
    target = str(path)
    best: tuple[int, str, str] | None = None
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        source, mount_point, fstype = (_unescape_mount_field(p) for p in parts[:3])
        prefix = mount_point.rstrip("/") + "/"
        if (target == mount_point or target.startswith(prefix) or mount_point == "/") and (
                best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), fstype, source)
    return (best[1], best[2]) if best else None


def _windows_network_drive(path_text: str) -> str | None:
    windows = PureWindowsPath(path_text)
    if windows.drive.startswith("\\\\"):
        return f"network share {windows.drive}"
    if sys.platform != "win32" or not windows.drive:
        return None
    import ctypes

    drive_remote = 4
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    if kernel32.GetDriveTypeW(f"{windows.drive}\\") == drive_remote:
        return f"network drive {windows.drive}"
    return None


def network_filesystem(path: str | os.PathLike[str], *, mounts: str | None = None) -> str | None:
    """Name the network filesystem *path* lives on (``"nfs4"``, ``"network share \\\\srv\\x"``).

    None for local disks. SQLite's file locking is unreliable over SMB, NFS and
    the like, and its WAL mode does not work there at all: a catalog used from
    such a drive can be corrupted, so the app warns and points to the shared
    office database (``--database-url``). *mounts* lets tests pass a mount table.
    """
    text_path = os.fspath(path)
    if os.name == "nt" or text_path.startswith("\\\\"):
        return _windows_network_drive(text_path)
    resolved = Path(text_path).expanduser()
    with contextlib.suppress(OSError):
        resolved = resolved.resolve()
    if mounts is None:
        mounts = _mac_mount_table() if sys.platform == "darwin" else _mount_table()
    found = filesystem_of(resolved, mounts)
    if found is None:
        return None
    fstype = found[0].lower()
    if fstype in NETWORK_FILESYSTEMS or fstype.startswith(("nfs", "smb", "cifs")):
        return fstype
    return None


def network_warning(path: Path, fstype: str) -> str:
    """The one-line warning shown for a catalog on a network drive."""
    return say(N_("Warning: {name} is on a network drive ({fstype}). SQLite files can be "
                  "corrupted when used over a network; for a catalog shared by the office, use "
                  "the shared office database (--database-url) instead."),
               name=path.name, fstype=fstype)
