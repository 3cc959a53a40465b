"""Walk a window as a reader would and collect the interface's own words.

User data (names, titles typed by users) lives in line edits, lists and the detail pane's
text; the walker reads only the chrome: the window title, menus and actions, buttons, tab
titles, group box titles, captions (labels that are a field's buddy) and table headers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

# Words that read the same in a Vietnamese interface (names, units, standards, keys).
SAME_IN_BOTH = {"OK", "A4", "Letter", "ISO", "Liaison", "PDF", "Ctrl", "JSON", "CSV",
                "XLSX", "vCard", "iCal", "English", "Email", "URL", "…", "...", "—", "×"}
_WORD = re.compile(r"[A-Za-z]{2,}")


def chrome_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every word of the interface under *root*."""
    if isinstance(root, QMainWindow):
        for menu_action in root.menuBar().actions():
            yield from _menu_texts(menu_action.menu(), menu_action.text())
    if root.isWindow() and root.windowTitle():
        yield "title", root.windowTitle()
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QAbstractButton) and widget.text():
            yield type(widget).__name__, widget.text()
        elif isinstance(widget, QGroupBox) and widget.title():
            yield "QGroupBox", widget.title()
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield "tab", widget.tabText(index)
        elif isinstance(widget, QLabel) and widget.buddy() is not None and widget.text():
            yield "caption", widget.text()
        elif isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                if isinstance(header, str) and header:
                    yield "header", header


def _menu_texts(menu: QMenu | None, title: str) -> Iterator[tuple[str, str]]:
    yield "menu", title
    if menu is None:
        return
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from _menu_texts(action.menu(), action.text())  # type: ignore[arg-type]
        elif action.text():
            yield "action", action.text()


@cache
def _vietnamese_words() -> frozenset[str]:
    """Every translation in our catalog: some Vietnamese words need no diacritics."""
    from babel.messages.pofile import read_po

    from db import i18n

    path = i18n.TRANSLATIONS_DIR / "vi" / "LC_MESSAGES" / "liaison.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale="vi")
    found: set[str] = set()
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found.update(text.replace("&", "") for text in strings if text)
    return frozenset(found)


def looks_english(text: str) -> bool:
    """ASCII words that are not Vietnamese of ours and not the same in both languages."""
    plain = text.replace("&", "")
    if any(ord(ch) > 127 for ch in plain) or plain in _vietnamese_words():
        return False
    return any(w not in SAME_IN_BOTH for w in _WORD.findall(plain))


def english_in(root: QWidget) -> list[tuple[str, str]]:
    return sorted({(where, text) for where, text in chrome_texts(root) if looks_english(text)})


def detail_captions(root: QWidget) -> Iterator[tuple[str, str]]:
    """The detail pane's own words: kind, fact captions and section titles are the labels a
    reader cannot select; what the record holds (user data) is selectable text or a link."""
    from gui.widgets import LinkLabel

    for label in root.findChildren(QLabel):
        if isinstance(label, LinkLabel):
            continue
        selectable = label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
        if label.text() and not selectable and not label.pixmap().width():
            yield "detail", label.text()


def english_in_detail(root: QWidget) -> list[tuple[str, str]]:
    """English among the detail pane's captions, its own words only (counts stripped)."""
    found = set()
    for where, text in detail_captions(root):
        caption = re.sub(r" \(\d+\)$", "", text)
        if looks_english(caption) and looks_english(caption.capitalize()):
            found.add((where, text))
    return sorted(found)
