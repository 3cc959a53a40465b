"""Developer tool: how long the editors take on the sample and on a large catalog.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.gui.forms.measure [PEOPLE]

Every figure is the median of several runs, printed beside a floor measured in the same
run (building a bare QLineEdit form of the same number of rows, one empty read
transaction), so a slow machine shows as a slow floor, not as a slow editor.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFormLayout, QLineEdit, QWidget
from sqlmodel import select

from db import ops, synthetic
from db.catalog import Catalog, create_catalog
from db.kinds import RecordKind
from db.models import DelegationMember, Person
from gui.forms import form_for
from gui.forms.context import FormContext
from gui.photos import photo_from_bytes
from tests.gui.forms.test_photos import huge_png_header

K = RecordKind


def median_ms(run: Callable[[], object], times: int = 7) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def line(name: str, value: float, floor: float | None = None) -> None:
    extra = f"   (floor {floor:8.2f} ms)" if floor is not None else ""
    print(f"{name:<52}{value:9.2f} ms{extra}")


def bare_form() -> None:
    widget = QWidget()
    layout = QFormLayout(widget)
    for index in range(20):
        layout.addRow(str(index), QLineEdit())
    widget.deleteLater()


def measure(catalog: Catalog, label: str) -> None:
    context = FormContext.for_catalog(catalog)
    floor_form = median_ms(bare_form)
    floor_read = median_ms(lambda: catalog.read_session().close())
    with catalog.read_session() as session:
        person = session.exec(select(Person.id)).first()
        delegation = session.exec(select(DelegationMember.delegation_id)).first()
    assert person is not None and delegation is not None
    print(f"--- {label}")
    for kind, record in ((K.PERSON, person), (K.DELEGATION, delegation)):
        def open_and_load(kind: RecordKind = kind, record: int = record) -> None:
            form = form_for(kind, context)
            form.load(record)
            form.deleteLater()

        line(f"open the {kind.value} form and load a record", median_ms(open_and_load),
             floor_form)
    form = form_for(K.PERSON, context)
    form.load(person)
    line("reload a person into an open form", median_ms(lambda: form.load(person)), floor_read)
    emails = iter(f"x{i}@example.org" for i in range(100))

    def save() -> None:
        form.fields.fields["email"].set_value(next(emails))
        assert form.save()

    line("save an edited person (one transaction)", median_ms(save), floor_read)
    stack = context.editing.stack
    line("undo a save", median_ms(stack.undo, 5), floor_read)
    line("redo a save", median_ms(stack.redo, 5), floor_read)
    line("type-ahead: 'nguyen' in the person picker",
         median_ms(lambda: context.lookup.find(K.PERSON, "nguyen")), floor_read)
    line("type-ahead: 'ha' in the organisation picker",
         median_ms(lambda: context.lookup.find(K.ORGANISATION, "ha")), floor_read)
    with catalog.read_session() as session:
        line("capture what deleting a person removes",
             median_ms(lambda: ops.capture(session, K.PERSON, person)), floor_read)


def main() -> int:
    people = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert app is not None
    with tempfile.TemporaryDirectory() as folder:
        with create_catalog(Path(folder) / "sample.liaison", sample=True) as catalog:
            measure(catalog, "sample catalog")
        with create_catalog(Path(folder) / "big.liaison", sample=False) as catalog:
            start = time.perf_counter()
            synthetic.generate(catalog, people=people)
            print(f"(generated {people:,} people in {time.perf_counter() - start:.1f} s)")
            measure(catalog, f"generated catalog, {people:,} people")
    image = QImage(4000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 90)  # type: ignore[call-overload]
    camera = bytes(buffer.data().data())
    print("--- photos")
    line("12-megapixel JPEG checked and scaled to 1024 px",
         median_ms(lambda: photo_from_bytes(camera, "camera.jpg"), 5))

    def refuse() -> None:
        try:
            photo_from_bytes(huge_png_header(), "huge.png")
        except Exception:
            return

    line("200-megapixel PNG refused (header only)", median_ms(refuse))
    return 0


if __name__ == "__main__":
    sys.exit(main())
