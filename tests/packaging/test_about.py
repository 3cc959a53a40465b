"""Help > About: the version and licence from pyproject.toml, the fonts' licence as plain text."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from gui import about
from gui.about import AboutDialog, project_info, show_about

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
MARKUP = "<b>Copyright</b> &amp; <a href='x'>Fonts</a>"


@pytest.fixture
def fonts_dir(tmp_path: Path) -> Path:
    """A fonts folder like assets/fonts: one font file and a licence holding markup."""
    folder = tmp_path / "fonts"
    (folder / "Noto").mkdir(parents=True)
    source = next((ROOT / "assets" / "fonts").glob("*.ttf"), None) or Path(
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not source.is_file():
        pytest.skip("no TrueType font to test with")
    shutil.copy(source, folder / "Noto" / source.name)
    (folder / "Noto" / "OFL.txt").write_text(
        f"{MARKUP}\nSIL OPEN FONT LICENSE Version 1.1 — Nguyễn\n", encoding="utf-8")
    (folder / "README.md").write_text("not a licence", encoding="utf-8")
    return folder


def _label(dialog: AboutDialog, name: str) -> QLabel:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label


def test_version_and_licence_come_from_pyproject(qtbot: QtBot, fonts_dir: Path) -> None:
    dialog = AboutDialog(fonts_dir=fonts_dir)
    qtbot.addWidget(dialog)
    assert _label(dialog, "aboutVersion").text() == f"Version {PROJECT['version']}"
    assert PROJECT["license"]["text"] in _label(dialog, "aboutLicence").text()
    assert "GNU General Public License" in _label(dialog, "aboutLicence").text()


def test_the_icon_is_shown(qtbot: QtBot, fonts_dir: Path) -> None:
    dialog = AboutDialog(fonts_dir=fonts_dir)
    qtbot.addWidget(dialog)
    pixmap = _label(dialog, "aboutIcon").pixmap()
    assert not pixmap.isNull()
    assert pixmap.width() == about.ICON_PIXELS


def test_font_licence_is_shown_verbatim_as_plain_text(qtbot: QtBot, fonts_dir: Path) -> None:
    dialog = AboutDialog(fonts_dir=fonts_dir)
    qtbot.addWidget(dialog)
    tabs = dialog.licence_tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Noto/OFL.txt"]
    view = tabs.widget(0)
    assert isinstance(view, QPlainTextEdit)
    assert view.toPlainText().startswith(MARKUP)  # the tags are text, not formatting
    assert "Nguyễn" in view.toPlainText()
    fonts = _label(dialog, "aboutFonts")
    assert fonts.textFormat() == Qt.TextFormat.PlainText
    family = about.font_families(fonts_dir)
    assert family and family[0] in fonts.text()
    assert "licence below" in fonts.text()


def test_without_fonts_there_is_no_licence_tab(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = AboutDialog(fonts_dir=tmp_path / "nowhere")
    qtbot.addWidget(dialog)
    assert dialog.licence_tabs.count() == 0
    assert dialog.licence_tabs.isHidden()
    assert "system's fonts" in _label(dialog, "aboutFonts").text()


def test_every_label_is_plain_text(qtbot: QtBot, fonts_dir: Path) -> None:
    dialog = AboutDialog(fonts_dir=fonts_dir)
    qtbot.addWidget(dialog)
    texts = [label for label in dialog.findChildren(QLabel) if label.text()]
    assert texts
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in texts)


def test_version_falls_back_to_pyproject_when_not_installed(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "liaison"\nversion = "9.8.7"\n'
                         'license = { text = "GPL-3.0-or-later" }\n', encoding="utf-8")
    info = about._project_info_from(pyproject)
    assert (info.version, info.licence) == ("9.8.7", "GPL-3.0-or-later")
    assert about._project_info_from(tmp_path / "missing.toml").version == "unknown"
    pyproject.write_text("not [toml", encoding="utf-8")
    assert about._project_info_from(pyproject).version == "unknown"


def test_installed_metadata_matches_pyproject() -> None:
    """The two sources of the version agree (a stale install would show an old version)."""
    assert project_info().version == PROJECT["version"]


def test_show_about_opens_a_modal_dialog_that_goes_away(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = show_about(parent)
    qtbot.waitExposed(dialog)
    assert dialog.isModal() or dialog.windowModality() != Qt.WindowModality.NonModal
    assert dialog.windowTitle() == "About Liaison"
    with qtbot.waitSignal(dialog.destroyed):
        dialog.reject()
