"""Pieces every sheet shares: the context a story is built in, the title block, person
rows, dates in cells, the sources list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from db import dates, reads, titles
from db.i18n import N_, _
from db.rows import Reader
from gui.briefing import fonts, photos, styles
from gui.briefing.address import address_on
from gui.briefing.blocks import HeadedBlock, Heading, Keys
from gui.briefing.overflow import SECTION_TITLE, Overflow, short
from gui.briefing.paragraphs import Paragraph
from gui.briefing.portrait import Portrait
from gui.briefing.styles import Styles
from gui.briefing.tables import MIN_ROW_SPLIT, SheetTable, table_style
from gui.briefing.text import (
    approximate_phrase,
    clean,
    day,
    esc,
    has,
    initials,
    join,
    label,
    sentence,
)
from gui.briefing.textlines import Run, TextLines


@dataclass
class Sheet:
    """Where a story is being built: styles, usable width, bookmark keys, outline level."""

    st: Styles
    width: float
    keys: Keys = field(default_factory=Keys)
    level: int = 0
    policy: titles.TitlePolicy = titles.DEFAULT_POLICY
    overflow: Overflow = field(default_factory=Overflow)
    # The counterpart's copy: programme and participants only, none of the office's notes.
    counterpart: bool = False

    def nested(self) -> Sheet:
        """The same sheet one bookmark level down (the parts of a briefing pack)."""
        return Sheet(self.st, self.width, self.keys, self.level + 1, self.policy,
                     self.overflow, self.counterpart)

    @property
    def internal(self) -> bool:
        """Whether the office's own remarks (protocol notes, notes on people and
        engagements, what to confirm) may be printed: not on the counterpart's copy."""
        return not self.counterpart

    def cell(self, text: str | None, what: str) -> str:
        """Markup for user text in a table cell, continued at the end when too long."""
        return self.overflow.markup(text, what)

    def heading(self, text: str, *, outline: bool = True, space_before: float = 12) -> Heading:
        text = short(text)  # a heading cannot split: long user text in it is cut
        return Heading(esc(text), self.st.heading, outline=text if outline else None,
                       level=self.level, key=self.keys.next(), space_before=space_before,
                       continued=text)

    def section(self, title: str, *body: Flowable, outline: bool = True) -> list[Flowable]:
        """A heading with its body; the heading stays with the start of the body."""
        heading = self.heading(title, outline=outline)
        if not body:
            return [heading]
        return [HeadedBlock(heading, body[0]), *body[1:]]

    def para(self, text: str | None, style: Any | None = None) -> Paragraph:
        return Paragraph(esc(text), style or self.st.body)


def title_block(sheet: Sheet, kicker: str, title: str, subtitle_markup: str) -> list[Flowable]:
    st = sheet.st
    story: list[Flowable] = [Paragraph(esc(short(kicker).upper()), st.kicker),
                             Paragraph(sheet.overflow.markup(title, "Title", 400), st.title)]
    if subtitle_markup:
        story.append(Paragraph(subtitle_markup, st.subtitle))
    story.append(Spacer(0, 6))
    return story


def status_markup(status: str) -> str:
    colour = styles.STATUS_COLOURS.get(status, styles.MUTED).hexval()[2:]
    return f'<font color="#{colour}"><b>{esc(label(status).upper())}</b></font>'


def muted(text: str) -> str:
    """Markup for a quiet remark (already plain text of ours or escaped)."""
    return f'<font color="#{styles.MUTED.hexval()[2:]}">{text}</font>'


def quiet(text: str) -> str:
    """Markup for a remark of ours in quiet italics (plain text, escaped here)."""
    return f"<i>{muted(esc(text))}</i>"


def caution(text: str) -> str:
    """Markup for something to check (already plain text of ours or escaped)."""
    return f'<font color="#{styles.CAUTION.hexval()[2:]}">{text}</font>'


def when_cell(start: dt.date | None, end: dt.date | None, note: str | None,
              st: Styles, extra: str = "") -> Paragraph:
    """A date cell: the dates in bold, or the date note in quiet italics."""
    from gui.briefing.text import date_range

    dates = date_range(start, end)
    if dates:
        markup = f"<b>{esc(dates)}</b>"
        if extra:
            markup += f"<br/>{esc(extra)}"
        if has(note):
            markup += f"<br/><i>{muted(esc(short(note, 400)))}</i>"
        return Paragraph(markup, st.cell)
    if has(note):
        return Paragraph(f"<i>{esc(sentence(short(note, 400)))}</i>", st.cell_small)
    return Paragraph(quiet(_("Date not recorded")), st.cell_small)


def local_name(name: str, local: str | None) -> str:
    """``Hanoi (Hà Nội)``: the local name when it differs and the font can print it
    (each cut short: a place name sits in titles and cells that cannot split)."""
    loc = short(local)
    if loc and loc.casefold() != short(name).casefold() and fonts.covers(loc):
        return f"{short(name)} ({loc})"
    return short(name)


def original_script(text: str | None) -> str:
    """The name in its own script, when the bundled font can print it."""
    value = clean(text)
    return value if value and fonts.covers(value) else ""


def position_text(position: reads.PositionView | None) -> tuple[str, str]:
    """(title, organisation) of a position, the organisation left out when the title
    already names it ("Chairman of the Hanoi People's Committee")."""
    if position is None:
        return "", ""
    org = position.organisation.label if position.organisation else ""
    if org and clean(org).casefold() in clean(position.title).casefold():
        org = ""
    return clean(position.title), clean(org)


def person_block(sheet: Sheet, person: reads.PersonView, day: dt.date | None, *,
                 note: str | None = None,
                 shared: Sequence[titles.SharedOffice] = ()) -> list[Flowable]:
    """Name in the person's own order, title and organisation held on *day*, form of
    address: what a protocol officer needs, one line each (plain text, see TextLines),
    and the note under them.

    A title no source confirms for *day* is printed "as of" its evidence and never
    made into the form of address; someone else recorded in the same single-holder
    office is named under it. The counterpart's copy prints only a confirmed title and
    none of these remarks.
    """
    on = day or dt.date.today()
    found = person.title_standing(on, sheet.policy)
    if found and not found[1].confirmed and not sheet.internal:
        found = None
    title, org = position_text(found[0] if found else None)
    cut = sheet.overflow.plain
    full_name = clean(person.display_name) or _("(name not recorded)")
    who = short(full_name, 60)
    name = cut(full_name, _("Name"))
    title = cut(title, _("Title of {name}").format(name=who))
    org = cut(org, _("Organisation"))
    script = cut(original_script(person.original_script), _("Name in original script"))
    lines = [[Run(f"{name}  {script}" if script else name, fonts.BOLD, 10.5, styles.INK)]]
    if title:
        line = [Run(title, fonts.REGULAR, 9, styles.INK)]
        if found and not found[1].confirmed:
            line.append(Run(f" ({found[1].as_of()})", fonts.ITALIC, 9, styles.CAUTION))
        lines.append(line)
    if org:
        lines.append([Run(org, fonts.REGULAR, 9, styles.MUTED)])
    for other in shared if sheet.internal else ():
        lines.append([Run(cut(shared_office_text(other), _("Shared office")), fonts.ITALIC,
                          8.5, styles.CAUTION)])
    address = address_on(person, on, sheet.policy)
    text = cut(address.text, _("Form of address of {name}").format(name=who))
    if text and (text != name or address.fallback) and sheet.internal:
        line = [Run(_("Address as") + " ", fonts.REGULAR, 9, styles.MUTED),
                Run(text, fonts.BOLD, 9, styles.INK)]
        if address.fallback:
            line.append(Run(" " + _("(title unconfirmed)"), fonts.ITALIC, 9, styles.CAUTION))
        lines.append(line)
    block: list[Flowable] = [TextLines(lines)]
    if has(note) and sheet.internal:
        block.append(Paragraph(sheet.cell(note, _("Note on {name}").format(name=who)),
                               sheet.st.cell_note))
    return block


def shared_offices(session: Reader, people: Sequence[reads.PersonView], day: dt.date | None,
                   policy: titles.TitlePolicy) -> dict[int, tuple[titles.SharedOffice, ...]]:
    """For each person, anyone else recorded in the same single-holder office on *day*
    (the title printed for them), in one query for all of them."""
    on = day or dt.date.today()
    shown = {person.id: [found[0]] for person in people
             if (found := person.title_standing(on, policy)) is not None}
    others = titles.shared_offices_of(session, shown, on, policy)
    return {person_id: tuple(others[person_id]) for person_id in shown if others.get(person_id)}


def shared_office_text(other: titles.SharedOffice) -> str:
    """``Also recorded in this office: Trần Sỹ Thanh (as of 2 December 2024)``."""
    standing = other.standing
    when = _("held on the day") if standing.confirmed else standing.as_of()
    return _("Also recorded in this office: {name} ({when}); check who holds it").format(
        name=clean(other.name), when=when)


def portrait(person: reads.PersonView, photo: reads.Photo | None,
             diameter: float) -> Portrait:
    image = photos.portrait(photo.data, photo.portrait) if photo else None
    return Portrait(diameter, image, initials(person.display_name),
                    f"{person.id}:{person.family_name}")


def people_table(sheet: Sheet,
                 rows: Sequence[tuple[Flowable, Flowable | list[Flowable], Flowable | str]], *,
                 diameter: float, role_width: float = 36 * mm, plain_roles: bool = False,
                 ) -> Table:
    """Portrait, who they are, their role: one row per person, no header.

    With *plain_roles* the role cells are this package's own short role names, drawn
    as plain text in the accent colour; otherwise they are markup (or flowables).
    """
    picture = diameter + 8
    data = [[p, who, role if plain_roles or not isinstance(role, str)
             else Paragraph(role, sheet.st.cell)] for p, who, role in rows]
    table = SheetTable(data, colWidths=[picture, sheet.width - picture - role_width, role_width],
                  hAlign="LEFT", splitInRow=MIN_ROW_SPLIT)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("LEFTPADDING", (1, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LINEBELOW", (0, 0), (-1, -2), 0.4, styles.RULE),
        ("FONT", (2, 0), (2, -1), fonts.BOLD, 9, 12),
        ("TEXTCOLOR", (2, 0), (2, -1), styles.ACCENT),
        ("TOPPADDING", (2, 0), (2, -1), 7.5),
    ]))
    return table


def sources_section(sheet: Sheet, sources: Sequence[reads.SourceView]) -> list[Flowable]:
    if not sources:
        return []
    st = sheet.st
    rows = []
    for number, source in enumerate(sources, start=1):
        details = join([clean(source.publisher),
                        history_day(source.published_on)], ", ")
        what = _("Source {number}").format(number=number)
        markup = f"<b>{sheet.cell(source.title, what)}</b>"
        if details:
            publisher = _("{source}, publisher").format(source=what)
            markup += f" — {sheet.cell(details, publisher)}"
        if has(source.url):
            link = _("{source}, link").format(source=what)
            markup += f"<br/>{muted(sheet.cell(source.url, link))}"
        rows.append([Paragraph(f"{number}.", st.cell_small), Paragraph(markup, st.cell_small)])
    table = SheetTable(rows, colWidths=[8 * mm, sheet.width - 8 * mm], hAlign="LEFT",
                  splitInRow=MIN_ROW_SPLIT)
    table.setStyle(table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return sheet.section(_("Sources"), table)


def history_day(value: dt.date | None) -> str:
    from gui.briefing.text import day

    return day(value) if value else ""


def period(start: dt.date | None, end: dt.date | None, note: str | None) -> str:
    """Plain text for a position's period: ``since 2020``, ``2015 – 2019``, or the note."""
    if start and end:
        return f"{day(start)} – {day(end)}"
    if start:
        return _("since {date}").format(date=day(start))
    if end:
        return _("until {date}").format(date=day(end))
    return clean(note)


# Which day the titles on a sheet are read on, said plainly: whole sentences per kind of
# sheet (a visit, an event), never built around a translated noun.
_DAY_PHRASES = {
    "visit": (N_("Titles as held on {date}, the first day of the visit"),
              N_("Titles as held on {date}, the first dated engagement"),
              N_("Titles as held on {date}, as the date note says"),
              N_("Titles as held in {date}, as the date note says"),
              N_("Titles as held today: the visit's date is not recorded")),
    "event": (N_("Titles as held on {date}, the first day of the event"),
              N_("Titles as held on {date}, the first dated session"),
              N_("Titles as held on {date}, as the date note says"),
              N_("Titles as held in {date}, as the date note says"),
              N_("Titles as held today: the event's date is not recorded")),
}


def titles_day_phrase(start: dt.date | None, first_dated: dt.date | None, note: str | None,
                      what: str) -> str:
    """Which day printed titles are read on, said plainly: the first day, else the first
    dated engagement or session, else what the date note says. *what* is ``visit`` or
    ``event``."""
    first_day, first_dated_item, on_note, in_note, today = _DAY_PHRASES[what]
    if start is not None:
        return _(first_day).format(date=day(start))
    if first_dated is not None:
        return _(first_dated_item).format(date=day(first_dated))
    found = dates.approximate(note)
    if found is not None:
        return _(on_note if found.precise else in_note).format(date=approximate_phrase(found))
    return _(today)


def continued_section(sheet: Sheet) -> list[Flowable]:
    """The texts cut short on the sheet, in full: ordinary paragraphs that flow across
    as many pages as they need (see overflow.Overflow)."""
    if not sheet.overflow.items:
        return []
    out: list[Flowable] = []
    for number, (what, text) in enumerate(sheet.overflow.items, start=1):
        out.append(Paragraph(f"{number}. {esc(short(what, 120))}", sheet.st.subheading))
        out.extend(Paragraph(esc(part), sheet.st.body) for part in _paragraphs(text))
    return sheet.section(_(SECTION_TITLE), *out)


def _paragraphs(text: str, size: int = 4_000) -> list[str]:
    """*text* in paragraphs of at most about *size* characters: a 50,000-character
    paragraph is laid out again on every page it crosses, which is slow."""
    parts: list[str] = []
    for block in text.split("\n\n"):
        while len(block) > size:
            cut = block.rfind(" ", size // 2, size)
            cut = cut if cut > 0 else size
            parts.append(block[:cut])
            block = block[cut:].lstrip()
        if block.strip():
            parts.append(block)
    return parts
