"""The briefing pack: the delegation sheet, a bio sheet per member, the pairing profile,
in one PDF with a bookmark for each part."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak

from db import titles
from db.i18n import _
from db.rows import Reader
from gui.briefing import delegation, pairing, person
from gui.briefing.blocks import Part
from gui.briefing.common import Sheet
from gui.briefing.text import clean


@dataclass(frozen=True)
class PackBrief:
    delegation: delegation.DelegationBrief
    members: tuple[person.PersonBrief, ...]
    pairing: pairing.PairingBrief | None

    @property
    def title(self) -> str:
        return self.delegation.title


def load(session: Reader, delegation_id: int, *,
         policy: titles.TitlePolicy = titles.DEFAULT_POLICY,
         today: dt.date | None = None) -> PackBrief | None:
    brief = delegation.load(session, delegation_id, policy=policy, today=today)
    if brief is None:
        return None
    bios = person.load_many(session, [m.person.id for m in brief.members], policy=policy,
                            today=today)  # a delegation of twelve read as one person
    members = tuple(bios[m.person.id] for m in brief.members if m.person.id in bios)
    profile = pairing.load(session, brief.pairing.id) if brief.pairing else None
    return PackBrief(brief, members, profile)


def story(pack: PackBrief, sheet: Sheet) -> list[Flowable]:
    """Each part starts on a new page under its own level-0 bookmark; its sections are
    bookmarked one level down."""
    inner = sheet.nested()
    title = pack.delegation.title
    out: list[Flowable] = [Part(f"{_(delegation.KICKER)} · {title}",
                                outline=f"{_(delegation.KICKER)}: {title}",
                                key=sheet.keys.next(), level=sheet.level)]
    out += delegation.story(pack.delegation, inner)
    for member in pack.members:
        name = clean(member.view.display_name)
        out += [PageBreak(), Part(f"{_(person.KICKER)} · {name}",
                                  outline=f"{_(person.KICKER)}: {name}",
                                  key=sheet.keys.next(), level=sheet.level)]
        out += person.story(member, inner)
    if pack.pairing is not None:
        name = pack.pairing.title
        out += [PageBreak(), Part(f"{_(pairing.KICKER)} · {name}",
                                  outline=f"{_(pairing.KICKER)}: {name}",
                                  key=sheet.keys.next(), level=sheet.level)]
        out += pairing.story(pack.pairing, inner)
    return out
