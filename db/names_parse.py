"""Splitting a pasted name ("H.E. Mrs Cecilia Piccioni") into the person's fields.

Names arrive from articles, e-mail signatures and published lists as one string,
with honorifics, degrees and titles in front and sometimes an alias behind
(``Nguyễn Tấn Dũng (Ba Dũng)``). The order of the rest depends on the culture
of the name: Vietnamese and Korean names are written family name first
(``Nguyễn Đức Chung``, ``Kwon Young Gull``); Vietnamese people are addressed by
the last given name (``Chairman Chung``), Korean people by the family name
(``Chairman Kwon``); the Ê Đê and Jrai peoples of the Central Highlands write the
personal name first, with a ``Y`` (men) or ``H'`` (women) prefix, and the clan
name last (``Y Biêr Niê``, ``H`Yim Kđoh``).

:func:`split_name` is a pure function used by the person form and by import. Its
result is only an offer: ``sure`` is False, with ``doubts`` saying why, whenever
the split is a guess, so the form asks the user instead of filling fields in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from db.folding import fold, nfc
from db.i18n import N_
from db.models import AddressBy, NameOrder
from db.names import address_name
from db.names_data import (
    COMMON_VIETNAMESE_FAMILY_NAMES,
    HIGHLAND_CLAN_NAMES,
    VIETNAMESE_MIDDLE_NAMES,
)
from db.names_data import VIETNAMESE_FAMILY_NAMES as _VIETNAMESE_FAMILY_LIST
from db.said import say

# Honorifics, folded and without dots, as they are written before a name.
_HONORIFICS = {
    "he": "H.E.", "mr": "Mr", "mrs": "Mrs", "ms": "Ms", "miss": "Miss", "mx": "Mx",
    "dr": "Dr", "prof": "Prof.", "professor": "Prof.", "sir": "Sir", "dame": "Dame",
    "madam": "Madam", "madame": "Madame", "hon": "Hon.", "rev": "Rev.", "m": "M.",
    "mme": "Mme", "fr": "Fr.", "father": "Father", "sr": "Sr.", "sister": "Sister",
    "pastor": "Pastor", "bishop": "Bishop", "archbishop": "Archbishop",
    "cardinal": "Cardinal", "venerable": "Venerable", "imam": "Imam", "rabbi": "Rabbi",
    "gen": "Gen.", "col": "Col.", "maj": "Maj.", "capt": "Capt.", "lt": "Lt.",
    "cdr": "Cdr.", "adm": "Adm.", "brig": "Brig.", "eng": "Eng.", "ir": "Ir.",
    # Vietnamese abbreviations of degrees and professional titles (TS. = Dr, ThS. = MA).
    "ts": "TS.", "ths": "ThS.", "tskh": "TSKH.", "gs": "GS.", "pgs": "PGS.", "ks": "KS.",
    "bs": "BS.", "ds": "DS.", "cn": "CN.", "ls": "LS.", "kts": "KTS.", "nsnd": "NSND",
    "nsut": "NSƯT", "ngnd": "NGND", "ngut": "NGƯT", "tt": "TT.", "dd": "ĐĐ.",
    "ht": "HT.", "lm": "Lm.",
}
# Vietnamese honorifics that are ordinary words without their diacritics: "Ba Dũng"
# is a nickname, "Bà Dũng" is Mrs Dũng. They count only as typed, accents and all.
_EXACT_HONORIFICS = {"ông": "Ông", "bà": "Bà", "cha": "Cha", "thầy": "Thầy", "sư": "Sư"}
# Several-word religious, military and academic titles, kept as the honorific.
_TITLE_HONORIFICS = (
    "Most Venerable", "Most Reverend", "Right Reverend", "The Reverend", "Lieutenant General",
    "Major General", "Brigadier General", "Lieutenant Colonel", "Senior Colonel",
    "Associate Professor", "Assoc. Prof.", "Asst. Prof.", "Lt. Gen.", "Maj. Gen.", "Lt. Col.",
    "Linh mục", "Giám mục", "Tổng Giám mục", "Hồng y", "Đức Cha", "Đức Tổng Giám mục",
    "Mục sư", "Hòa thượng", "Thượng tọa", "Đại đức", "Ni sư", "Ni trưởng", "Sư cô",
    "Sư thầy", "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Đại tá",
    "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy",
    "Chuẩn đô đốc", "Phó Đô đốc", "Đô đốc", "Giáo sư", "Phó Giáo sư", "Tiến sĩ",
    "Thạc sĩ", "Bác sĩ", "Kỹ sư", "Luật sư", "Nhà báo", "Nghệ sĩ Nhân dân",
    "Nhà giáo Nhân dân",
)
# Titles that give the form of address ("Chairman Chung"), longest first when matching.
_TITLES = (
    "Deputy Prime Minister", "Prime Minister", "Vice President", "President",
    "Deputy Minister", "Vice Minister", "Minister", "Ambassador", "Consul General",
    "Vice Chairman", "Vice Chairwoman", "Vice Chair", "Chairman", "Chairwoman", "Chairperson",
    "Chair", "Deputy Mayor", "Mayor", "Vice Governor", "Governor", "Director General",
    "Director-General", "Deputy Director", "Director", "Secretary General", "Party Secretary",
    "Secretary", "Counsellor", "Councillor", "Senator", "General", "Chief Executive", "CEO",
    "Head", "Rector", "Dean",
)
# Degrees written after a name ("Jane Doe, PhD"): kept apart, never part of the family name.
_DEGREES = {"phd": "PhD", "md": "MD", "mba": "MBA", "msc": "MSc", "ma": "MA", "bsc": "BSc",
            "llm": "LLM", "dphil": "DPhil", "esq": "Esq."}


def _phrases(titles: tuple[str, ...]) -> list[tuple[tuple[str, ...], str]]:
    words = ((tuple(fold(t).replace("-", " ").replace(".", " ").split()), t) for t in titles)
    return sorted(words, key=lambda item: -len(item[0]))


_TITLE_WORDS = _phrases(_TITLES)
_HONORIFIC_PHRASES = _phrases(_TITLE_HONORIFICS)

VIETNAMESE_FAMILY_NAMES = frozenset(fold(n) for n in _VIETNAMESE_FAMILY_LIST)
_EXACT_FAMILY = frozenset(nfc(n).casefold() for n in _VIETNAMESE_FAMILY_LIST)
_COMPOUND_FAMILY = frozenset(fold(n) for n in _VIETNAMESE_FAMILY_LIST if " " in n)
_COMMON_FAMILY = frozenset(fold(n) for n in COMMON_VIETNAMESE_FAMILY_NAMES)
_MIDDLE = frozenset(fold(n) for n in VIETNAMESE_MIDDLE_NAMES)
_CLANS = frozenset(fold(n) for n in HIGHLAND_CLAN_NAMES)
KOREAN_FAMILY_NAMES = frozenset({
    "kim", "lee", "yi", "rhee", "park", "pak", "choi", "choe", "jung", "jeong", "chung", "kang",
    "cho", "jo", "yoon", "yun", "jang", "chang", "lim", "im", "han", "oh", "seo", "suh",
    "shin", "sin", "kwon", "hwang", "ahn", "an", "song", "yoo", "yu", "hong", "jeon", "chun",
    "ko", "go", "moon", "mun", "yang", "son", "bae", "baek", "paik", "heo", "huh", "nam",
    "noh", "roh", "kwak", "sung", "cha", "joo", "ju", "woo", "min", "ryu", "jin", "ji", "um",
    "eom", "chae", "won", "byun", "byeon", "bang", "gong", "hyun", "ma", "yeo", "gu", "koo",
})
# Lower-case particles that belong to a Western family name ("van der Berg").
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "du",
                        "la", "le", "dos", "das", "ter", "ten", "zu", "af", "bin", "al"})
# Letters and marks only Vietnamese uses (ă đ ơ ư, the hook and the dot below, a tone
# mark stacked on a circumflex or breve); other accents ("García", "Hélène") are weak
# evidence that counts only with a Vietnamese family name.
_VIETNAMESE_LETTERS = re.compile(
    "[ăđơưĂĐƠƯ]|[\u0309\u0323]|[\u0302\u0306][\u0300\u0301\u0303]|[eiuyEIUY]\u0303")
_ANY_MARK = re.compile("[\u0300-\u0323]|[đĐ]")
# An alias: "(Ba Dũng)", "[...]", "（...）" or a quoted nickname.
_ALIAS = re.compile(r"[(\[（]([^()\[\]（）]*)[)\]）]|[\"“”]([^\"“”]+)[\"“”]")
_ALIAS_MARKER = re.compile(r"\s*(?:,\s*)?\b(?:a\.?k\.?a\.?|alias|còn gọi là|bí danh|tức là|tức)\s+",
                           re.IGNORECASE)
_APOSTROPHES = "'’`ʼ‘´"
# Ê Đê / Jrai / K'Ho personal-name prefixes: "Y Biêr", "H'Hen", "H`Yim", "K'Nhiên".
_HIGHLAND_PREFIX = re.compile(rf"^(?:[HK][{_APOSTROPHES}]\w|Y$)")


@dataclass(frozen=True)
class NameSplit:
    """One reading of a pasted name; ``sure`` is False when the user should confirm it."""

    honorific: str | None
    title: str | None  # "Chairman": a hint for the form of address
    given_names: str | None
    family_name: str
    name_order: str
    address_by: str
    aliases: tuple[str, ...] = ()  # "also known as": searchable, never in the address
    suffix: str | None = None  # degrees written after the name ("PhD")
    sure: bool = True
    doubts: tuple[str, ...] = ()  # why the split is unsure, one sentence each

    def form_of_address(self) -> str | None:
        """``Chairman Chung`` for a title and a Vietnamese name; None without a title."""
        if not self.title:
            return None
        return f"{self.title} {address_name(self.given_names, self.family_name, self.address_by)}"


def _key(word: str) -> str:
    return fold(word).replace(".", "").strip(",;:")


def _phrase_at(words: list[str], start: int,
               phrases: list[tuple[tuple[str, ...], str]]) -> tuple[str, int] | None:
    """The longest phrase starting at *start*, and how many original words it spans."""
    folded = [fold(w).replace("-", " ").replace(".", " ").strip(",") for w in words[start:]]
    flat = " ".join(folded).split()
    for parts, phrase in phrases:
        if tuple(flat[: len(parts)]) == parts:
            consumed, taken = 0, 0
            while taken < len(parts):
                taken += len(folded[consumed].split())
                consumed += 1
            return phrase, consumed
    return None


def _honorific_words(word: str) -> list[str] | None:
    """``PGS.TS.`` -> [PGS., TS.]; ``Mrs.`` -> [Mrs.]; None if *word* is not one."""
    exact = nfc(word).casefold().strip(",")
    if exact in _EXACT_HONORIFICS:
        return [_EXACT_HONORIFICS[exact]]
    parts = [p for p in word.strip(",").split(".") if p]
    if len(parts) > 1 and all(_key(p) in _HONORIFICS for p in parts):
        return [word.strip(",")]  # glued abbreviations keep the user's spelling
    key = _key(word)
    if key in _HONORIFICS:
        return [_HONORIFICS[key] if key == "he" else word.strip(",")]
    return None


def _looks_vietnamese(words: list[str]) -> bool:
    """Letters or marks only Vietnamese uses, anywhere (checked decomposed, so marks show)."""
    return any(_VIETNAMESE_LETTERS.search(unicodedata.normalize("NFD", w)) for w in words)


def _has_marks(words: list[str]) -> bool:
    return any(_ANY_MARK.search(unicodedata.normalize("NFD", w)) for w in words)


def _family_word_matches(words: list[str], folded: str, marked: bool) -> bool:
    """Is *words* (the first one or two) a family name on the list, as written?

    In a name typed with diacritics the family name must carry its own: "Ba Dũng"
    is a nickname ("Ba" = three), not the family name "Bá".
    """
    if folded not in VIETNAMESE_FAMILY_NAMES:
        return False
    if not marked or (folded in _COMMON_FAMILY and not _has_marks(words)):
        return True  # "Nguyen Văn Hiến": a common name typed plain
    return nfc(" ".join(words)).casefold() in _EXACT_FAMILY


def _aliases(text: str) -> tuple[str, list[str]]:
    """The name without its aliases, and the aliases ("(Ba Dũng)", "a.k.a. Ba Dũng")."""
    found: list[str] = []

    def take(match: re.Match[str]) -> str:
        alias = " ".join((match.group(1) or match.group(2) or "").split()).strip(" ,;")
        if alias:
            found.append(alias)
        return " "

    text = _ALIAS.sub(take, text)
    head, *rest = _ALIAS_MARKER.split(text)
    found.extend(" ".join(r.split()).strip(" ,;") for r in rest if r.strip(" ,;"))
    return head, found


def _prefixes(words: list[str]) -> tuple[list[str], list[str], int]:
    """Honorifics and titles in front of the name, and where the name starts."""
    honorifics: list[str] = []
    titles: list[str] = []
    index = 0
    while index < len(words) - 1:  # always leave at least one word for the name
        phrase = _phrase_at(words, index, _HONORIFIC_PHRASES)
        if phrase is not None and index + phrase[1] < len(words):
            honorifics.append(" ".join(w.strip(",") for w in words[index:index + phrase[1]]))
            index += phrase[1]
            continue
        single = _honorific_words(words[index])
        if single is not None:
            honorifics.extend(single)
            index += 1
            continue
        found = _phrase_at(words, index, _TITLE_WORDS)
        if found is not None and index + found[1] < len(words):
            titles.append(found[0])
            index += found[1]
            continue
        break
    return honorifics, titles, index


def _suffixes(name: list[str]) -> tuple[list[str], list[str]]:
    degrees: list[str] = []
    while len(name) > 1 and _key(name[-1]) in _DEGREES:
        degrees.insert(0, name.pop().strip(","))
    return name, degrees


def _split(name: list[str]) -> tuple[str | None, str, str, str, list[str]]:
    """(given, family, order, address_by, doubts) for the bare name words."""
    doubts: list[str] = []
    if len(name) == 1:
        return None, name[0], NameOrder.MONONYM.value, AddressBy.FAMILY.value, doubts
    folded = [fold(w) for w in name]
    marked = _has_marks(name)
    vietnamese = _looks_vietnamese(name) or (marked and _family_word_matches(
        name[:1], folded[0], marked))
    for size in (2, 1):  # Jrai and Ba Na names written clan first: "Ksor Phước Hà"
        if len(name) > size and " ".join(folded[:size]) in _CLANS:
            return (" ".join(name[size:]), " ".join(name[:size]), NameOrder.FAMILY_FIRST.value,
                    AddressBy.GIVEN.value, doubts)
    if _HIGHLAND_PREFIX.match(name[0]) and (vietnamese or any(w in _CLANS for w in folded)):
        size = 2 if len(name) > 3 and " ".join(folded[-2:]) in _CLANS else 1
        if folded[-1] not in _CLANS and " ".join(folded[-2:]) not in _CLANS:
            doubts.append(say(N_("“{word}” is not a clan name I know."), word=name[-1]))
        return (" ".join(name[:-size]), " ".join(name[-size:]), NameOrder.GIVEN_FIRST.value,
                AddressBy.GIVEN.value, doubts)
    compound = len(name) > 2 and " ".join(folded[:2]) in _COMPOUND_FAMILY
    size = 2 if compound else 1
    first = " ".join(folded[:size])
    known = _family_word_matches(name[:size], first, marked)
    middle = folded[size] in _MIDDLE if len(name) > size + 1 else False
    korean = folded[0] in KOREAN_FAMILY_NAMES and not vietnamese
    if known and (vietnamese or first in _COMMON_FAMILY or middle) and not (
            korean and not middle and first not in _COMMON_FAMILY):
        return (" ".join(name[size:]), " ".join(name[:size]), NameOrder.FAMILY_FIRST.value,
                AddressBy.GIVEN.value, doubts)
    if korean:
        if known:
            doubts.append(say(N_("“{word}” is a Korean and a Vietnamese family name."),
                              word=name[0]))
        return (" ".join(name[1:]), name[0], NameOrder.FAMILY_FIRST.value,
                AddressBy.FAMILY.value, doubts)
    if vietnamese:
        doubts.append(say(N_("“{word}” is not a Vietnamese family name I know."), word=name[0]))
        return (" ".join(name[1:]), name[0], NameOrder.FAMILY_FIRST.value,
                AddressBy.GIVEN.value, doubts)
    if known:
        doubts.append(say(N_("“{word}” may be a Vietnamese family name, written first."),
                          word=name[0]))
    family_start = len(name) - 1
    while family_start > 1 and name[family_start - 1].lower() in _PARTICLES:
        family_start -= 1
    if family_start >= 2 and not doubts:
        doubts.append(say(N_("Several given names: which of them belong to the family name?")))
    return (" ".join(name[:family_start]), " ".join(name[family_start:]),
            NameOrder.GIVEN_FIRST.value, AddressBy.FAMILY.value, doubts)


def split_name(text: str) -> NameSplit | None:
    """Honorific, title, given and family names, aliases of *text*; None if nothing is left.

    The result says ``sure=False`` (with ``doubts``) when it had to guess: an
    unknown family name in a Vietnamese-looking name, a name that is Korean or
    Vietnamese alike, a long Western name, an alias in the middle of the text.
    """
    head, aliases = _aliases(nfc(text))
    words = [w for w in head.split() if w.strip(",;")]
    if not words:
        return None
    honorifics, titles, start = _prefixes(words)
    if (start and honorifics and nfc(words[start - 1]).casefold() in _EXACT_FAMILY
            and fold(words[start]) not in VIETNAMESE_FAMILY_NAMES):
        honorifics.pop()  # "Ông Ích Khiêm": Ông is his family name, not "Mr"
        start -= 1
    name, degrees = _suffixes([w.strip(",;") for w in words[start:] if w.strip(",;")])
    given, family, order, address_by, doubts = _split(name)
    if any(ch in "()[]\"“”" for ch in " ".join(name)):
        doubts.append(say(N_("Unmatched brackets or quotes are left in the name.")))
    result = NameSplit(" ".join(honorifics) or None, " ".join(titles) or None, given or None,
                       family, order, address_by, tuple(aliases), " ".join(degrees) or None)
    if doubts:
        result = replace(result, sure=False, doubts=tuple(doubts))
    return result


__all__ = ["KOREAN_FAMILY_NAMES", "VIETNAMESE_FAMILY_NAMES", "NameSplit", "split_name"]
