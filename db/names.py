"""How a person is named and addressed.

Protocol gets this wrong more often than anything else: ``Nguyễn Đức Chung``
is written family name first and addressed by his given name (``Chairman
Chung``), ``Kwon Young Gull`` is written family first and addressed by his
family name (``Chairman Kwon``), ``Bruno Angelet`` is written given name first.
These rules live here once so lists, search, briefings and forms agree.
"""

from __future__ import annotations

from db.folding import nfc
from db.kinds import AddressBy, NameOrder


def display_name(given_names: str | None, family_name: str, name_order: str) -> str:
    """The full name in the person's own order, with diacritics, without honorific."""
    given = (given_names or "").strip()
    family = family_name.strip()
    if name_order == NameOrder.MONONYM or not given:
        return nfc(family or given)
    if name_order == NameOrder.FAMILY_FIRST:
        return nfc(f"{family} {given}")
    return nfc(f"{given} {family}")


def sort_key(given_names: str | None, family_name: str) -> str:
    """Accent-free, case-free key for alphabetical order by family name then given names."""
    from db.folding import fold

    return f"{fold(family_name.strip())}\x1f{fold((given_names or '').strip())}"


_NOT_A_NAME = "()[]{}\"“”,;:"


def address_name(given_names: str | None, family_name: str, address_by: str) -> str:
    """The name a title goes with: the last given name for Vietnamese practice.

    Central Highlands names keep their prefix (``Y Biêr``, never a bare ``Biêr``),
    and brackets or commas left over from a pasted alias never reach an address.
    """
    given = " ".join((given_names or "").replace("(", " ").replace(")", " ").split())
    family = (family_name or "").strip().strip(_NOT_A_NAME).strip()
    if address_by == AddressBy.GIVEN and given:
        words = [w.strip(_NOT_A_NAME) for w in given.split() if w.strip(_NOT_A_NAME)]
        if words:
            if len(words) == 2 and words[0] == "Y":
                return nfc(" ".join(words))
            return nfc(words[-1])
    return nfc(family or given.strip(_NOT_A_NAME))


def form_of_address(
    *,
    explicit: str | None,
    address_title: str | None,
    honorific: str | None,
    given_names: str | None,
    family_name: str,
    address_by: str,
) -> str:
    """``Chairman Chung``: an explicit form wins, then the title held, then the honorific."""
    if explicit and explicit.strip():
        return nfc(explicit.strip())
    name = address_name(given_names, family_name, address_by)
    for prefix in (address_title, honorific):
        if prefix and prefix.strip():
            return nfc(f"{prefix.strip()} {name}")
    return name
