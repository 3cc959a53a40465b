"""What the command line writes: never a raw control character, never a broken-pipe trace.

Record text comes from users and from imported files, so it can hold terminal
escape codes (``ESC [ 2 J`` clears the screen, others retitle the window or
worse). Everything the commands print goes through :class:`VisibleText`, which
shows such characters as ``\\x1b`` instead of sending them to the terminal.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from typing import TextIO

from db.i18n import N_, _

# C0 controls but tab and newline, DEL, C1 controls (U+009B is a one-byte CSI), and the
# bidirectional overrides that can make a line read differently from what it holds.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """*text* with every control character written out as ``\\xNN`` / ``\\uNNNN``."""
    return _CONTROL.sub(lambda m: ascii(m.group())[1:-1], text)


class VisibleText:
    """A text stream that writes through :func:`visible` to the stream it wraps."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def quiet_broken_pipe() -> None:
    """The reader went away (``liaison search ... | head``): stop writing, silently.

    Python would otherwise complain at exit while flushing what is left; pointing
    stdout at the null device lets it exit quietly, as ``grep`` and ``ls`` do.
    """
    with_null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(with_null, sys.__stdout__.fileno() if sys.__stdout__ else 1)
    finally:
        os.close(with_null)


#: Sentences for the system errors a user can meet (the file is named in them).
OS_SENTENCES = {
    errno.EACCES: N_("you do not have permission to use {name}"),
    errno.EPERM: N_("you do not have permission to use {name}"),
    errno.ENOENT: N_("{name} does not exist"),
    errno.ENOTDIR: N_("a folder in the path of {name} is a file"),
    errno.EISDIR: N_("{name} is a folder, not a file"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EROFS: N_("the disk holding {name} is read-only"),
    errno.EEXIST: N_("{name} already exists"),
    errno.EIO: N_("the disk holding {name} could not be read or written"),
    errno.ENAMETOOLONG: N_("the name {name} is too long"),
    errno.EBUSY: N_("{name} is in use by another program"),
    errno.ELOOP: N_("{name} leads round in a circle of links"),
    errno.EDQUOT: N_("your disk quota is used up ({name})"),
}


def os_error_sentence(exc: OSError) -> str:
    """An OSError in words (``[Errno 13] Permission denied: 'x'`` -> a sentence)."""
    name = os.fspath(exc.filename) if exc.filename is not None else _("the file")
    pattern = OS_SENTENCES.get(exc.errno or 0)
    if pattern is not None:
        return _(pattern).format(name=name)
    # The system's own words (English) stay, as the reason after our sentence.
    reason = (exc.strerror or str(exc)).rstrip(".")
    if exc.filename is None:
        return _("the system refused: {reason}").format(reason=reason)
    return _("{name} could not be used: {reason}").format(name=name, reason=reason)
