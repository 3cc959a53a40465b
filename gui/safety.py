"""What the user sees when their catalog needs protecting.

* :func:`offer_restore_after_damage`: the catalog failed its check at start;
  it has been moved aside unchanged, and the newest good backup is offered.
* :func:`choose_backup` / :func:`restore_backup`: File > Restore from backup.
* :func:`warn_network_filesystem`, :func:`warn_backup_failed`: non-blocking
  warnings after a catalog opened.
* :class:`ReadOnlyBanner`: a strip for the main window while the catalog is
  read-only.

All text is plain (file names are user text); every action goes through
``db.backup``, never SQL.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.i18n import N_, _, format_date, format_datetime, format_list, format_number, format_time
from db.kinds import RecordKind
from db.vocabulary import count
from gui.widgets import Banner

if TYPE_CHECKING:
    from db.backup import BackupInfo
    from db.catalog import Catalog, DamagedCatalogError

APP_NAME = "Liaison"
TEXT_WIDTH = 480  # the damage dialog's text column, in pixels
# The counts a backup's summary gives, most telling first (a backup counts by table name).
COUNTED = (RecordKind.PERSON, RecordKind.ORGANISATION, RecordKind.DELEGATION, RecordKind.EVENT)


def _label(text: str, parent: QWidget | None = None, *, selectable: bool = False) -> QLabel:
    """Wrapped plain text: file names and reasons are never parsed as markup."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def count_summary(info: BackupInfo) -> str:
    """``18 people, 43 organisations, 4 delegations and 10 events`` (``18 người, …``)."""
    parts = [count(kind, info.counts[kind.value]) for kind in COUNTED
             if kind.value in info.counts]
    if not parts:
        return _("no records")
    return format_list(parts)


def when_text(info: BackupInfo) -> str:
    """``Tuesday, 13 June 2017 at 14:00`` / ``Thứ Ba, ngày 13 tháng 6 năm 2017 lúc 14:00``."""
    when = info.taken_at
    return _("{date} at {time}").format(date=format_date(when.date(), "full"),
                                        time=format_time(when))


# ---------------------------------------------------------------- damaged catalog


class DamageChoice(enum.Enum):
    RESTORE = "restore"
    CHOOSE = "choose"
    CANCEL = "cancel"


class DamageDialog(QDialog):
    """Says what happened to a damaged catalog and offers its newest good backup."""

    def __init__(self, error: DamagedCatalogError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from db import backup

        self.error = error
        self.choice = DamageChoice.CANCEL
        self.backup: BackupInfo | None = (backup.backup_info(error.backup)
                                          if error.backup is not None else None)
        where = error.path or error.quarantined
        name = where.name if where is not None else _("The catalog")
        self.setWindowTitle(_("{name} is damaged").format(name=name) + f" — {APP_NAME}")
        self.setObjectName("damageDialog")

        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.headline = _label(_("“{name}” is damaged and cannot be opened.").format(name=name),
                               self)
        font = QFont(self.headline.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.headline.setFont(font)
        self.what_happened = _label(self._what_happened(), self, selectable=True)
        self.offer = _label(self._offer(), self, selectable=True)
        detail = str(error).split(" is damaged (", 1)[-1].split(").", 1)[0]
        self.detail = _label(_("What SQLite reported: {detail}").format(detail=detail), self,
                             selectable=True)
        palette = self.detail.palette()
        grey = QColor(palette.color(QPalette.ColorRole.WindowText))
        grey.setAlphaF(0.62)  # secondary, yet readable (a disabled label is washed out)
        palette.setColor(QPalette.ColorRole.WindowText, grey)
        self.detail.setPalette(palette)

        self.buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        self.choose_button: QPushButton | None = None
        if self.backup is not None:
            self.restore_button = self.buttons.addButton(
                _("Restore this backup"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.restore_button.setDefault(True)
            self.restore_button.clicked.connect(lambda: self._finish(DamageChoice.RESTORE))
        if error.path is not None and backup.list_backups(error.path):
            self.choose_button = self.buttons.addButton(
                _("Choose another backup…"), QDialogButtonBox.ButtonRole.ActionRole)
            self.choose_button.clicked.connect(lambda: self._finish(DamageChoice.CHOOSE))
        self.cancel_button = self.buttons.addButton(
            _("Don't restore") if self.backup is not None else _("Close"),
            QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(lambda: self._finish(DamageChoice.CANCEL))

        text = QVBoxLayout()
        text.setSpacing(10)
        for widget in (self.headline, self.what_happened, self.offer, self.detail):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 20, 20, 16)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addWidget(self.buttons)
        for label in (self.headline, self.what_happened, self.offer, self.detail):
            label.setFixedWidth(TEXT_WIDTH)  # wrapped text then gets its true height
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def _what_happened(self) -> str:
        moved = self.error.quarantined
        if moved is None:
            return _("SQLite found damage inside the file. Liaison has not changed it, and "
                     "will not write to it.")
        return _("SQLite found damage inside the file. To keep it safe, Liaison moved it "
                 "aside unchanged, as “{name}” in {folder}, and will never write to it. "
                 "Your IT support can often recover records from it.").format(
                     name=moved.name, folder=moved.parent)

    def _offer(self) -> str:
        if self.backup is None:
            return _("No good backup of this catalog was found, so there is nothing to "
                     "restore. Keep the damaged file; do not delete it.")
        return _("The newest good backup was taken on {when} and holds {counts}. Changes "
                 "made after that time are not in it. Restore it as your catalog?").format(
                     when=when_text(self.backup), counts=count_summary(self.backup))

    def _finish(self, choice: DamageChoice) -> None:
        self.choice = choice
        if choice is DamageChoice.CANCEL:
            self.reject()
        else:
            self.accept()


def offer_restore_after_damage(parent: QWidget | None,
                               error: DamagedCatalogError) -> Path | None:
    """Explain a damaged catalog and offer to restore; the catalog path once restored.

    Call it when :func:`db.catalog.open_catalog` raises
    :class:`~db.catalog.DamagedCatalogError`, then open the returned path.
    None means nothing was restored (no backup, or the user declined).
    """
    if error.path is None:
        return None
    while True:
        dialog = DamageDialog(error, parent)
        dialog.exec()
        chosen: Path | None = None
        if dialog.choice is DamageChoice.RESTORE and dialog.backup is not None:
            chosen = dialog.backup.path
        elif dialog.choice is DamageChoice.CHOOSE:
            chosen = choose_backup(parent, error.path)
            if chosen is None:
                continue
        dialog.deleteLater()
        if chosen is None:
            return None
        if restore_backup(parent, error.path, chosen):
            return error.path


# ---------------------------------------------------------------- restore from a backup


class BackupsDialog(QDialog):
    """The backups of one catalog, newest first; the user picks one to restore."""

    COLUMNS = (N_("Taken"), N_("Why"), N_("People"), N_("Organisations"), N_("Delegations"),
               N_("Events"))

    def __init__(self, catalog_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from db import backup
        from db.catalog import backup_dir

        self.setWindowTitle(_("Restore {name} from a backup").format(name=catalog_path.name)
                            + f" — {APP_NAME}")
        self.setObjectName("backupsDialog")
        self.backups = backup.list_backups(catalog_path)
        intro = _label(
            _("Backups of “{name}” kept in {folder}. Restoring one replaces the catalog; the "
              "current catalog is kept as a backup first, so a restore can itself be "
              "undone.").format(name=catalog_path.name, folder=backup_dir(catalog_path)), self)
        self.table = QTableWidget(len(self.backups), len(self.COLUMNS), self)
        self.table.setObjectName("backupsTable")
        self.table.setHorizontalHeaderLabels([_(c) for c in self.COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        for row, info in enumerate(self.backups):
            cells = [format_datetime(info.taken_at), info.label]
            cells += [format_number(info.counts[k.value]) if k.value in info.counts else "—"
                      for k in COUNTED]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(_("Restore"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        if self.backups:
            self.table.selectRow(0)
        self._selection_changed()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 380)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()].path if rows else None


def choose_backup(parent: QWidget | None, catalog_path: Path) -> Path | None:
    """Let the user pick one of *catalog_path*'s backups; None if cancelled."""
    dialog = BackupsDialog(catalog_path, parent)
    try:
        return dialog.selected() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


def restore_backup(parent: QWidget | None, catalog_path: Path, backup_path: Path) -> bool:
    """Restore *backup_path* as *catalog_path*, telling the user how it went.

    The caller closes its own :class:`~db.catalog.Catalog` on that file first
    (a restore is refused while the file is open anywhere) and reopens it after.
    """
    from db import backup
    from db.catalog import CatalogError

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        result = backup.restore(catalog_path, backup_path)
    except CatalogError as exc:
        QGuiApplication.restoreOverrideCursor()
        _message(parent, QMessageBox.Icon.Critical, _("The backup was not restored"), str(exc))
        return False
    QGuiApplication.restoreOverrideCursor()
    if result.previous is not None and not result.previous_was_damaged:
        note = " " + _("The catalog it replaced was kept as the backup “{name}”.").format(
            name=result.previous.name)
    else:
        note = ""
    _message(parent, QMessageBox.Icon.Information, _("Backup restored"),
             _("“{name}” is now the backup from {when}.").format(
                 name=catalog_path.name, when=when_text(backup.backup_info(backup_path))) + note,
             modal=False)
    return True


# ---------------------------------------------------------------- warnings


def _message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, *,
             modal: bool = True, more: str = "") -> QMessageBox:
    box = QMessageBox(icon, f"{title} — {APP_NAME}", text, parent=parent)
    box.setObjectName("safetyMessage")
    box.setTextFormat(Qt.TextFormat.PlainText)
    if more:
        box.setInformativeText(more)
    if modal:
        box.exec()
    else:
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    return box


def warn_network_filesystem(parent: QWidget | None, catalog: Catalog) -> QMessageBox | None:
    """A non-blocking warning when the catalog lives on a network drive; else None."""
    from db.catalog import network_warning

    if catalog.path is None or catalog.network_fs is None:
        return None
    text = network_warning(catalog.path, catalog.network_fs).removeprefix("Warning: ")
    return _message(parent, QMessageBox.Icon.Warning, _("Catalog on a network drive"), text,
                    modal=False, more=_("Liaison keeps working, but to be safe copy the catalog "
                                        "to this computer, or move the office's records to the "
                                        "shared database."))


def warn_backup_failed(parent: QWidget | None, catalog: Catalog) -> QMessageBox | None:
    """A non-blocking warning when the automatic backup on opening failed; else None."""
    if not catalog.backup_problem:
        return None
    return _message(parent, QMessageBox.Icon.Warning, _("No backup today"),
                    catalog.backup_problem + " " + _("Your catalog opened normally; Liaison will "
                                                     "try again next time."), modal=False)


class ReadOnlyBanner(Banner):
    """A strip above the content while the catalog is read-only (hidden otherwise).

    Place it in the main window's layout and call :meth:`show_for` with each
    catalog opened.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("readOnlyBanner", ("#fff4ce", "#e3c65f", "#3d3000"), parent)

    def show_for(self, catalog: Catalog | None) -> None:
        """Show the banner, with the reason, for a read-only catalog; hide it otherwise."""
        if catalog is None or not catalog.read_only:
            self.hide()
            return
        self.label.setText(catalog.read_only_message())
        self.show()
