"""Scrolling the items grid and the search results: the pages after the first are read on a
task thread (ahead of the scroll for the grid), never on the UI thread, and the search says how
many of how many results it shows."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt

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


def test_grid_pages_are_read_ahead_on_a_task_thread(qtbot, controller, demo_path: Path,  # type: ignore[no-untyped-def]
                                                     monkeypatch) -> None:
    window = unlock(qtbot, controller, demo_path)
    window.set_view(GRID)
    reads = _record_threads(monkeypatch, window.vault, "items")
    window.items.PAGE = 3
    window.items.set_source(window.vault, Scope())  # as choosing "All items" again does
    window.grid.resize(120, 120)
    qtbot.waitUntil(lambda: window.items.rowCount() >= 3, timeout=5000)
    assert reads[0] is True  # the first page at once, for the first paint
    _scroll_to_end(qtbot, window.grid, window.items)
    assert window.items.rowCount() == 10
    names = {window.items.summary(r).original_name for r in range(10)}
    assert names == {s.original_name for s in window.vault.items()}  # each once, none lost
    assert len(reads) > 3 and not any(reads[1:4])  # later pages: all on task threads


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
