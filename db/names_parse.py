"""Splitting a pasted name ("H.E. Mrs Cecilia Piccioni") into the person's fields.

Names arrive from articles and e-mail signatures as one string with honorifics
and titles in front. The order of the rest depends on the culture of the name:
Vietnamese and Korean names are written family name first (``Nguyễn Đức Chung``,
``Kwon Young Gull``); Vietnamese people are addressed by the last given name
(``Chairman Chung``), Korean people by the family name (``Chairman Kwon``).
The result is only an offer: the form shows it and the user accepts or not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from db.folding import fold, nfc
from db.models import AddressBy, NameOrder

# Honorifics, folded and without dots, as they are written before a name.
_HONORIFICS = {
    "he": "H.E.", "mr": "Mr", "mrs": "Mrs", "ms": "Ms", "miss": "Miss", "mx": "Mx",
    "dr": "Dr", "prof": "Prof.", "professor": "Prof.", "sir": "Sir", "dame": "Dame",
    "madam": "Madam", "madame": "Madame", "hon": "Hon.", "rev": "Rev.",
    "ong": "Ông", "ba": "Bà", "m": "M.", "mme": "Mme",
}
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
_TITLE_WORDS = sorted(((tuple(fold(t).replace("-", " ").split()), t) for t in _TITLES),
                      key=lambda item: -len(item[0]))

VIETNAMESE_FAMILY_NAMES = frozenset(fold(name) for name in (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Hà", "Trương", "Đinh", "Đoàn", "Lâm", "Trịnh",
    "Đào", "Cao", "Lưu", "Tô", "Tạ", "Châu", "Quách", "Thái", "Triệu", "Vương", "Lương",
    "Kiều", "Tôn", "Hứa", "Từ", "Khúc", "Đàm", "Nghiêm", "Mạc",
))
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
_VIETNAMESE_LETTERS = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ]|[\u0300-\u0323]")


@dataclass(frozen=True)
class NameSplit:
    honorific: str | None
    title: str | None  # "Chairman": a hint for the form of address
    given_names: str | None
    family_name: str
    name_order: str
    address_by: str

    def form_of_address(self) -> str | None:
        """``Chairman Chung`` for a title and a Vietnamese name; None without a title."""
        if not self.title:
            return None
        from db.names import address_name

        name = address_name(self.given_names, self.family_name, self.address_by)
        return f"{self.title} {name}"


def _honorific(word: str) -> str | None:
    key = fold(word).replace(".", "")
    return _HONORIFICS.get(key)


def _title_at(words: list[str], start: int) -> tuple[str, int] | None:
    folded = [fold(w).replace("-", " ").strip(",") for w in words[start:]]
    flat = " ".join(folded).split()
    for parts, title in _TITLE_WORDS:
        if tuple(flat[: len(parts)]) == parts:
            # Count how many original words the title spans (hyphens join two parts).
            consumed, taken = 0, 0
            while taken < len(parts):
                taken += len(folded[consumed].split())
                consumed += 1
            return title, consumed
    return None


def _looks_vietnamese(words: list[str]) -> bool:
    """Vietnamese letters or tone marks anywhere (checked decomposed, so marks show)."""
    return any(_VIETNAMESE_LETTERS.search(unicodedata.normalize("NFD", w)) for w in words)


def split_name(text: str) -> NameSplit | None:
    """Honorific, title, given and family names of *text*; None if there is nothing to split."""
    words = nfc(" ".join(text.split())).split(" ") if text.strip() else []
    honorifics: list[str] = []
    titles: list[str] = []
    index = 0
    while index < len(words) - 1:  # always leave at least one word for the name
        honorific = _honorific(words[index])
        if honorific is not None:
            # Keep the user's own spelling ("Mrs." stays "Mrs."), except "HE" -> "H.E.".
            honorifics.append(honorific if fold(words[index]) == "he" else words[index])
            index += 1
            continue
        found = _title_at(words, index)
        if found is not None and index + found[1] < len(words):
            titles.append(found[0])
            index += found[1]
            continue
        break
    name = [w.strip(",") for w in words[index:] if w.strip(",")]
    if not name:
        return None
    honorific = " ".join(honorifics) or None
    title = " ".join(titles) or None
    if len(name) == 1:
        return NameSplit(honorific, title, None, name[0], NameOrder.MONONYM.value,
                         AddressBy.FAMILY.value)
    first = fold(name[0])
    vietnamese = _looks_vietnamese(name)
    if first in VIETNAMESE_FAMILY_NAMES and (vietnamese or first not in KOREAN_FAMILY_NAMES):
        return NameSplit(honorific, title, " ".join(name[1:]), name[0],
                         NameOrder.FAMILY_FIRST.value, AddressBy.GIVEN.value)
    if first in KOREAN_FAMILY_NAMES and not vietnamese:
        return NameSplit(honorific, title, " ".join(name[1:]), name[0],
                         NameOrder.FAMILY_FIRST.value, AddressBy.FAMILY.value)
    family_start = len(name) - 1
    while family_start > 1 and name[family_start - 1].lower() in _PARTICLES:
        family_start -= 1
    return NameSplit(honorific, title, " ".join(name[:family_start]),
                     " ".join(name[family_start:]), NameOrder.GIVEN_FIRST.value,
                     AddressBy.FAMILY.value)


__all__ = ["KOREAN_FAMILY_NAMES", "VIETNAMESE_FAMILY_NAMES", "NameSplit", "split_name"]
