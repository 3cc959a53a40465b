"""The Vietnamese catalogs are complete: every word the code can show has a translation.

Messages are extracted from the code here, the way ``make translations`` does, so a new
``_()`` without a Vietnamese translation fails this test, not a user.
"""

from __future__ import annotations

import datetime as dt
import gettext
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from db import i18n

ROOT = Path(__file__).resolve().parents[2]
PO_FILE = i18n.TRANSLATIONS_DIR / "vi" / "LC_MESSAGES" / "liaison.po"
MO_FILE = PO_FILE.with_suffix(".mo")
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
            "N_": None}


def _message_ids() -> set[str | tuple[str, str]]:
    """(context, msgid) or msgid of every message in db/ and gui/."""
    found: set[str | tuple[str, str]] = set()
    for folder in ("db", "gui"):
        for _file, _line, message, _comments, context in extract_from_dir(
                ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS):
            msgid = message[0] if isinstance(message, tuple) else message
            found.add((context, msgid) if context else msgid)
    return found


def _catalog():  # type: ignore[no-untyped-def]
    with PO_FILE.open("rb") as handle:
        return read_po(handle, locale="vi")


def test_the_code_has_words_to_translate() -> None:
    assert len(_message_ids()) > 5


def test_every_message_is_translated_and_none_is_fuzzy() -> None:
    catalog = _catalog()
    missing, fuzzy = [], []
    for key in sorted(_message_ids(), key=str):
        context, msgid = key if isinstance(key, tuple) else (None, key)
        message = catalog.get(msgid, context=context)
        strings = message.string if message else None
        if not message or not all(strings if isinstance(strings, tuple) else [strings]):
            missing.append(key)
        elif message.fuzzy:
            fuzzy.append(key)
    assert not missing, f"{len(missing)} untranslated, e.g. {missing[:10]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:10]}"


def test_the_compiled_catalog_is_up_to_date_with_the_po_file() -> None:
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for message in _catalog():
        if not message.id or message.fuzzy:
            continue
        if isinstance(message.id, tuple):
            got = compiled.ngettext(message.id[0], message.id[1], 1)
            want = message.string[0]
        elif message.context:
            got, want = compiled.pgettext(message.context, message.id), message.string
        else:
            got, want = compiled.gettext(message.id), message.string
        if got != want:
            stale.append(message.id)
    assert not stale, f"run `make translations`: {len(stale)} stale, e.g. {stale[:5]}"


def test_plural_forms_follow_the_language() -> None:
    with i18n.using("en"):
        assert i18n.ngettext("{n} record", "{n} records", 1) == "{n} record"
        assert i18n.ngettext("{n} record", "{n} records", 2) == "{n} records"
    # Vietnamese has one form for every number: the compiled catalog says so to gettext.
    with MO_FILE.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    assert {compiled.plural(n) for n in (0, 1, 2, 5, 21)} == {0}


@pytest.mark.parametrize(("language", "style", "expected"), [
    ("vi", "long", "ngày 13 tháng 6 năm 2017"),
    ("vi", "weekday", "Thứ Ba, 13/06/2017"),
    ("en", "full", "Tuesday, 13 June 2017"),
    ("en", "short", "13/06/2017"),
])
def test_dates_are_written_as_the_language_writes_them(language: str, style: i18n.DateStyle,
                                                        expected: str) -> None:
    with i18n.using(language):
        assert i18n.format_date(dt.date(2017, 6, 13), style) == expected


def test_numbers_use_the_languages_separators() -> None:
    with i18n.using("vi"):
        assert i18n.format_number(1_100_000) == "1.100.000"
    with i18n.using("en"):
        assert i18n.format_number(1_100_000) == "1,100,000"


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANGUAGE": "vi:en", "LANG": "en_US.UTF-8"}, "vi"),
    ({"LANG": "vi_VN.UTF-8"}, "vi"),
    ({"LC_ALL": "C", "LANG": "vi_VN.UTF-8"}, "en"),
    ({"LANGUAGE": "fr:vi"}, "vi"),
    ({}, "en"),
])
def test_the_system_language_is_read_as_gettext_reads_it(environ: dict[str, str],
                                                         expected: str) -> None:
    assert i18n.system_language(environ) == expected


def test_a_printout_language_does_not_change_the_interfaces() -> None:
    i18n.set_language("en")
    with i18n.using("vi"):
        assert i18n.language() == "vi"
    assert i18n.language() == "en"
