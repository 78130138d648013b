"""Scrolling the items grid and the search results: the pages after the first are read on a
task thread (ahead of the scroll for the grid), never on the UI thread, and the search says how
many of how many results it shows."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from desktop.items_model import Scope
from desktop.main_window import GRID, TABLE
from desktop.search_model import SNIPPET
from gui_fixtures import *  # noqa: F403
from gui_fixtures import open_vault, unlock


def _record_threads(monkeypatch, vault, name: str) -> list[bool]:  # type: ignore[no-untyped-def]
    """For each call of ``vault.<name>``: whether it ran on the UI thread."""
    on_ui_thread: list[bool] = []
    original = getattr(vault, name)

    def recorded(*args, **kwargs):  # type: ignore[no-untyped-def]
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(vault, name, recorded)
    return on_ui_thread


def _scroll_to_end(qtbot, view, model) -> None:  # type: ignore[no-untyped-def]
    """End key, as a user would, until every row is there."""
    view.setFocus()
    for _ in range(100):
        if not model.canFetchMore() and model.rowCount() == model.total():
            return
        qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyRelease(view, Qt.Key.Key_Control)
        qtbot.wait(30)
    raise AssertionError("scrolling did not bring the last rows")


def _wheel(view, notches: int) -> None:  # type: ignore[no-untyped-def]
    """Turn the mouse wheel over a view (negative: down), one notch at a time."""
    centre = QPointF(view.viewport().rect().center())
    for _ in range(abs(notches)):
        event = QWheelEvent(centre, view.viewport().mapToGlobal(centre), QPoint(),
                            QPoint(0, 120 if notches > 0 else -120), Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(view.viewport(), event)
        QApplication.processEvents()


def test_grid_rows_are_read_as_they_are_shown_on_a_task_thread(  # type: ignore[no-untyped-def]
        qtbot, controller, demo_path: Path, tmp_path: Path, monkeypatch) -> None:
    vault = open_vault(demo_path)
    folder = tmp_path / "notes"
    folder.mkdir()
    for n in range(40):
        (folder / f"note-{n:02}.txt").write_text(f"Note {n} on the shop.", encoding="utf-8")
    vault.import_paths([folder])
    vault.lock()
    window = unlock(qtbot, controller, demo_path)
    window.set_view(GRID)
    ids = [s.id for s in window.vault.items()]
    reads = _record_threads(monkeypatch, window.vault, "items")
    items = window.items
    items.PAGE = 1
    window.resize(420, 320)  # room for a few tiles: the grid scrolls
    items.set_source(window.vault, Scope())  # as choosing "All items" again does
    inserted: list[int] = []
    items.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    # every row is there from the start; the first two pages were read at once, on the UI
    # thread, for the first paint
    assert items.rowCount() == 50 and reads == [True] and items.unread_count() == 48
    # the tiles are laid out (on a timer, after the reset)
    qtbot.waitUntil(lambda: window.grid.indexAt(QPoint(8, 8)).isValid(), timeout=5000)
    assert window.grid.verticalScrollBar().maximum() > 0
    on_ui_thread = reads.count(True)
    # a click on the first tile, then End: the last item, never shown, is chosen, and its row
    # is read at once for the detail pane
    first = window.grid.visualRect(window.proxy.index(0, 0)).center()
    qtbot.mouseClick(window.grid.viewport(), Qt.MouseButton.LeftButton, pos=first)
    assert window.detail.item_id == ids[0]
    qtbot.keyClick(window.grid, Qt.Key.Key_End)
    assert reads.count(True) == on_ui_thread + 1 and window.detail.item_id == ids[-1]
    # the rows now shown around it are read on a task thread
    qtbot.waitUntil(lambda: items.is_read(47), timeout=5000)
    assert reads.count(True) == on_ui_thread + 1 and reads.count(False) > 0
    assert inserted == []  # the scroll inserted no rows: the grid was not laid out again
    # choosing every row chooses those never shown too: none is left out of an action
    assert not items.is_read(25)
    qtbot.keyClick(window.grid, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(window.grid, Qt.Key.Key_Control)
    assert window.selected_ids() == ids
    assert items.unread_count() == 0
    assert [items.summary(r).id for r in range(50)] == ids


def test_search_results_load_more_on_scroll_with_counts(qtbot, controller, demo_path: Path,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path, monkeypatch) -> None:
    vault = open_vault(demo_path)
    folder = tmp_path / "statements"
    folder.mkdir()
    for n in range(47):
        (folder / f"statement-{n:02}.txt").write_text(
            f"Statement {n}: the grey van stood by the kiosk, night {n}.", encoding="utf-8")
    vault.import_paths([folder])
    vault.lock()
    window = unlock(qtbot, controller, demo_path)
    panel = window.search_panel
    panel.runner.page_size = 20
    searches = _record_threads(monkeypatch, window.vault, "search")
    window.set_view(TABLE)
    with qtbot.waitSignal(panel.shown, timeout=20000):
        window.search_field.setText("kiosk")
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert panel.model.rowCount() == 20
    assert panel.summary.text().startswith("20 of 47 results for")
    panel.view.resize(400, 150)
    with qtbot.waitSignal(panel.shown, timeout=20000):
        panel.view.setFocus()
        qtbot.keyClick(panel.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyRelease(panel.view, Qt.Key.Key_Control)
    assert panel.model.rowCount() == 40
    assert panel.summary.text().startswith("40 of 47")
    with qtbot.waitSignal(panel.shown, timeout=20000):
        qtbot.keyClick(panel.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyRelease(panel.view, Qt.Key.Key_Control)
    assert panel.model.rowCount() == 47 and not panel.model.canFetchMore()
    assert panel.summary.text().startswith("47 result(s) for")
    ids = [panel.model.hit(r).id for r in range(47)]
    assert len(set(ids)) == 47
    assert searches and not any(searches)  # never on the UI thread


def test_a_new_search_drops_the_pages_of_the_one_before(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    panel = main_window.search_panel
    main_window.search_field.setText("паспорт")
    main_window.run_search()
    with qtbot.waitSignal(panel.shown, timeout=20000):
        main_window.search_field.setText("kind:photo")
        main_window.run_search()
    qtbot.wait(200)  # the first search's answer, if it comes late, must not replace this one
    assert {panel.model.hit(r).kind for r in range(panel.model.rowCount())} == {"photo"}
    assert "kind:photo" in panel.summary.text()



def test_hits_are_bold_in_the_results_and_the_text_is_left_as_it_is(  # type: ignore[no-untyped-def]
        qtbot, controller, demo_path: Path, tmp_path: Path) -> None:
    vault = open_vault(demo_path)
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "quoted.txt").write_text(
        "Свидетель сказал: «фургон стоял у киоска», и ушёл.", encoding="utf-8")
    vault.import_paths([tmp_path / "q"])
    vault.lock()
    window = unlock(qtbot, controller, demo_path)
    panel = window.search_panel
    with qtbot.waitSignal(panel.shown, timeout=20000):
        window.search_field.setText("фургон")
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    index = panel.model.index(0, SNIPPET)
    shown = index.data()
    assert shown.count("«") == 1 and shown.count("»") == 1  # the text's own quotation marks
    delegate = panel.view.itemDelegateForColumn(SNIPPET)
    marked = delegate.html_for(index)
    assert "<b>фургон</b>" in marked
    assert marked.count("<b>") == 1 and "«<b>" in marked


def test_sorting_the_table_reads_the_rows_not_read_yet(  # type: ignore[no-untyped-def]
        qtbot, controller, demo_path: Path) -> None:
    window = unlock(qtbot, controller, demo_path)
    window.set_view(TABLE)
    items, table = window.items, window.table
    items.PAGE = 1
    window.resize(420, 320)
    items.set_source(window.vault, Scope())
    assert items.unread_count() == 8
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.sectionSize(0) > 0, timeout=5000)
    spot = QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=spot)  # sort by name
    assert items.unread_count() == 0
    shown = [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]
    names = [s.original_name for s in window.vault.items()]
    assert shown in (sorted(names, key=str.casefold), sorted(names, key=str.casefold)[::-1])
    # another view chosen while sorted is read whole as well, and sorted
    items.set_source(window.vault, Scope(kind="photo"))
    assert items.unread_count() == 0
    shown = [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]
    assert sorted(shown, key=str.casefold) in (shown, shown[::-1]) and len(shown) > 1


def test_rows_are_read_while_the_task_threads_are_busy(  # type: ignore[no-untyped-def]
        qtbot, controller, demo_path: Path) -> None:
    window = unlock(qtbot, controller, demo_path)
    window.set_view(GRID)
    items = window.items
    items.PAGE = 1
    window.resize(420, 320)
    items.set_source(window.vault, Scope())
    release = threading.Event()
    for _ in range(2):  # an import and a search, say, that take their time
        window.tasks.start(lambda _task: release.wait(30))
    try:
        bar = window.grid.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
        _wheel(window.grid, notches=-100)
        qtbot.waitUntil(lambda: items.is_read(9), timeout=5000)
    finally:
        release.set()
