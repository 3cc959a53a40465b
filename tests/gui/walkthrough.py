"""Developer tool: enter a delegation by keyboard only and photograph every step.

    xvfb-run -a -s "-screen 0 1024x640x24" .venv/bin/python -m tests.gui.walkthrough \\
        OUT_DIR [LANGUAGE]

A new delegation of three people (one a new Korean person, family name first,
created from the member picker with their title and organisation) and two
meetings, from Ctrl+N to Ctrl+S, with nothing but keys: Tab to move, Space on a
button, arrows and Enter in a picker's list, text committed as an input method
does. Each step saves ``NN-step.png`` (the whole screen, dialogs included) in
OUT_DIR and a line in ``story.txt``. Exits 1 if a step cannot be done by keyboard.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from db.catalog import create_catalog
from gui import app as app_module
from gui import language
from gui.forms.dialog import EditorDialog
from gui.main_window import MainWindow
from gui.settings import Settings

MEMBERS = (("Nguyễn Đức Chung", None),
           ("Chairman Yoon Jae Hyun", ("Chairman", "Seoul Metropolitan Government")),
           ("Bruno Angelet", None))
MEETINGS = (("Hội kiến Chủ tịch UBND Thành phố Hà Nội", "14/06/2025", "09:00"),
            ("Làm việc với Khu công nghệ cao Hòa Lạc", "15/06/2025", "14:00"))


class Walk:
    def __init__(self, app: QApplication, out: Path) -> None:
        self.app = app
        self.out = out
        self.step = 0
        self.story: list[str] = []

    # ------------------------------------------------------------ looking

    def wait(self, ready: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
        end = time.monotonic() + timeout
        while not ready():
            self.app.processEvents()
            if time.monotonic() > end:
                raise SystemExit(f"step {self.step}: timed out waiting for {what}")
            time.sleep(0.02)

    def settle(self, seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.app.processEvents()
            time.sleep(0.02)

    def shot(self, name: str, note: str) -> None:
        self.settle()
        self.step += 1
        path = self.out / f"{self.step:02d}-{name}.png"
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(str(path))
        focus = QApplication.focusWidget()
        self.story.append(f"{path.name}: {note} [focus: {focus.objectName() if focus else None}]")
        print(self.story[-1], flush=True)

    # ------------------------------------------------------------ keys

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        if widget is None:
            raise SystemExit("no widget has the keyboard focus")
        return widget

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
            times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.focus(), key, modifier)
            self.app.processEvents()

    def type(self, text: str) -> None:
        """Commit *text* as an input method does (Vietnamese included)."""
        event = QInputMethodEvent("", [])
        event.setCommitString(text)
        QApplication.sendEvent(self.focus(), event)
        self.app.processEvents()

    def tab_to(self, wanted: Callable[[QWidget], bool], what: str, limit: int = 60) -> None:
        """Tab (then Shift+Tab) until the focus is on a widget *wanted* says yes to."""
        for modifier in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            for _ in range(limit):
                if wanted(self.focus()):
                    return
                self.key(Qt.Key.Key_Tab if modifier == Qt.KeyboardModifier.NoModifier
                         else Qt.Key.Key_Backtab)
        chain = []
        for _ in range(25):
            self.key(Qt.Key.Key_Tab)
            chain.append(self.focus().objectName() or type(self.focus()).__name__)
        raise SystemExit(f"step {self.step}: Tab never reaches {what}; Tab goes {chain}")

    def tab_to_name(self, name: str) -> None:
        self.tab_to(lambda w: w.objectName() == name, name)

    def tab_to_field(self, name: str) -> None:
        """Tab to the input of field *name* (a line, a picker or a combo)."""
        names = {f"edit_{name}", f"picker_{name}", f"combo_{name}"}
        self.tab_to(lambda w: w.objectName() in names, f"the field {name}")

    def pick(self, text: str, *, create: bool = False) -> None:
        """Type in a picker, then Down to the match (or "Create new…") and Enter."""
        self.type(text)
        popup = next((w for w in QApplication.topLevelWidgets()
                      if w.isVisible() and w.inherits("QAbstractItemView")), None)
        if popup is None:
            raise SystemExit(f"step {self.step}: no list of matches for {text!r}")
        model = popup.model()  # type: ignore[attr-defined]
        target = model.rowCount() - 1 if create else 0
        for _ in range(target + 1):
            QTest.keyClick(popup, Qt.Key.Key_Down)
        self.app.processEvents()
        QTest.keyClick(popup, Qt.Key.Key_Return)
        self.app.processEvents()

    @staticmethod
    def modal(name: str) -> QWidget | None:
        dialog = QApplication.activeModalWidget()
        return dialog if dialog is not None and dialog.objectName() == name else None

    def press_create(self) -> None:
        """Tab to the dialog's Create button and press Space."""
        self.tab_to(lambda w: isinstance(w, QAbstractButton)
                    and w.objectName() == "createButton", "Create")
        self.key(Qt.Key.Key_Space)

    def next_tab_page(self) -> None:
        self.key(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)


def run(out: Path, code: str) -> int:
    app = QApplication(sys.argv[:1])
    translator = language.apply(app, code)
    del translator
    folder = Path(tempfile.mkdtemp())
    create_catalog(folder / "Sample.liaison", sample=True).close()
    store = QSettings(str(folder / "walk.ini"), QSettings.Format.IniFormat)
    window = MainWindow("catalog", Settings(store))
    area = QGuiApplication.primaryScreen().availableGeometry()
    window.resize(area.width(), area.height())
    window.show()
    app_module.open_catalog(window, str(folder / "Sample.liaison"), default=False)
    walk = Walk(app, out)
    walk.wait(lambda: bool(window.pages), "the sections")
    walk.shot("window", "the window as it opens on the sample catalog")

    window.activateWindow()
    walk.wait(lambda: QApplication.focusWidget() is not None, "focus in the window")
    walk.key(Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    walk.wait(lambda: window.current_page().name == "delegations", "the delegations section")
    walk.shot("delegations", "Ctrl+4: the delegations section")

    walk.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    walk.wait(lambda: any(d.isVisible() for d in window.findChildren(EditorDialog)),
              "the new delegation")
    editor = next(d for d in window.findChildren(EditorDialog) if d.isVisible())
    editor.activateWindow()
    walk.wait(lambda: QApplication.focusWidget() is not None, "a focused field")
    walk.shot("new-delegation", "Ctrl+N: a new delegation, the cursor in its title")
    walk.type("Đoàn Thành phố Seoul thăm Hà Nội")
    walk.shot("title", "the title typed; the window title follows it")

    walk.tab_to_name("picker_host_city_id")
    walk.pick("Ha Noi")
    walk.shot("host-city", "Tab to Host city, 'Ha Noi' typed, Down and Enter: Hanoi chosen")
    walk.tab_to_field("start_date")
    walk.type("13/06/2025")
    walk.key(Qt.Key.Key_Tab)
    walk.tab_to_field("end_date")
    walk.type("15/06/2025")
    walk.key(Qt.Key.Key_Tab)
    walk.shot("dates", "dates typed as people write them (13/06/2025)")

    walk.next_tab_page()
    walk.shot("members-tab", "Ctrl+PgDown: the Members tab")
    for index, (name, position) in enumerate(MEMBERS):
        walk.tab_to_name("add_members")
        walk.key(Qt.Key.Key_Space)
        walk.wait(lambda: walk.focus().objectName() == "picker_person_id", "the member's name")
        if position is not None:
            title, organisation = position

            def fill(title: str = title, organisation: str = organisation) -> None:
                person = walk.modal("quickCreate")
                if person is None:
                    QTimer.singleShot(50, fill)
                    return
                walk.shot("quick-create", "Create new person…: the name split family first")
                walk.tab_to_field("title")
                walk.type(title)
                walk.tab_to_name("picker_organisation_id")

                def organisation_dialog() -> None:
                    found = walk.modal("quickCreate")
                    if found is None or found is person:
                        QTimer.singleShot(50, organisation_dialog)
                        return
                    walk.shot("new-organisation", "its organisation is new too: made on the spot")
                    walk.press_create()

                QTimer.singleShot(50, organisation_dialog)
                walk.pick(organisation, create=True)
                person.activateWindow()
                walk.wait(lambda: QApplication.focusWidget() is not None, "focus back")
                walk.shot("quick-create-filled", "title and organisation filled in")
                walk.press_create()

            QTimer.singleShot(50, fill)
            walk.pick(name, create=True)
            editor.activateWindow()  # (no window manager under Xvfb to give it back)
            walk.wait(lambda: QApplication.focusWidget() is not None, "focus back")
        else:
            walk.pick(name)
        walk.shot(f"member-{index + 1}", f"member {index + 1}: {name}")

    walk.next_tab_page()
    walk.shot("programme-tab", "Ctrl+PgDown: the Visit programme tab")
    for index, (title, day, start) in enumerate(MEETINGS):
        walk.tab_to_name("add_engagements")
        walk.key(Qt.Key.Key_Space)
        walk.type(title)
        walk.tab_to_field("date")
        walk.type(day)
        walk.tab_to_field("start_time")
        walk.type(start)
        walk.key(Qt.Key.Key_Tab)
        walk.shot(f"meeting-{index + 1}", f"meeting {index + 1}: {title}")

    walk.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    walk.wait(lambda: editor is None or not editor.isVisible(), "the save", 30)
    walk.wait(lambda: window.shown is not None
              and window.shown.view.title == "Đoàn Thành phố Seoul thăm Hà Nội", "the detail")
    walk.shot("saved", "Ctrl+S: saved; the delegation in the detail pane")
    window.activateWindow()  # (no window manager under Xvfb to give it back)
    walk.wait(lambda: QApplication.focusWidget() is not None, "focus back in the window")
    walk.key(Qt.Key.Key_F8)
    walk.shot("detail-folded", "F8: the detail pane folded, the list has the whole width")
    walk.key(Qt.Key.Key_F8)
    (out / "story.txt").write_text("\n".join(walk.story) + "\n", encoding="utf-8")
    window.close()
    return 0


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    sys.exit(run(target, sys.argv[2] if len(sys.argv) > 2 else "vi"))
