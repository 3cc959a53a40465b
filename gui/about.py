"""Help > About: name, version, licence, the fonts' licence, and what Liaison runs on.

Version and licence have one source, ``pyproject.toml``: the installed package's
metadata (which pip and PyInstaller copy from it), or the file itself when
Liaison runs from a source tree that was never installed. Everything read from
files is shown as plain text, never as markup.
"""

from __future__ import annotations

import platform
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont, QRawFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.i18n import _, ngettext
from gui.icons import app_icon

DISTRIBUTION = "liaison"
ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
FONTS_DIR = ROOT / "assets" / "fonts"
GPL_URL = "https://www.gnu.org/licenses/gpl-3.0.html"
LICENCE_MARKERS = ("license", "licence", "ofl", "copying")
# A licence is a few kilobytes; anything much larger is not one and is cut short.
MAX_LICENCE_CHARS = 200_000
ICON_PIXELS = 96


@dataclass(frozen=True)
class ProjectInfo:
    version: str
    licence: str


@dataclass(frozen=True)
class FontLicence:
    """One licence file found among the bundled fonts."""

    name: str  # its path relative to assets/fonts, e.g. "NotoSans/OFL.txt"
    text: str


def project_info(pyproject: Path = PYPROJECT) -> ProjectInfo:
    """Version and licence from the installed metadata, else from pyproject.toml."""
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return _project_info_from(pyproject)
    # get_all: a missing field is None, where indexing will raise in newer Pythons.
    licences = (meta.get_all("License-Expression") or []) + (meta.get_all("License") or [])
    return ProjectInfo(version=meta["Version"],
                       licence=licences[0] if licences else "see pyproject.toml")


def _project_info_from(pyproject: Path) -> ProjectInfo:
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return ProjectInfo(version="unknown", licence="unknown")
    licence = project.get("license", "unknown")
    if isinstance(licence, dict):
        licence = licence.get("text") or licence.get("file") or "unknown"
    return ProjectInfo(version=str(project.get("version", "unknown")), licence=str(licence))


def font_licences(fonts_dir: Path = FONTS_DIR) -> list[FontLicence]:
    """Every licence file under *fonts_dir* (OFL.txt, LICENSE, ...), sorted by path."""
    if not fonts_dir.is_dir():
        return []
    found = []
    for path in sorted(fonts_dir.rglob("*")):
        if path.is_file() and any(marker in path.name.lower() for marker in LICENCE_MARKERS):
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                text = _("Could not read this file: {error}").format(error=exc.strerror or exc)
            if len(text) > MAX_LICENCE_CHARS:
                text = text[:MAX_LICENCE_CHARS] + "\n[…]"
            found.append(FontLicence(path.relative_to(fonts_dir).as_posix(), text))
    return found


def font_families(fonts_dir: Path = FONTS_DIR) -> list[str]:
    """Font families shipped in *fonts_dir*, named as in the font files themselves."""
    if not fonts_dir.is_dir():
        return []
    families: set[str] = set()
    for path in fonts_dir.rglob("*"):
        if path.suffix.lower() in (".ttf", ".otf"):
            # QRawFont reads the name table without registering the font with the app.
            font = QRawFont(str(path), 12)
            if font.isValid() and font.familyName():
                families.add(font.familyName())
    return sorted(families)


def fonts_sentence(families: list[str], licences: list[FontLicence]) -> str:
    """What the fonts section says: which fonts print the briefing sheets, and their licence."""
    if not families:
        return _("Briefing sheets are set in the system's fonts.")
    names = ", ".join(families)
    if not licences:
        return _("Briefing sheets are set in {fonts}.").format(fonts=names)
    return ngettext("Briefing sheets are set in {fonts}, under the licence below.",
                    "Briefing sheets are set in {fonts}, under the licences below.",
                    len(licences)).format(fonts=names)


def runtime_line() -> str:
    return (f"Python {platform.python_version()} · PySide6 {PySide6.__version__} · "
            f"Qt {qVersion()} · {platform.system()} {platform.machine()}")


def _plain_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, fonts_dir: Path = FONTS_DIR) -> None:
        super().__init__(parent)
        info = project_info()
        self.setWindowTitle(_("About Liaison"))
        self.setWindowIcon(app_icon())

        icon = QLabel(self)
        icon.setObjectName("aboutIcon")
        icon.setPixmap(app_icon().pixmap(ICON_PIXELS, ICON_PIXELS))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)

        title = _plain_label("Liaison", self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        self.version_label = _plain_label(_("Version {version}").format(version=info.version), self)
        self.version_label.setObjectName("aboutVersion")
        summary = _plain_label(
            _("The catalog of your city's international relations: delegations, officials, "
              "organisations, city pairings and events, with printable briefing sheets."), self)
        self.licence_label = _plain_label(
            _("Copyright © the Liaison developers. Free software under the GNU General Public "
              "License, version 3 or any later version ({licence}); it comes with "
              "absolutely no warranty.\nThe licence: {url}").format(licence=info.licence,
                                                                  url=GPL_URL), self)
        self.licence_label.setObjectName("aboutLicence")

        heading = QVBoxLayout()
        heading.setSpacing(6)
        for widget in (title, self.version_label, summary, self.licence_label):
            heading.addWidget(widget)
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(icon)
        top.addLayout(heading, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        licences = font_licences(fonts_dir)
        families = font_families(fonts_dir)
        self.fonts_label = _plain_label(fonts_sentence(families, licences), self)
        self.fonts_label.setObjectName("aboutFonts")
        layout.addSpacing(6)
        layout.addWidget(self.fonts_label)
        self.licence_tabs = QTabWidget(self)
        self.licence_tabs.setObjectName("fontLicences")
        self.licence_tabs.setDocumentMode(True)
        for licence in licences:
            view = QPlainTextEdit(self.licence_tabs)
            view.setReadOnly(True)
            view.setPlainText(licence.text)
            view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
            self.licence_tabs.addTab(view, licence.name)
        self.licence_tabs.setVisible(bool(licences))
        layout.addWidget(self.licence_tabs, 1)
        if not licences:
            layout.addStretch(1)
        runtime = _plain_label(runtime_line(), self)
        runtime.setObjectName("aboutRuntime")
        runtime.setEnabled(False)  # drawn in the palette's muted colour
        layout.addWidget(runtime)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 520 if licences else 300)


def show_about(parent: QWidget | None) -> AboutDialog:
    """Open the About dialog (window-modal) and return it; it deletes itself when closed."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
