"""Marking a title "confirmed today": a dated attestation, and the source that says so.

A title known only from a 2017 article prints "as of 2017" until someone checks it
(a phone call to the protocol office, the organisation's website). Confirming it
adds today's date to the position's attestations (db.titles) and records who or
what confirmed it as a source cited by the person, so the sheet prints the title as
current and its Sources list says on what authority. All of it is one transaction,
and :func:`unconfirm` takes all of it back (undo); :func:`reconfirm` puts the same
rows back with their ids (redo).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from db.catalog.handle import Catalog
from db.i18n import _, format_date
from db.kinds import RecordKind
from db.models import Position
from db.ops import NotFoundError, Result, Tombstone, ValidationError, transaction


@dataclass(frozen=True)
class Confirmation:
    """What :func:`confirm` did, as undo and redo need it."""

    result: Result
    position_id: int
    before: tuple[str, ...]  # the attestations before
    after: tuple[str, ...]
    version: int  # the position's version after the step
    source_id: int
    citation_id: int


def confirm(catalog: Catalog, position_id: int, *, expected_version: int, source: str,
            day: dt.date | None = None) -> Confirmation:
    """Attest the position on *day* (today) on the word of *source* (required)."""
    text = " ".join((source or "").split())
    if not text:
        raise ValidationError(RecordKind.SOURCE, {"title": _(
            "Say who or what confirmed the title.")})
    on = day or dt.date.today()
    with transaction(catalog) as tx:
        position = tx.session.get(Position, position_id)
        if position is None:
            raise NotFoundError(_("This position no longer exists."))
        before = tuple(position.attested_on)
        after = tuple(sorted({*before, on.isoformat()}))
        version = tx.update(RecordKind.POSITION, position_id, {"attested_on": list(after)},
                            expected_version=expected_version)
        source_id = tx.create(RecordKind.SOURCE, {"title": text, "published_on": on})
        citation_id = tx.create(RecordKind.CITATION, {
            "source_id": source_id, "record_kind": RecordKind.PERSON.value,
            "record_id": position.person_id,
            "note": _("Confirms “{title}” on {date}").format(title=position.title,
                                                             date=format_date(on))})
    assert tx.result is not None
    return Confirmation(tx.result, position_id, before, after, version, source_id,
                        citation_id)


def unconfirm(catalog: Catalog, done: Confirmation) -> tuple[Result, Tombstone, int]:
    """Undo :func:`confirm`: the attestation, the citation and the source go again.

    Returns the result, the tombstone of the source (its citation with it) for
    :func:`reconfirm`, and the position's version after the step.
    """
    with transaction(catalog) as tx:
        grave = tx.remove(RecordKind.SOURCE, done.source_id, expected_version=None)
        version = tx.update(RecordKind.POSITION, done.position_id,
                            {"attested_on": list(done.before)}, expected_version=done.version)
    assert tx.result is not None
    return tx.result, grave, version


def reconfirm(catalog: Catalog, done: Confirmation, grave: Tombstone,
              expected_version: int) -> Confirmation:
    """Redo :func:`confirm` after :func:`unconfirm`: the same source and citation back."""
    with transaction(catalog) as tx:
        tx.restore(grave)
        version = tx.update(RecordKind.POSITION, done.position_id,
                            {"attested_on": list(done.after)}, expected_version=expected_version)
    assert tx.result is not None
    return Confirmation(tx.result, done.position_id, done.before, done.after, version,
                        done.source_id, done.citation_id)
