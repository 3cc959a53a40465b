"""argparse's own words in Vietnamese: ``liaison --language vi --help`` and its errors.

The catalog is checked against the argparse of the Python running the tests, so a
Python upgrade that brings a new message fails here rather than printing English.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

from db import i18n
from gui.cli import build_parser
from tests.cli.test_cli import liaison

PO_FILE = i18n.TRANSLATIONS_DIR / "vi" / "LC_MESSAGES" / "argparse.po"
ENGLISH_WORDS = ("usage:", "options:", "positional arguments:",
                 "show this help message and exit")


def test_every_argparse_message_of_this_python_is_translated() -> None:
    wanted = {message[0] if isinstance(message, tuple) else message
              for _line, message, _comments, _context in extract_from_file(
                  "python", str(Path(argparse.__file__)),
                  keywords={"_": None, "ngettext": (1, 2)})}
    with PO_FILE.open("rb") as handle:
        catalog = read_po(handle, locale="vi")
    translated = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog
                  if m.id and all(m.string if isinstance(m.string, tuple) else [m.string])
                  and not m.fuzzy}
    assert wanted and wanted <= translated, sorted(wanted - translated)
    assert PO_FILE.with_suffix(".mo").stat().st_mtime >= PO_FILE.stat().st_mtime - 1


def test_help_is_vietnamese_with_arguments_words_included() -> None:
    result = liaison("--language", "vi", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("cách dùng: liaison")
    assert "tùy chọn:" in result.stdout and "hiện trợ giúp này rồi thoát" in result.stdout
    assert not [w for w in ENGLISH_WORDS if w in result.stdout]
    english = liaison("--language", "en", "--help").stdout
    assert english.startswith("usage: liaison") and "show this help message and exit" in english


def _helps(language: str) -> dict[str, list[str]]:
    """Each command's description and option help texts, and its formatted help."""
    i18n.set_language(language)
    try:
        parser = build_parser()
        commands = next(a for a in parser._actions
                        if isinstance(a, argparse._SubParsersAction))
        found = {"": [str(parser.description),
                      *(str(c.help) for c in commands._choices_actions)]}
        for name, sub in commands.choices.items():
            found[name] = [*([sub.description] if sub.description else []),
                           *(str(a.help) for a in sub._actions if a.help), sub.format_help()]
        return found
    finally:
        i18n.set_language("en")


def test_every_command_help_is_vietnamese() -> None:
    """Every description and option help differs from its English (is translated), and
    no command's help shows argparse's English words."""
    english, vietnamese = _helps("en"), _helps("vi")
    assert english.keys() == vietnamese.keys()
    for name, texts in vietnamese.items():
        assert not [w for w in ENGLISH_WORDS if w in texts[-1]], name
        same = [e for e, v in zip(english[name], texts, strict=True)
                if e == v and len(e.split()) >= 2 and "%(choices)s" not in e]
        assert not same, (name, same)


def test_argparse_errors_are_vietnamese_in_one_line() -> None:
    result = liaison("--language", "vi", "search")
    assert result.returncode == 2
    assert result.stderr.strip() == \
        "liaison: thiếu các tham số bắt buộc: TỪ_KHÓA (xem `liaison --help`)"
    bogus = liaison("--language", "vi", "bogus")
    assert "lựa chọn không hợp lệ: 'bogus'" in bogus.stderr
    assert len(bogus.stderr.strip().splitlines()) == 1
