"""The main window: menus, the people list, the status bar. No business logic.

The window is built and shown before the catalog opens (the first frame must
not wait for SQLModel to import); :meth:`MainWindow.show_catalog` fills it in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QMessageBox, QTableView

from gui import settings as registry
from gui.models.people import PeopleColumn, PeopleModel

if TYPE_CHECKING:
    from db.catalog import Catalog

APP_NAME = "Liaison"


def window_title(catalog_name: str) -> str:
    return f"{catalog_name} — {APP_NAME}"


class MainWindow(QMainWindow):
    def __init__(self, catalog_name: str, settings: registry.Settings) -> None:
        super().__init__()
        self._settings = settings
        self.catalog: Catalog | None = None
        self.setWindowTitle(window_title(catalog_name))
        self.people_model = PeopleModel(parent=self)
        self.people_view = QTableView(self)
        self.people_view.setObjectName("peopleView")
        self.people_view.setModel(self.people_model)
        self.people_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.people_view.setAlternatingRowColors(True)
        self.people_view.verticalHeader().setVisible(False)
        self.people_view.setWordWrap(False)
        self.people_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.people_view.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in ((PeopleColumn.NAME, 240), (PeopleColumn.TITLE, 360),
                              (PeopleColumn.ORGANISATION, 320)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.setCentralWidget(self.people_view)
        self.status_label = QLabel("Opening the catalog…", self)
        self.statusBar().addWidget(self.status_label)
        self._build_menus()
        self.resize(1180, 720)
        geometry = settings.value(registry.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

    def show_catalog(self, catalog: Catalog) -> None:
        self.setWindowTitle(window_title(catalog.name))
        self.people_model.set_catalog(catalog)
        self.status_label.setText(f"{self.people_model.total:,} people")

    def show_problem(self, message: str) -> None:
        self.status_label.setText("No catalog open")
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.set_value(registry.WINDOW_GEOMETRY, self.saveGeometry())
        super().closeEvent(event)
