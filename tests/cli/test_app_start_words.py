"""A plain start of the app is read without the command-line parser (issue 16); anything
else goes to the parser, which says what is wrong as it always did."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gui.__main__ import app_start

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("words", "start"), [
    ([], {}),
    (["--catalog", "a b.liaison"], {"catalog": "a b.liaison"}),
    (["--catalog=x.liaison", "--language", "vi"], {"catalog": "x.liaison", "language": "vi"}),
    (["--database-url", "postgresql://h/db"], {"database_url": "postgresql://h/db"}),
])
def test_a_plain_start_is_read_here(words: list[str], start: dict[str, str]) -> None:
    assert app_start(words) == start


@pytest.mark.parametrize("words", [
    ["search", "chung"], ["--help"], ["--catalog"], ["--catalog", "--language", "vi"],
    ["--cat", "x.liaison"], ["--language", "fr"], ["--catalog", "a", "--catalog", "b"],
    ["--catalog", "a", "--database-url", "postgresql://h/db"], ["--catalog", "a", "extra"],
])
def test_anything_else_is_left_to_the_parser(words: list[str]) -> None:
    assert app_start(words) is None


def test_the_parser_still_refuses_a_language_we_do_not_speak() -> None:
    result = subprocess.run([sys.executable, "-m", "gui", "--language", "fr"], cwd=ROOT,
                            text=True, capture_output=True, timeout=60)
    assert result.returncode == 2
    assert "fr" in result.stderr and "Traceback" not in result.stderr
