"""Browsing as a protocol officer does: search, open, follow links, filter, sort, go back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from db import ops, synthetic
from db.catalog import create_catalog, open_catalog
from db.kinds import RecordKind
from gui.main_window import MainWindow
from gui.models.records import PAGE_SIZE
from gui.search_results import KIND_ROLE
from gui.settings import LAST_SECTION
from tests.gui.helpers import close_window, open_window, settings_in, type_text


@pytest.fixture
def window(qtbot: QtBot, sample_path: Path) -> Iterator[MainWindow]:
    win = open_window(qtbot, sample_path)
    yield win
    close_window(win)


def names(window: MainWindow) -> list[str]:
    model = window.panels[RecordKind.PERSON].model
    return [model.index(r, model.column("name")).data() for r in range(model.rowCount())]


def wait_detail(qtbot: QtBot, window: MainWindow, title: str) -> None:
    qtbot.waitUntil(lambda: window.current_page().detail.title() == title, timeout=5_000)


def test_title_lists_and_totals(window: MainWindow) -> None:
    assert window.windowTitle() == "Sample catalog — Liaison"
    assert "Nguyễn Đức Chung" in names(window)
    assert window.panels[RecordKind.PERSON].count_label.text() == "18 people"
    assert "18 people" in window.totals_label.text()


def test_every_item_model_passes_the_model_tester(window: MainWindow,
                                                  qtmodeltester: ModelTester) -> None:
    for panel in window.panels.values():
        qtmodeltester.check(panel.model)
    from db import search

    assert window.catalog is not None
    with window.catalog.read_session() as session:
        hits = search.search(session, "ha", limit=40)  # people, cities, organisations...
    window.search_box.results.show_hits(hits)
    assert len({hit.kind for hit in hits}) > 1
    qtmodeltester.check(window.search_box.results)


def test_search_typed_in_vietnamese_opens_the_person(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.search_box.searched, timeout=5_000,
                          check_params_cb=lambda q, n: q == "Nguyễn Đức Chung" and n > 0):
        type_text(window.search_box, "Nguyễn Đức Chung")
    results = window.search_box.results
    assert results.index(0, 0).data() == "People"  # grouped by kind, a heading first
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    wait_detail(qtbot, window, "Nguyễn Đức Chung")
    assert window.sections.currentItem().text() == "People"
    texts = window.current_page().detail.texts()
    # A title known from a 2017 article is shown "as of" it, and not addressed by today.
    assert "Chairman of the Hanoi People's Committee (as of 13 June 2017)" in texts
    assert "Mr Chung (title unconfirmed: not addressed by it)" in texts


def test_accent_free_typing_finds_the_same_person(qtbot: QtBot, window: MainWindow) -> None:
    window.search_box.setFocus()
    with qtbot.waitSignal(window.search_box.searched, timeout=5_000,
                          check_params_cb=lambda q, n: q == "nguy duc" and n > 0):
        qtbot.keyClicks(window.search_box, "nguy duc")
    first = window.search_box.results.first_hit()
    assert first is not None and "Nguyễn Đức Chung" in first.data()


def test_hostile_search_strings_do_not_break_the_box(qtbot: QtBot, window: MainWindow) -> None:
    """Query syntax is text: alone it shows no results; around words it finds the words."""
    box = window.search_box

    def search_for(query: str) -> int:
        box.clear()
        with qtbot.waitSignal(box.searched, timeout=5_000,
                              check_params_cb=lambda text, _n: text == query) as blocker:
            type_text(box, query)
        assert box.text() == query  # nothing typed was eaten or changed
        assert blocker.args is not None
        hits: int = blocker.args[1]
        shown = [box.results.index(row, 0) for row in range(box.results.rowCount())]
        assert len([index for index in shown if index.data(KIND_ROLE)]) == hits
        return hits

    for query in ['"', "*", "-", "(((", ":", '"" ""']:
        assert search_for(query) == 0, query
        assert box.results.rowCount() == 0 and not box.popup.isVisible(), query
    for query in ['"nguyen duc chung', "(nguyen duc chung)", "chung* nguyen", "-nguyen chung",
                  "'; --nguyen duc chung"]:
        assert search_for(query) > 0, query
        first = box.results.first_hit()
        assert first is not None and "Nguyễn Đức Chung" in first.data(), query
        assert box.popup.isVisible(), query
    for query in ["NEAR(", "AND"]:  # words like any other: the box shows what they find
        assert search_for(query) == search_for(query.strip("(").lower()), query


def test_links_and_back_forward(qtbot: QtBot, window: MainWindow) -> None:
    chung = next(i for i, n in enumerate(names(window)) if n == "Nguyễn Đức Chung")
    people = window.panels[RecordKind.PERSON]
    people.view.setCurrentIndex(people.model.index(chung, 0))
    wait_detail(qtbot, window, "Nguyễn Đức Chung")
    link = next(label for label in window.current_page().detail.links()
                if label.text() == "Hanoi People's Committee")
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    wait_detail(qtbot, window, "Hanoi People's Committee")
    assert window.sections.currentItem().text() == "Organisations"
    holder = next(label for label in window.current_page().detail.links()
                  if label.text() == "Trần Sỹ Thanh")
    qtbot.mouseClick(holder, Qt.MouseButton.LeftButton)
    wait_detail(qtbot, window, "Trần Sỹ Thanh")
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    wait_detail(qtbot, window, "Hanoi People's Committee")
    window.menus.back_action.trigger()
    wait_detail(qtbot, window, "Nguyễn Đức Chung")
    assert not window.menus.back_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    wait_detail(qtbot, window, "Hanoi People's Committee")
    assert window.menus.forward_action.isEnabled()


def test_delegation_shows_members_programme_and_pairing(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    delegations = window.panels[RecordKind.DELEGATION].model
    row = next(r for r in range(delegations.rowCount())
               if "Hanoi (Milan" in delegations.index(r, delegations.column("title")).data())
    window.open_record("delegation", delegations.row_at(row).id)
    qtbot.waitUntil(lambda: "Bruno Angelet" in window.current_page().detail.texts())
    texts = window.current_page().detail.texts()
    assert "Hanoi – Milan" in texts
    assert "Meeting with Chairman Nguyễn Đức Chung" in texts
    assert texts.index("Bruno Angelet") < texts.index("Ramón López")  # head first


def test_pairing_timeline_links_its_delegations(qtbot: QtBot, window: MainWindow) -> None:
    pairings = window.panels[RecordKind.PAIRING].model
    row = next(r for r in range(pairings.rowCount())
               if pairings.index(r, 0).data() == "Hanoi – Milan")
    window.open_record("pairing", pairings.row_at(row).id)
    qtbot.waitUntil(lambda: "TIMELINE (3)" in window.current_page().detail.texts()
                    or "Timeline (3)" in window.current_page().detail.texts())
    links = [label.text() for label in window.current_page().detail.links()]
    assert any("delegation to Hanoi" in text for text in links)


def test_filters_and_sorting(qtbot: QtBot, window: MainWindow) -> None:
    people = window.panels[RecordKind.PERSON]
    box = people.filters["country_id"]
    qtbot.waitUntil(lambda: box.combo.count() > 1)
    box.combo.setCurrentIndex(box.combo.findText("Italy"))
    qtbot.waitUntil(lambda: not people.model.loading and names(window) == ["Cecilia Piccioni"])
    assert people.count_label.text() == "1 person"
    box.combo.setCurrentIndex(0)
    post = people.filters["post"]
    assert post.title_box is not None
    post.title_box.setText("Chairman")
    qtbot.waitUntil(lambda: not people.model.loading and len(names(window)) == 5)
    post.title_box.clear()
    qtbot.waitUntil(lambda: not people.model.loading and len(names(window)) == 18)
    header = people.view.horizontalHeader()
    name_column, title_column = people.model.column("name"), people.model.column("title")
    header.setSortIndicator(name_column, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not people.model.loading and names(window)[0] == "Paul Yeo")
    header.setSortIndicator(title_column, Qt.SortOrder.AscendingOrder)  # not sortable
    assert header.sortIndicatorSection() == name_column

    delegations = window.panels[RecordKind.DELEGATION]
    direction = delegations.filters["direction"]
    direction.combo.setCurrentIndex(direction.combo.findData("outgoing"))
    qtbot.waitUntil(lambda: not delegations.model.loading and delegations.model.total == 2)


def test_list_text_filter_is_accent_proof(qtbot: QtBot, window: MainWindow) -> None:
    people = window.panels[RecordKind.PERSON]
    type_text(people.filter_edit, "tran")
    qtbot.waitUntil(lambda: not people.model.loading
                    and sorted(names(window)) == ["Trần Sỹ Thanh", "Trần Đại Quang"])


def test_shortcuts_focus_search_and_filter(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.menus.search_action.trigger()
    assert window.search_box.hasFocus() or window.focusWidget() is window.search_box
    window.menus.find_action.trigger()
    assert window.focusWidget() is window.panels[RecordKind.PERSON].filter_edit
    assert window.menus.search_action.shortcut().toString() == "Ctrl+K"


def test_user_text_is_never_markup(qtbot: QtBot, sample_path: Path) -> None:
    hostile = "<b>Bold</b> <a href='https://example.org'>x</a> & \"q\" 😀"
    with open_catalog(sample_path) as catalog:
        person_id = ops.create(catalog, RecordKind.PERSON, {
            "family_name": hostile, "biography": "<i>not italic</i>"}).ids(RecordKind.PERSON)[0]
    window = open_window(qtbot, sample_path)
    try:
        assert hostile in names(window)
        window.open_record("person", person_id)
        qtbot.waitUntil(lambda: hostile in window.current_page().detail.texts())
        labels = window.current_page().detail.widget().findChildren(QLabel)
        assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
        assert "<i>not italic</i>" in window.current_page().detail.texts()
    finally:
        close_window(window)


def test_large_list_pages_lazily(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "big.liaison"
    with create_catalog(path, sample=False) as catalog:
        synthetic.generate(catalog, people=PAGE_SIZE * 3 + 7)
    window = open_window(qtbot, path)
    try:
        model = window.panels[RecordKind.PERSON].model
        assert model.rowCount() == PAGE_SIZE and model.total == PAGE_SIZE * 3 + 7
        assert model.canFetchMore(QModelIndex())
        while model.canFetchMore(QModelIndex()) or model.loading:
            if model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())
            qtbot.waitUntil(lambda: not model.loading)
        assert model.rowCount() == PAGE_SIZE * 3 + 7
        ids = [model.row_at(r).id for r in range(model.rowCount())]
        assert len(set(ids)) == len(ids)
        assert window.panels[RecordKind.PERSON].count_label.text() == "607 people"
    finally:
        close_window(window)


def test_layout_is_restored_between_runs(qtbot: QtBot, sample_path: Path) -> None:
    first = open_window(qtbot, sample_path)
    first.show_section("events")
    nationality = first.panels[RecordKind.PERSON].model.column("nationality")
    first.panels[RecordKind.PERSON].set_column_visible(nationality, False)
    page = first.pages["people"]
    page.splitter.setSizes([500, 700])
    page.splitter.splitterMoved.emit(500, 1)
    close_window(first)
    second = open_window(qtbot, sample_path)
    try:
        assert second.sections.currentItem().text() == "Events"
        header = second.panels[RecordKind.PERSON].view.horizontalHeader()
        assert header.isSectionHidden(nationality)
        assert settings_in(sample_path.parent).value(LAST_SECTION) == "events"
    finally:
        close_window(second)


def test_open_another_catalog_and_refuse_a_junk_file(qtbot: QtBot, window: MainWindow,
                                                     tmp_path: Path) -> None:
    other = tmp_path / "Ho Chi Minh City office.liaison"
    with create_catalog(other, sample=False) as catalog:
        ops.create(catalog, RecordKind.PERSON, {"family_name": "Võ", "given_names": "Văn Thưởng",
                                                "name_order": "family_first"})
    junk = tmp_path / "minutes.liaison"
    junk.write_text("not a catalog")
    assert not window.open_catalog_file(str(junk))
    assert "not a Liaison catalog" in window.problem
    assert window.windowTitle() == "Sample catalog — Liaison"  # still on the old one
    assert window.open_catalog_file(str(other))
    assert window.windowTitle() == "Ho Chi Minh City office — Liaison"
    people = window.panels[RecordKind.PERSON].model
    qtbot.waitUntil(lambda: not people.loading and names(window) == ["Võ Văn Thưởng"])
    assert not window.menus.back_action.isEnabled()


def test_edit_from_the_window_undo_redo_and_history(qtbot: QtBot, window: MainWindow) -> None:
    """Edit > Edit… on the shown person, save; the list and detail follow; undo puts it back."""
    from gui.forms.dialog import EditorDialog

    chung = next(i for i, n in enumerate(names(window)) if n == "Nguyễn Đức Chung")
    people = window.panels[RecordKind.PERSON]
    window.open_record("person", people.model.row_at(chung).id)
    wait_detail(qtbot, window, "Nguyễn Đức Chung")
    window.menus.edit_action.trigger()
    dialog = next(d for d in window.findChildren(EditorDialog) if d.isVisible())
    form = dialog.form
    honorific = form.findChild(QLineEdit, "edit_honorific")
    assert honorific is not None
    honorific.setText("H.E.")
    form.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "H.E." in window.current_page().detail.texts())
    assert window.menus.undo_action.text() == "&Undo Edit Nguyễn Đức Chung"
    assert any("Change history" in text or "CHANGE HISTORY" in text.upper()
               for text in window.current_page().detail.texts())
    window.menus.undo_action.trigger()
    qtbot.waitUntil(lambda: "H.E." not in window.current_page().detail.texts())
    window.menus.redo_action.trigger()
    qtbot.waitUntil(lambda: "H.E." in window.current_page().detail.texts())


def test_ampersands_in_names_stay_literal_in_the_undo_menu(qapp: object) -> None:
    from PySide6.QtGui import QUndoCommand, QUndoStack

    from gui.undo import command_text

    stack = QUndoStack()
    command = QUndoCommand(command_text("Edit", "AT&T Vietnam"))
    stack.push(command)
    action = stack.createUndoAction(None, "Undo")
    assert command.text() == "Edit AT&T Vietnam"  # what the history view shows
    assert action.text() == "Undo Edit AT&&T Vietnam"  # a literal & in a menu


def test_print_briefing_pack_for_the_shown_delegation(qtbot: QtBot, window: MainWindow,
                                                      tmp_path: Path) -> None:
    """Ctrl+Shift+P on a delegation: the pack is previewed, then saved as a real PDF."""
    import pdfplumber

    delegations = window.panels[RecordKind.DELEGATION].model
    row = next(r for r in range(delegations.rowCount())
               if "Hanoi (Milan" in delegations.index(r, delegations.column("title")).data())
    window.open_record("delegation", delegations.row_at(row).id)
    qtbot.waitUntil(lambda: window.shown is not None and window.shown.kind == "delegation")
    window.menus.pack_action.trigger()
    preview = window.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.page_count > 0, timeout=30_000)
    target = tmp_path / "pack.pdf"
    preview.save_to(target)
    with pdfplumber.open(target) as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
    assert "Bruno Angelet" in text and "Nguyễn Đức Chung" in text
    preview.close()


def test_window_follows_changes_committed_by_another_instance(qtbot: QtBot,
                                                               window: MainWindow,
                                                               sample_path: Path) -> None:
    """Another app instance (its own connection) adds a person: this window shows them."""
    window.watch.setInterval(50)
    with open_catalog(sample_path) as other:
        ops.create(other, RecordKind.PERSON, {"family_name": "Đỗ", "given_names": "Thị Hà",
                                              "name_order": "family_first"})
    people = window.panels[RecordKind.PERSON].model
    qtbot.waitUntil(lambda: not people.loading and "Đỗ Thị Hà" in names(window),
                    timeout=5_000)
    qtbot.waitUntil(lambda: "19 people" in window.totals_label.text(), timeout=5_000)


def test_read_only_catalog_shows_a_banner_and_refuses_edits(qtbot: QtBot,
                                                            sample_path: Path) -> None:
    sample_path.chmod(0o444)
    try:
        win = open_window(qtbot, sample_path)
        try:
            assert win.catalog is not None and win.catalog.read_only
            assert win.read_only_banner.isVisible()
            assert not win.menus.new_action.isEnabled() and not win.menus.edit_action.isEnabled()
            assert "Nguyễn Đức Chung" in names(win)  # still browsable
        finally:
            close_window(win)
    finally:
        sample_path.chmod(0o644)
