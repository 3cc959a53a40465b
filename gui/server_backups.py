"""File > Back Up and Restore on a shared office database: the server's job, said plainly.

A catalog on a database server has no backups in Liaison: whoever runs the
server keeps them (``pg_dump``, or the hosting's snapshots) and restores them.
Greying the menu items out would leave a user wondering where the backups
went, so they stay enabled and say so, and offer the portable copy anyone can
take: File > Export (the whole catalog as Liaison JSON), the same as
``liaison export json`` on the command line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from db.i18n import _

APP_NAME = "Liaison"


def explain(parent: QWidget | None, name: str, *, restore: bool = False) -> bool:
    """Say who backs up (or restores) the shared database *name*; True when the user
    chooses to export a copy now."""
    if restore:
        title = _("Restoring a shared database")
        text = _("{name} is a shared office database on a database server. Only whoever "
                 "runs the server can restore it, from the server's own backups "
                 "(pg_restore). Liaison backs up and restores catalog files only.")
    else:
        title = _("Backups of a shared database")
        text = _("{name} is a shared office database on a database server. Its backups "
                 "are the server's job: whoever runs the server backs it up (with pg_dump, "
                 "or the hosting's snapshots). Liaison backs up and restores catalog "
                 "files only.")
    box = QMessageBox(QMessageBox.Icon.Information, f"{title} — {APP_NAME}",
                      text.format(name=name), parent=parent)
    box.setObjectName("serverBackupMessage")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText(_(
        "For a copy of your own that any Liaison can open, use File > Export (whole "
        "catalog, Liaison JSON), or on the command line:\n"
        "liaison export json -o FILE --database-url URL"))
    export = box.addButton(_("Export…"), QMessageBox.ButtonRole.AcceptRole)
    export.setObjectName("exportButton")
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(export)
    box.exec()
    return box.clickedButton() is export
