"""One folding function shared by the search index and its queries.

Both sides must fold identically or accent-free queries silently miss:
SQLite's own ``remove_diacritics`` leaves ``Đ``/``đ`` alone (they are letters,
not D plus a mark), so we fold in Python before text reaches FTS5.

Apostrophes vanish: Central Highlands names are written ``H'Yim``, ``H’Yim``,
``H`Yim`` or ``HʼYim`` by different lists, and people search for ``hyim``. Every
variant (straight, curly, backtick, modifier letter, acute, prime) folds to
nothing, so all spellings and the plain ``hyim`` meet in one word.
"""

from __future__ import annotations

import unicodedata

_LETTER_MAP = str.maketrans(
    {
        "Đ": "D",
        "đ": "d",
        "Ð": "D",  # Icelandic eth capital, often typed for Đ
        "ð": "d",  # its small letter: what the capital becomes when a query is lower-cased
        "Ø": "O",
        "ø": "o",
        "Ł": "L",
        "ł": "l",
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        # Apostrophe look-alikes, dropped (see the module's note on H'Yim).
        "'": None,
        "’": None,
        "‘": None,
        "`": None,
        "ʼ": None,
        "ʻ": None,
        "´": None,
        "′": None,
        "＇": None,
    }
)
APOSTROPHES = "'’‘`ʼʻ´′＇"


# Every combining mark of the Basic Multilingual Plane, dropped in one translate() call
# (search folds each result line; a per-character Python loop was its slowest part).
_MARKS = {code: None for code in range(0x300, 0x10000) if unicodedata.combining(chr(code))}


def fold(text: str) -> str:
    """Return *text* without accents, casefolded: ``Nguyễn Đức`` -> ``nguyen duc``."""
    # Casefold first: a word folds the same typed in capitals or not (Ð and ð, ᾈ and ᾀι),
    # so a query's exact form and its folded form never disagree.
    decomposed = unicodedata.normalize("NFD", text.casefold().translate(_LETTER_MAP))
    stripped = decomposed.translate(_MARKS)
    if not stripped.isascii() and any(ord(ch) > 0xFFFF for ch in stripped):
        stripped = "".join(ch for ch in stripped if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped)


def nfc(text: str) -> str:
    """Normalise user text to NFC so equal names compare (and print) equal."""
    return unicodedata.normalize("NFC", text)
