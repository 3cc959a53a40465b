"""The window is shown before the store loads (issue 16): start-up is Qt, then the catalog.

Measured in a real process, as a user starts the app: ``python -X importtime -m gui``
with ``LIAISON_QUIT_WHEN_SHOWN=window`` (quit once the main window is up) lists every
module imported before the window was shown. Until then, nothing of the store's
heavy layer (SQLAlchemy, SQLModel, pydantic) or of the printer (ReportLab) may load:
each was paid for before the first frame once (the command-line parser read the
search kinds from the store's registry).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOT_BEFORE_THE_WINDOW = ("sqlalchemy", "sqlmodel", "pydantic", "reportlab", "alembic",
                         "db.models", "db.catalog.handle",
                         "logging.handlers")  # the log file is set up after the first frame


def test_the_window_is_shown_before_the_store_is_imported(sample_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "gui", "--catalog", str(sample_path)],
        cwd=ROOT, text=True, capture_output=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "LIAISON_QUIT_WHEN_SHOWN": "window"})
    assert result.returncode == 0, result.stderr[-2000:]
    modules = {line.rpartition("|")[2].strip() for line in result.stderr.splitlines()
               if line.startswith("import time:")}
    assert "gui.main_window" in modules  # the measurement saw the window's modules
    early = {m for m in modules
             if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_THE_WINDOW)}
    assert early == set()
