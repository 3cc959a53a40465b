"""Telling English left in the command line's output from Vietnamese, word by word.

A word of four or more plain Latin letters must be user data (what the command line was
given), a command or choice name the parser knows, a file path, a word from a short list
(Liaison, PDF, JSON...) or a Vietnamese syllable written without its marks; anything else
is English. Options (``--catalog``) and paths are taken out of the text whole.
"""

from __future__ import annotations

import argparse
import re

from gui.cli import build_parser

#: Names a Vietnamese sentence keeps as they are.
KEPT = frozenset({"liaison", "pdf", "json", "csv", "xlsx", "vcard", "ical", "icalendar",
                  "popolo", "postgresql", "sqlite", "url", "dump", "utf", "mail", "email",
                  "excel"})

# A Vietnamese syllable with its marks taken off: initial consonant(s), one to three vowels,
# a final consonant. English words that happen to fit ("than", "long") pass, but an English
# sentence always has others ("there", "file", "catalog", "records") that do not.
_SYLLABLE = re.compile(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
                       r"[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?")
_PATH = re.compile(r"\S*[/\\]\S*")  # anything with a slash is a path (or a URL)
_FILE = re.compile(r"\S+\.(liaison|csv|xlsx|pdf|json|txt)\b")  # a file name
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")
_WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def parser_words(parser: argparse.ArgumentParser) -> set[str]:
    """Every command and choice name, and every default a help may quote (options are
    taken out of the text whole, so ``--catalog`` does not make "catalog" Vietnamese)."""
    found = {"liaison"}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= words(name) | parser_words(sub)
        elif action.choices is not None:
            found |= {w for choice in action.choices for w in words(str(choice))}
        if isinstance(action.default, str):
            found |= words(action.default)
    return found


PARSER = build_parser()
NAMES = parser_words(PARSER)
COMMANDS = sorted(next(a for a in PARSER._actions
                       if isinstance(a, argparse._SubParsersAction)).choices)


def english_words(text: str, given: tuple[str, ...] = ()) -> list[str]:
    """The words of *text* that are English (see the module's docstring)."""
    allowed = KEPT | NAMES | {w for arg in given for w in words(arg)}
    text = _OPTION.sub(" ", _FILE.sub(" ", _PATH.sub(" ", text)))
    return [word for word in _WORD.findall(text)
            if len(word) >= 4 and word.isascii() and word.lower() not in allowed
            and not _SYLLABLE.fullmatch(word.lower())]


def vietnamese(text: str) -> bool:
    return any(not c.isascii() and c.isalpha() for c in text)
