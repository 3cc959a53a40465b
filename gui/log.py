"""Where errors go: a rotating log file in the user's log folder.

Every failure the app reports to the user is also written here with its
traceback, so a support request can attach the file instead of a screenshot.
"""

from __future__ import annotations

import logging
from pathlib import Path

from platformdirs import user_log_path

LOG_NAME = "liaison.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"


def log_file() -> Path:
    return user_log_path("Liaison", appauthor=False) / LOG_NAME


def setup_logging() -> Path | None:
    """Send the ``gui`` and ``db`` loggers to the rotating file (once per process).

    Returns the file, or None when the folder cannot be written (then errors go to
    stderr only: a read-only home must not stop the app from starting).
    """
    # Deliberately deferred: the window imports this module (for log_file) before its
    # first frame, and the handler brings sockets and pickling, which that frame never uses.
    from logging.handlers import RotatingFileHandler

    root = logging.getLogger()
    path = log_file()
    if any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path
           for h in root.handlers):
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                      encoding="utf-8")
    except OSError:
        logging.basicConfig(level=logging.WARNING, format=_FORMAT)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return path
