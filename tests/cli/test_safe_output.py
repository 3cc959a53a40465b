"""The command line's output: no raw control characters, quiet when its reader goes away."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_search_into_a_closed_pipe_exits_quietly(sample_path: Path) -> None:
    """``liaison search ... | head``: head exits early; liaison must not print a trace."""
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before liaison writes a byte
    try:
        result = subprocess.run([sys.executable, "-m", "gui", "search", "a", "--limit", "50",
                                 "--catalog", str(sample_path)], cwd=ROOT, stdout=writer,
                                stderr=subprocess.PIPE, text=True, check=False, timeout=120)
    finally:
        os.close(writer)
    assert result.stderr == ""
    assert result.returncode == 0


def test_control_characters_in_records_are_shown_not_sent_to_the_terminal(
        sample_path: Path) -> None:
    conn = sqlite3.connect(sample_path)
    evil = "char(27) || '[2J' || char(155) || '31m' || char(7)"  # clear screen, red, bell
    conn.execute(f"UPDATE search_index SET title = title || {evil}, subtitle = {evil} || "
                 "subtitle WHERE kind = 'person'")
    conn.commit()
    conn.close()
    for extra in ([], ["--json"]):
        result = subprocess.run([sys.executable, "-m", "gui", "search", "chung", *extra,
                                 "--catalog", str(sample_path)], cwd=ROOT,
                                capture_output=True, text=True, check=False, timeout=120)
        assert result.returncode == 0, result.stderr
        shown = result.stdout + result.stderr
        assert "Chung" in shown
        assert not any(ch in shown for ch in "\x1b\x9b\x07"), repr(shown)
