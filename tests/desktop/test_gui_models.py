"""Every model passes qtmodeltester; the items model fetches page by page; locking clears all."""

from __future__ import annotations

from pathlib import Path

from gui_gestures import click_rows
from PySide6.QtCore import QModelIndex, Qt

from archive.demo import DEMO_CASE
from desktop import thumbnails as thumbnails_module
from desktop.custody_model import CustodyModel
from desktop.item_drag import item_ids_from
from desktop.items_model import ID_ROLE, ItemsModel, Scope
from desktop.items_proxy import ItemsProxy
from desktop.search_model import SearchResultsModel
from desktop.sidebar_model import SidebarModel
from desktop.thumbnails import ThumbnailStore
from gui_fixtures import *  # noqa: F403
from gui_fixtures import open_vault


def test_models_pass_the_model_tester(qtbot, qtmodeltester, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault = open_vault(demo_path)
    try:
        thumbs = ThumbnailStore()
        thumbs.set_vault(vault)
        items = ItemsModel(thumbs)
        items.set_source(vault, Scope())
        items.fetch_all()
        assert items.rowCount() == 10
        qtmodeltester.check(items)
        proxy = ItemsProxy()
        proxy.setSourceModel(items)
        proxy.sort(2)
        qtmodeltester.check(proxy)
        sidebar = SidebarModel()
        sidebar.load(vault)
        qtmodeltester.check(sidebar)
        custody = CustodyModel()
        custody.set_events(vault.custody_events())
        qtmodeltester.check(custody)
        results = SearchResultsModel()
        results.set_hits(vault.search("паспорт"))
        assert results.rowCount() >= 1
        qtmodeltester.check(results)
        qtbot.waitUntil(lambda: thumbs.cached_count() >= 0)
        thumbs.clear()
    finally:
        vault.lock()


def test_items_are_fetched_page_by_page_and_scoped(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault = open_vault(demo_path)
    try:
        model = ItemsModel(ThumbnailStore())
        model.PAGE = 1
        model.set_source(vault, Scope())
        # every row from the start, the first two pages read at once, the others when painted
        assert model.rowCount() == 10 and model.unread_count() == 8
        assert not model.canFetchMore(QModelIndex())  # a scroll never inserts rows
        with qtbot.waitSignal(model.dataChanged, timeout=5000) as changed:
            assert model.index(4, 0).data() == ""  # blank while its page is read
        assert changed.args[0].row() == changed.args[1].row() in {3, 4, 5, 6, 7}
        # its page, the one before and the three after; not those further on
        qtbot.waitUntil(lambda: model.unread_count() == 3)
        assert [model.is_read(r) for r in range(10)] == [True] * 2 + [False] + [True] * 5 \
            + [False] * 2
        assert model.index(4, 0).data() == vault.items()[4].original_name
        # a row not read yet still gives its id to a drag and to an action on it
        assert not model.is_read(8) and not model.is_read(9)
        assert item_ids_from(model.mimeData([model.index(8, 0)])) == [vault.items()[8].id]
        assert model.index(9, 0).data(ID_ROLE) == vault.items()[9].id
        model.fetch_all()
        assert model.unread_count() == 0
        assert [model.summary(r).id for r in range(10)] == [s.id for s in vault.items()]
        model.set_source(vault, Scope(kind="photo"))
        model.fetch_all()
        assert {model.summary(r).kind for r in range(model.rowCount())} == {"photo"}
        model.set_source(vault, Scope(case=DEMO_CASE))
        model.fetch_all()
        assert model.rowCount() == 10
        # a tag change reaches the one row it concerns
        first = model.index(0, 0).data(ID_ROLE)
        vault.change_tags(first, add=["exhibit"])
        model.reload_item(first)
        assert "exhibit" in model.summary(0).tags
    finally:
        vault.lock()


def test_thumbnails_load_off_the_ui_thread_and_upright(qtbot, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    vault = open_vault(demo_path)
    try:
        thumbs = ThumbnailStore()
        thumbs.set_vault(vault)
        photo = next(s for s in vault.items(kind="photo")
                     if s.original_name == "basement-stairs.jpg")  # stored turned (EXIF 6)
        assert thumbs.pixmap(photo.id) is None  # asked for, not there yet
        with qtbot.waitSignal(thumbs.loaded, timeout=10000):
            pass
        image = thumbs.pixmap(photo.id).toImage()
        assert image.width() > image.height()  # drawn landscape, upright again
        top, bottom = image.pixelColor(image.width() // 2, 2), \
            image.pixelColor(image.width() // 2, image.height() - 3)
        assert top.lightness() > bottom.lightness()  # light sky above, dark floor below
        thumbs.clear()
        assert thumbs.cached_count() == 0
    finally:
        vault.lock()


def test_locking_clears_every_model(qtbot, controller, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.items.fetch_all()
    assert main_window.items.rowCount() == 10
    main_window.search_field.setText("паспорт")
    with qtbot.waitSignal(main_window.search_panel.shown, timeout=20000):
        main_window.run_search()
    assert main_window.search_panel.model.rowCount() >= 1
    main_window.set_view(1)
    # A click without modifiers (selectRow() would read whichever modifier the last input
    # event left, and a Ctrl left by an earlier test's Ctrl+click made it deselect the row).
    click_rows(qtbot, main_window.table, [0])
    assert main_window.detail.item_id is not None
    qtbot.keyClick(main_window, "L", modifier=qtbot_ctrl())
    assert main_window.vault is None
    assert main_window.items.rowCount() == 0
    assert main_window.sidebar_model.rowCount() == 0
    assert main_window.search_panel.model.rowCount() == 0
    assert main_window.detail.custody_model.rowCount() == 0
    assert main_window.detail.item_id is None
    assert main_window.thumbnails.cached_count() == 0
    assert controller.start.isVisible()


def qtbot_ctrl():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier


def test_thumbnails_wait_while_a_view_scrolls(qtbot, monkeypatch, demo_path: Path) -> None:  # type: ignore[no-untyped-def]
    """No thumbnail is read while the view scrolls (the reading thread would take turns with
    the painting); they are read once it has been still for a moment."""
    monkeypatch.setattr(thumbnails_module, "SETTLE_MS", 600_000)  # ended below, by hand
    vault = open_vault(demo_path)
    try:
        thumbs = ThumbnailStore()
        thumbs.set_vault(vault)
        read: list[str] = []
        reading = vault.thumbnail
        monkeypatch.setattr(vault, "thumbnail", lambda item_id: read.append(item_id)
                            or reading(item_id))
        photos = [s.id for s in vault.items(kind="photo")]
        thumbs.hold()
        assert all(thumbs.pixmap(p) is None for p in photos)
        qtbot.wait(300)
        assert read == [] and thumbs.cached_count() == 0 and thumbs.holding()
        thumbs._settle.timeout.emit()  # noqa: SLF001 - the still moment, without waiting
        qtbot.waitUntil(lambda: thumbs.cached_count() == len(photos), timeout=10000)
        assert sorted(read) == sorted(photos)
    finally:
        vault.lock()


def test_scrolling_the_grid_holds_the_thumbnails(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    main_window.set_view(0)
    main_window.resize(420, 320)  # room for a few tiles: the grid scrolls
    grid = main_window.grid
    qtbot.waitUntil(lambda: grid.verticalScrollBar().maximum() > 0, timeout=5000)
    qtbot.waitUntil(lambda: not main_window.thumbnails.holding(), timeout=5000)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_End)
    assert grid.verticalScrollBar().value() > 0
    assert main_window.thumbnails.holding()
