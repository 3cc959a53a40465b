"""One folding function shared by the search index and its queries.

Both sides must fold identically or accent-free queries silently miss:
SQLite's own ``remove_diacritics`` leaves ``Đ``/``đ`` alone (they are letters,
not D plus a mark), so we fold in Python before text reaches FTS5.
"""

from __future__ import annotations

import unicodedata

_LETTER_MAP = str.maketrans(
    {
        "Đ": "D",
        "đ": "d",
        "Ð": "D",  # Icelandic eth capital, often typed for Đ
        "Ø": "O",
        "ø": "o",
        "Ł": "L",
        "ł": "l",
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
    }
)


def fold(text: str) -> str:
    """Return *text* without accents, casefolded: ``Nguyễn Đức`` -> ``nguyen duc``."""
    mapped = text.translate(_LETTER_MAP)
    decomposed = unicodedata.normalize("NFD", mapped)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()


def nfc(text: str) -> str:
    """Normalise user text to NFC so equal names compare (and print) equal."""
    return unicodedata.normalize("NFC", text)
