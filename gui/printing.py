"""File > Print Briefing: the sheet of the record shown, previewed before printing.

Paper size and the classification line are remembered settings; a briefing
exists for people, delegations (a pack adds bio sheets and the pairing),
pairings and events.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QWidget

from db.i18n import N_, _
from db.kinds import RecordKind
from gui import settings as registry

if TYPE_CHECKING:
    from db.catalog import Catalog
    from gui.worker import Worker

BRIEFED = (RecordKind.PERSON, RecordKind.DELEGATION, RecordKind.PAIRING, RecordKind.EVENT)
NOTHING_TO_PRINT = N_("Open a person, delegation, pairing or event to print its briefing.")
NOT_BRIEFED = N_("Briefings are printed for people, delegations, pairings and events.")


def print_briefing(parent: QWidget, catalog: Catalog, kind: RecordKind, record_id: int,
                   settings: registry.Settings, worker: Worker, *,
                   pack: bool = False) -> QWidget:
    """Open the preview of *kind* *record_id*'s briefing (a pack for a delegation)."""
    from gui.preview import open_briefing

    sheet = "pack" if pack and kind == RecordKind.DELEGATION else kind.value
    classification = settings.value(registry.CLASSIFICATION).strip() or None
    return open_briefing(parent, catalog, sheet, record_id,
                         paper=settings.value(registry.PAPER_SIZE),
                         classification=classification, worker=worker)


def print_shown(parent: QWidget, catalog: Catalog | None,
                shown: tuple[RecordKind, int, int, str] | None, settings: registry.Settings,
                worker: Worker, say: Callable[[str], None], *,
                pack: bool = False) -> QWidget | None:
    """File > Print Briefing on the record a detail pane shows: its preview, or None
    after *say*ing why there is nothing to print."""
    if catalog is None or shown is None:
        say(_(NOTHING_TO_PRINT))
        return None
    kind, record_id, _version, _label = shown
    if kind not in BRIEFED:
        say(_(NOT_BRIEFED))
        return None
    return print_briefing(parent, catalog, kind, record_id, settings, worker, pack=pack)


def choose_classification(parent: QWidget, settings: registry.Settings) -> None:
    text, accepted = QInputDialog.getText(
        parent, _("Classification line"),
        _("Printed at the top and bottom of every briefing page (leave empty for none):"),
        text=settings.value(registry.CLASSIFICATION))
    if accepted:
        settings.set_value(registry.CLASSIFICATION, text.strip())
