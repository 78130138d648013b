"""Listed glitches of the main views, each through what a user does: an empty vault says how to
fill it, "Cases" is a heading, "Nothing selected" is all the detail pane shows then, recent vaults
can be told apart, recordings' tiles show title and duration, table names stay readable, the
detail pane follows the search hit, and a search is scoped to the case chosen in the sidebar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QGroupBox, QStyleOptionViewItem

import fixtures
from archive import Vault
from desktop.controller import AppController
from desktop.items_model import NAME
from desktop.main_window import GRID, SEARCH, TABLE
from desktop.sidebar_model import SCOPE_ROLE
from desktop.thumbnails import ICON_SIZE
from gui_fixtures import *  # noqa: F403
from gui_fixtures import PASSPHRASE, create_through_dialog


def _drop(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = widget.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(QPointF(QPoint(centre)), Qt.DropAction.CopyAction,
                                              data, Qt.MouseButton.LeftButton,
                                              Qt.KeyboardModifier.NoModifier))


def _click_row(qtbot, view, index) -> None:  # type: ignore[no-untyped-def]
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def _sidebar_row(window, label: str) -> int:  # type: ignore[no-untyped-def]
    model = window.sidebar_model
    return next(r for r in range(model.rowCount()) if model.entry(r).label == label)


def _import(qtbot, window, paths: list[Path], case: str | None = None) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        window.import_paths([str(p) for p in paths], case)


def _search(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    window.search_field.setText(text)  # QTest types ASCII only
    window.search_field.setFocus()
    with qtbot.waitSignal(window.search_panel.shown, timeout=20000):  # on a task thread
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)


def test_a_new_vault_says_how_to_import_until_it_has_items(qtbot, controller,  # type: ignore[no-untyped-def]
                                                          tmp_path: Path) -> None:
    create_through_dialog(qtbot, controller, tmp_path / "vault")
    window = controller.main
    qtbot.addWidget(window)
    window.show()
    for view, hint in zip((window.grid, window.table), window.empty_hints, strict=True):
        assert hint.parentWidget() is view.viewport()
    window.act_grid.trigger()
    hint = window.empty_hints[0]
    assert hint.isVisibleTo(window)
    assert "Ctrl+I" in hint.text() and "drag" in hint.text()
    assert hint.geometry() == window.grid.viewport().rect()
    with qtbot.waitSignal(window.import_finished, timeout=30000):
        _drop(window, [fixtures.jpeg(tmp_path / "first.jpg")])
    qtbot.waitUntil(lambda: window.items.rowCount() == 1, timeout=5000)  # the grid fetched it
    assert not hint.isVisibleTo(window)
    window.act_table.trigger()
    assert not window.empty_hints[1].isVisibleTo(window)


def test_cases_is_a_heading_not_an_entry(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.show()
    sidebar, model = main_window.sidebar, main_window.sidebar_model
    heading = model.index(_sidebar_row(main_window, main_window.tr("Cases")), 0)
    assert model.data(heading, SCOPE_ROLE) is None
    assert not model.flags(heading) & Qt.ItemFlag.ItemIsSelectable
    font = model.data(heading, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(heading, Qt.ItemDataRole.ForegroundRole) is not None  # not greyed out
    before = sidebar.currentIndex()
    _click_row(qtbot, sidebar, heading)
    assert sidebar.currentIndex() == before
    assert not sidebar.selectionModel().isSelected(heading)
    # the arrow key steps from the last smart view over the heading onto the first case
    sidebar.setCurrentIndex(model.index(heading.row() - 1, 0))
    sidebar.setFocus()
    qtbot.keyClick(sidebar, Qt.Key.Key_Down)
    assert sidebar.currentIndex().row() == heading.row() + 1
    assert main_window.state.case == model.entry(heading.row() + 1).case


def test_nothing_selected_shows_only_the_message(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.show()
    main_window.act_grid.trigger()
    detail = main_window.detail
    boxes = detail.widget().findChildren(QGroupBox)
    assert boxes
    assert detail.title.text() == detail.tr("Nothing selected")
    assert not any(box.isVisibleTo(detail) for box in boxes)
    assert not detail.open_button.isVisibleTo(detail)
    _click_row(qtbot, main_window.grid, main_window.proxy.index(0, NAME))
    assert detail.item_id is not None
    assert detail.facts_box.isVisibleTo(detail) and detail.open_button.isVisibleTo(detail)
    # another view: the selection is gone, and so are the boxes
    _click_row(qtbot, main_window.sidebar,
               main_window.sidebar_model.index(_sidebar_row(main_window, main_window.tr("Photos")), 0))
    assert detail.title.text() == detail.tr("Nothing selected")
    assert not any(box.isVisibleTo(detail) for box in boxes)


def test_recent_vaults_with_the_same_name_can_be_told_apart(qtbot, settings,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path) -> None:
    for parent in ("office", "backup"):
        (tmp_path / parent).mkdir()
        Vault.create(tmp_path / parent / "vault", PASSPHRASE)[0].lock()
        settings.add_recent(tmp_path / parent / "vault")
    Vault.create(tmp_path / "alone", PASSPHRASE)[0].lock()
    settings.add_recent(tmp_path / "alone")
    ctl = AppController(settings)
    qtbot.addWidget(ctl.start)
    try:
        recent = ctl.start.recent
        texts = [recent.item(i).text() for i in range(recent.count())]
        tips = [recent.item(i).toolTip() for i in range(recent.count())]
        assert len(set(texts)) == 3
        assert texts[0].endswith("alone")
        assert any("office" in t and t.endswith("vault") for t in texts)
        assert any("backup" in t and t.endswith("vault") for t in texts)
        assert tips == [str((tmp_path / p).resolve())
                        for p in ("alone", "backup/vault", "office/vault")]
    finally:
        ctl.shutdown()


def test_recording_tiles_show_title_and_duration(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _import(qtbot, main_window, [fixtures.compressed_audio(tmp_path / "take.mp3",
                                                            title="Interview 7", seconds=2.0)])
    main_window.act_grid.trigger()
    main_window.items.fetch_all()
    delegate = main_window.grid.itemDelegate()

    def tile(name: str) -> str:
        index = next(main_window.proxy.index(r, NAME) for r in range(main_window.proxy.rowCount())
                     if main_window.proxy.index(r, NAME).data() == name)
        option = QStyleOptionViewItem()
        option.initFrom(main_window.grid)
        delegate.initStyleOption(option, index)
        return option.text

    assert tile("take.mp3") == "take.mp3\u2028Interview 7 · 0:02"
    assert tile("interview-7.wav") == "interview-7.wav\u20280:10"  # no title: the duration
    assert "courtyard.mp4\u20280:0" in tile("courtyard.mp4")
    assert tile("shop-front.jpg") == "shop-front.jpg"
    # every tile, a photo's too, has room for the second line (the grid sizes all alike)
    metrics = QFontMetrics(main_window.grid.font())
    for row in range(main_window.proxy.rowCount()):
        rect = main_window.grid.visualRect(main_window.proxy.index(row, NAME))
        assert rect.height() >= ICON_SIZE.height() + 2 * metrics.lineSpacing()


def test_table_names_keep_their_room_and_their_ends(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    long_name = "interview-2024-03-11-witness-B-second-session-full.wav"
    _import(qtbot, main_window, [fixtures.wav(tmp_path / long_name),
                                 fixtures.wav(tmp_path / "interview-2024-03-11.wav", seconds=2)])
    main_window.act_table.trigger()
    table = main_window.table
    table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    metrics = QFontMetrics(table.font())
    text_room = table.columnWidth(NAME) - table.iconSize().width() - 16
    assert text_room >= metrics.horizontalAdvance("interview-2024-03-11.wav")
    shown = metrics.elidedText(long_name, table.textElideMode(), text_room)
    assert shown.startswith("interview-2024") and shown.endswith("full.wav")
    row = next(r for r in range(main_window.proxy.rowCount())
               if main_window.proxy.index(r, NAME).data() == long_name)
    cell = main_window.proxy.index(row, NAME)
    assert long_name in cell.data(Qt.ItemDataRole.ToolTipRole)
    # the thumbnail (160 pixels wide in the model) is drawn at the table's icon size
    option = QStyleOptionViewItem()
    option.initFrom(table)
    table.itemDelegateForColumn(NAME).initStyleOption(option, cell)
    assert cell.data(Qt.ItemDataRole.DecorationRole).width() > table.iconSize().width()
    assert 0 < option.decorationSize.width() <= table.iconSize().width()
    assert option.decorationSize.height() <= table.iconSize().height()


def test_the_detail_pane_follows_the_selected_hit(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.show()
    main_window.act_grid.trigger()
    photo = next(r for r in range(main_window.proxy.rowCount())
                 if main_window.proxy.index(r, NAME).data() == "van-at-night.jpg")
    _click_row(qtbot, main_window.grid, main_window.proxy.index(photo, NAME))
    before = main_window.detail.item_id
    _search(qtbot, main_window, "фургон OR van")
    assert main_window.stack.currentIndex() == SEARCH
    results = main_window.search_panel.view
    assert main_window.search_panel.model.rowCount() >= 2
    first = results.currentIndex()
    assert first.row() == 0
    hit_id = main_window.search_panel.model.hit(0).id
    assert hit_id != before
    assert main_window.detail.item_id == hit_id
    assert main_window.state.selection == [hit_id]
    results.setFocus()
    qtbot.keyClick(results, Qt.Key.Key_Down)
    second = main_window.search_panel.model.hit(results.currentIndex().row()).id
    assert main_window.detail.item_id == second != hit_id


def test_switching_case_clears_the_search_and_scopes_it(qtbot, main_window,  # type: ignore[no-untyped-def]
                                                       tmp_path: Path) -> None:
    note = tmp_path / "second-sighting.txt"
    note.write_text("The van was seen again near the market.", encoding="utf-8")
    _import(qtbot, main_window, [note], case="Market")
    main_window.show()
    sidebar, model = main_window.sidebar, main_window.sidebar_model
    market = model.index(_sidebar_row(main_window, "Market"), 0)
    demo = next(model.index(r, 0) for r in range(model.rowCount())
                if model.entry(r).case not in (None, "Market"))
    _search(qtbot, main_window, "van")
    names = _hit_names(main_window)
    assert "second-sighting.txt" in names and len(names) >= 2  # both cases without a scope
    _click_row(qtbot, sidebar, market)
    assert main_window.search_field.text() == ""  # a new case, a new search
    assert main_window.stack.currentIndex() in (GRID, TABLE)
    assert main_window.search_panel.case.currentData() == "Market"
    _search(qtbot, main_window, "van")
    assert _hit_names(main_window) == ["second-sighting.txt"]
    _click_row(qtbot, sidebar, demo)
    assert main_window.search_field.text() == ""
    _search(qtbot, main_window, "van")
    scoped = _hit_names(main_window)
    assert scoped and "second-sighting.txt" not in scoped
    with qtbot.waitSignal(main_window.search_panel.shown, timeout=20000):
        main_window.search_panel.case.setCurrentIndex(0)  # "Any case": the search runs again
    assert "second-sighting.txt" in _hit_names(main_window)


def _hit_names(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.search_panel.model
    ids = [model.hit(r).id for r in range(model.rowCount())]
    by_id = {s.id: s.original_name for s in window.vault.items()}
    return sorted(by_id[i] for i in ids)
