"""Developer tool: screenshots of every editor, filled from a catalog, one PNG per tab.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m tests.gui.forms.shoot \
        /tmp/f/sample.liaison /tmp/forms-shots
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from sqlmodel import select

from db.catalog import Catalog, open_catalog
from db.models import TABLES, Person, RecordKind
from gui.forms import form_for
from gui.forms.context import FormContext

K = RecordKind
# The richest sample record of each kind (most rows in its parts).
KINDS = (K.PERSON, K.ORGANISATION, K.CITY, K.PROGRAMME, K.PAIRING, K.DELEGATION, K.EVENT,
         K.SOURCE, K.ENGAGEMENT, K.COOPERATION_AREA)


def _richest(catalog: Catalog, kind: RecordKind) -> int:
    from db.ops import load_draft

    best, best_size = 1, -1
    with catalog.read_session() as session:
        if kind == K.PERSON:
            person = session.exec(select(Person).where(Person.family_name == "Nguyễn",
                                                       Person.given_names == "Đức Chung")).one()
            return int(person.id)
        for record_id in session.exec(select(TABLES[kind].id)).all():
            draft = load_draft(session, kind, record_id)
            assert draft is not None
            size = sum(len(rows) for rows in draft.parts.values())
            if size > best_size:
                best, best_size = record_id, size
    return best


def main(catalog_path: str, out: str) -> int:
    app = QApplication(sys.argv[:1])
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    catalog = open_catalog(catalog_path)
    context = FormContext.for_catalog(catalog)
    for kind in KINDS:
        form = form_for(kind, context)
        form.resize(900, 760)
        form.load(_richest(catalog, kind))
        form.show()
        for index in range(form.tabs.count()):
            form.tabs.setCurrentIndex(index)
            app.processEvents()
            name = form.tabs.tabText(index).lower().replace(" ", "-")
            form.grab().save(str(target / f"{kind.value}-{index}-{name}.png"))
        form.close()
    _states(app, catalog, context, target)
    catalog.close()
    return 0


def _commit(widget: QWidget, text: str) -> None:
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _shot(app: QApplication, widget: QWidget, path: Path) -> None:
    widget.show()
    for _ in range(3):
        app.processEvents()
    widget.grab().save(str(path))


def _states(app: QApplication, catalog: Catalog, context: FormContext, target: Path) -> None:
    """Forms in the states a user meets: invalid input, a pasted name, a conflict..."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    from db import ops
    from gui.conflict import ConflictDialog, conflict_rows
    from gui.forms.labels import field_label
    from gui.forms.prompts import confirm_delete_box, unsaved_changes_box
    from gui.forms.quick_create import QuickCreateDialog
    from gui.forms.rows import RowsEditor
    from gui.photos import PhotoField

    chung = _richest(catalog, K.PERSON)
    # 1. A new person with mistakes: each message beside its field, Save disabled.
    form = form_for(K.PERSON, context)
    form.resize(900, 760)
    _commit(form.fields.fields["given_names"].input(), "Thị Hoàng Yến")
    _commit(form.fields.fields["email"].input(), "yen at hanoi")
    _commit(form.fields.fields["phone"].input(), "+84 12")
    _shot(app, form, target / "state-person-invalid.png")
    positions = form.fields.fields["positions"]
    assert isinstance(positions, RowsEditor)
    positions.add_row()
    row = positions.row_form.fieldset.fields
    _commit(row["start_date"].input(), "2020-01-02")
    _commit(row["end_date"].input(), "2019-13-01")
    form.tabs.setCurrentIndex(1)
    _shot(app, form, target / "state-position-invalid.png")
    form.close()

    # 2. A pasted name, with the offer to split it; a photo.
    form = form_for(K.PERSON, context)
    form.resize(900, 760)
    family = form.fields.fields["family_name"]
    family.input().setFocus()
    QApplication.clipboard().setText("Chairman Nguyễn Đức Chung")
    family.input().paste()  # type: ignore[attr-defined]
    photo = form.fields.fields["photo"]
    assert isinstance(photo, PhotoField)
    image = QImage(600, 800, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 600, 800)
    gradient.setColorAt(0, QColor("#2d6a8f"))
    gradient.setColorAt(1, QColor("#e8c07d"))
    painter.fillRect(image.rect(), gradient)
    painter.setBrush(QColor("#f3d9b1"))
    painter.drawEllipse(180, 160, 240, 300)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    photo.add_bytes(bytes(buffer.data().data()), "portrait.png")
    _shot(app, form, target / "state-person-pasted-name-and-photo.png")
    photo.add_bytes(b"<b>not an image</b>", "notes.png")
    _shot(app, form, target / "state-photo-refused.png")
    form.close()

    # 3. Hostile text: markup, quotes, emoji, right-to-left, 2,000 characters.
    form = form_for(K.PERSON, context)
    form.resize(900, 760)
    _commit(form.fields.fields["family_name"].input(), "<b>Bold</b> & \"Sons\" 🙂 שלום")
    _commit(form.fields.fields["given_names"].input(), "Đức &amp;")
    _commit(form.fields.fields["biography"].input(), "<i>not italic</i> " + "x" * 2000)
    form.save()
    form.tabs.setCurrentWidget(form.history)
    _shot(app, form, target / "state-hostile-history.png")
    form.tabs.setCurrentIndex(0)
    _shot(app, form, target / "state-hostile-details.png")
    form.close()

    # 4. The questions: unsaved changes, delete, conflict, quick create.
    _shot(app, unsaved_changes_box(None, "Nguyễn Đức Chung"), target / "prompt-unsaved.png")
    box, _delete = confirm_delete_box(None, "Delete the person “Nguyễn Đức Chung”?", [
        "Also deleted with it: 1 position, 1 membership of a delegation, 1 place in a meeting."])
    _shot(app, box, target / "prompt-delete.png")
    with catalog.read_session() as session:
        base = ops.load_draft(session, K.PERSON, chung)
    assert base is not None
    mine = ops.Draft(K.PERSON, {**base.values, "email": "chung@hanoi.gov.vn",
                                "phone": "+84 24 3825 3536"}, base.id, base.version, base.parts)
    theirs = ops.Draft(K.PERSON, {**base.values, "email": "office@hanoi.gov.vn",
                                  "biography": "Mayor of Hanoi 2015–2020."}, base.id,
                       base.version, base.parts)
    person_form = form_for(K.PERSON, context)
    person_form.load(chung)
    rows = conflict_rows(base, mine, theirs, label=field_label,
                         display=person_form.fields.display)
    _shot(app, ConflictDialog("Nguyễn Đức Chung", rows), target / "prompt-conflict.png")
    _shot(app, QuickCreateDialog(context, K.PERSON, "Chairman Kwon Young Gull"),
          target / "prompt-quick-create-person.png")
    _shot(app, QuickCreateDialog(context, K.ORGANISATION, "Saigon Innovation Hub"),
          target / "prompt-quick-create-organisation.png")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
