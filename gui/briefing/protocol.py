"""What a protocol briefing says beyond names and titles (compare the US Chief of
Protocol's guide to working with foreign dignitaries): how to say a name and how to
write it on letters and place cards, languages and interpreting, dietary needs; for a
delegation, arrival and departure, the hotel, whom to call on each side, the press.

Who reads what:

* The **internal** sheet prints all of it: on the bio sheet the pronunciation under
  the name and the written style of address under the spoken form of address, and a
  "Protocol" block (interpreting, dietary requirements, protocol notes); on the
  delegation sheet "Arrival and departure", "Contact officers", "Press", and the
  needs of everyone on the sheet (pronunciation, languages, interpreting, diet) in one
  table, for whoever seats the dinner and books the interpreters.
* The **counterpart's copy** (programme and participants only) prints none of the
  office's protocol facts: not the pronunciation or written style it keeps for its
  own letters, not anyone's diet or interpreter needs (personal details the office was
  told, not the counterpart), not travel or hotel arrangements (security, and theirs
  to confirm with their own people), not the press plan. It prints the **contact
  officers of both sides**, with their phone and e-mail: both sides need to know whom
  to call, and a protocol office gives the counterpart its liaison officer's number.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from db import reads
from db.i18n import _, locale_name
from gui.briefing import styles
from gui.briefing.common import Sheet, muted
from gui.briefing.paragraphs import Paragraph
from gui.briefing.tables import MIN_ROW_SPLIT, SheetTable, facts_table, list_table, table_style
from gui.briefing.text import clean, esc, has, join


def boxed(sheet: Sheet, body: Sequence[Flowable]) -> Table:
    """A block with the accent rule on its left, as protocol notes are printed."""
    table = SheetTable([[list(body)]], colWidths=[sheet.width], hAlign="LEFT",
                       splitInRow=MIN_ROW_SPLIT)
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), styles.ACCENT_LIGHT),
        ("LINEBEFORE", (0, 0), (0, -1), 2.2, styles.ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


# ---------------------------------------------------------------- a person


def language_name(code: str) -> str:
    """``vi`` -> ``Vietnamese`` (``tiếng Việt`` on a Vietnamese sheet, from CLDR);
    anything else as typed."""
    text = clean(code)
    if 2 <= len(text) <= 3 and text.isalpha():
        from babel import Locale, UnknownLocaleError

        try:
            name = Locale.parse(locale_name()).languages.get(text.lower())
        except (UnknownLocaleError, ValueError):
            name = None
        if name:
            return str(name)
        import pycountry

        found = pycountry.languages.get(**{"alpha_2" if len(text) == 2 else "alpha_3":
                                           text.lower()})
        if found is not None:
            return str(found.name)
    return text



def pronunciation_row(sheet: Sheet, view: reads.PersonView) -> tuple[str, str]:
    """The row under the name on the bio sheet (empty on the counterpart's copy)."""
    if not sheet.internal or not has(view.pronunciation):
        return (_("Pronunciation"), "")
    return (_("Pronunciation"), "<i>{}</i>".format(sheet.cell(view.pronunciation,
                                                              _("Pronunciation"))))


def written_address_row(sheet: Sheet, view: reads.PersonView) -> tuple[str, str]:
    """The written style of address, under the spoken form of address."""
    if not sheet.internal or not has(view.written_address):
        return (_("In writing"), "")
    return (_("In writing"), sheet.cell(view.written_address, _("Written style of address")))


def person_protocol(sheet: Sheet, view: reads.PersonView) -> list[Flowable]:
    """The "Protocol" block of the bio sheet: interpreting, diet, protocol notes.
    Nothing on the counterpart's copy, nor when none is recorded."""
    if not sheet.internal:
        return []
    rows = [(_("Interpreting"), sheet.cell(view.interpreter, _("Interpreter needs"))
             if has(view.interpreter) else ""),
            (_("Dietary requirements"), sheet.cell(view.dietary, _("Dietary requirements"))
             if has(view.dietary) else "")]
    body: list[Flowable] = []
    if any(value for _label, value in rows):
        body.append(facts_table(rows, sheet.width - 16, sheet.st, label_width=36 * mm))
    if has(view.protocol_notes):
        if body:
            body.append(Spacer(0, 5))
        body.append(Paragraph(sheet.cell(view.protocol_notes, _("Protocol notes")),
                              sheet.st.body))
    if not body:
        return []
    return sheet.section(_("Protocol"), boxed(sheet, body))


# ---------------------------------------------------------------- a delegation


def _needs(sheet: Sheet, person: reads.PersonView, language: str) -> list[str]:
    """(name with pronunciation, languages and interpreting, diet) of one member."""
    name = f"<b>{esc(person.display_name)}</b>"
    if has(person.pronunciation):
        name += "<br/><i>{}</i>".format(muted(sheet.cell(person.pronunciation,
                                                         _("Pronunciation"))))
    if has(person.written_address):  # for the place card and the letters
        name += "<br/>{} {}".format(muted(esc(_("In writing:"))), sheet.cell(
            person.written_address, _("Written style of address")))
    talk = join([esc(language), sheet.cell(person.interpreter, _("Interpreter needs"))
                 if has(person.interpreter) else ""], "<br/>")
    diet = sheet.cell(person.dietary, _("Dietary requirements")) if has(person.dietary) else ""
    return [name, talk, diet]


def needs_table(sheet: Sheet, people: Sequence[reads.PersonView],
                language_names: Sequence[str]) -> list[Flowable]:
    """One row for each person on the sheet (members, then the people they meet) who
    has a pronunciation, written style, interpreter or dietary need recorded; internal
    only.
    *language_names* are their languages as the sheet names them."""
    if not sheet.internal:
        return []
    rows = [_needs(sheet, p, languages)
            for p, languages in zip(people, language_names, strict=True)
            if any(has(text) for text in (p.pronunciation, p.written_address,
                                          p.interpreter, p.dietary))]
    if not rows:
        return []
    rest = sheet.width - 58 * mm
    return sheet.section(_("Protocol needs"), list_table(
        [_("Name"), _("Languages and interpreting"), _("Dietary requirements")], rows,
        [58 * mm, rest * 0.5, rest * 0.5], sheet.st))


def international(phone: str | None) -> str:
    """``+84 90 123 4567``: dialled from either side, so never in a national form."""
    if not phone:
        return ""
    # The phone library (15 ms of a 0.2 s process) loads only for a sheet with a phone.
    from db import phones

    return phones.international(phone)


def _contact_cell(sheet: Sheet, contact: reads.ContactView | None, side: str) -> str:
    if contact is None:
        return ""
    lines = [f"<b>{esc(contact.name)}</b>" if contact.name else ""]
    reach = join([esc(international(contact.phone)), esc(contact.email)], " · ")
    lines.append(reach)
    if has(contact.details):
        lines.append(sheet.cell(contact.details, side))
    return join(lines, "<br/>")


def logistics(sheet: Sheet, view: reads.DelegationView) -> list[Flowable]:
    """Arrival and departure, contact officers, press: see the module docstring for
    what the counterpart's copy keeps (the contact officers only)."""
    out: list[Flowable] = []
    if sheet.internal:
        travel = [(_("Arrival"), sheet.cell(view.arrival, _("Arrival"))
                   if has(view.arrival) else ""),
                  (_("Departure"), sheet.cell(view.departure, _("Departure"))
                   if has(view.departure) else ""),
                  (_("Hotel"), sheet.cell(view.accommodation, _("Accommodation"))
                   if has(view.accommodation) else "")]
        if any(value for _label, value in travel):
            out += sheet.section(_("Arrival and departure"),
                                 facts_table(travel, sheet.width, sheet.st))
    ours = _contact_cell(sheet, view.our_contact, _("Our contact officer"))
    theirs = _contact_cell(sheet, view.their_contact, _("Their contact officer"))
    if ours or theirs:
        # Named by role, not "ours": the counterpart reads this copy too.
        rows = [(_("Host side"), ours), (_("Visiting side"), theirs)]
        if view.direction == "outgoing":
            rows = [(_("Host side"), theirs), (_("Visiting side"), ours)]
        out += sheet.section(_("Contact officers"),
                             facts_table(rows, sheet.width, sheet.st))
    if sheet.internal and has(view.press):
        out += sheet.section(_("Press"), sheet.para(view.press))
    return out
