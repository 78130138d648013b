"""An item imported long ago joins the case on screen while an import runs (a known file
imported again into it): it takes its place in the grid, the rows after it move, and the
item the user had chosen stays chosen, with the view neither started again nor left showing
a row twice."""

from __future__ import annotations

from pathlib import Path

from gui_gestures import click_rows, drop_files
from PySide6.QtCore import QModelIndex

from archive import ImportOptions
from desktop.items_model import ID_ROLE
from desktop.main_window import GRID
from gui_fixtures import *  # noqa: F403
from gui_fixtures import open_vault, unlock

CASE = "Second"


def _statement(folder: Path, name: str, text: str) -> Path:
    folder.mkdir()
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _shown(window) -> list[str]:  # type: ignore[no-untyped-def]
    """The ids on the grid's rows, as painted."""
    proxy = window.proxy
    return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]


def test_an_older_item_joining_the_case_shown_keeps_the_chosen_item_chosen(  # type: ignore[no-untyped-def]
        qtbot, controller, demo_path: Path, tmp_path: Path) -> None:
    vault = open_vault(demo_path)
    older = _statement(tmp_path / "older", "statement-a.txt", "The van came at night.")
    vault.import_paths([older])  # in the vault, in no case
    vault.create_case(CASE)
    newer = _statement(tmp_path / "newer", "statement-b.txt", "The door was locked.")
    vault.import_paths([newer], options=ImportOptions(case=CASE))
    ids = {s.original_name: s.id for s in vault.items()}
    vault.add_to_case(CASE, [ids["basement-stairs.jpg"]])
    vault.lock()
    w = unlock(qtbot, controller, demo_path)
    w.set_view(GRID)
    click_rows(qtbot, w.sidebar, [w.sidebar_model.row_of_case(CASE)])
    qtbot.waitUntil(lambda: w.proxy.rowCount() == 2, timeout=5000)
    assert _shown(w) == [ids["basement-stairs.jpg"], ids["statement-b.txt"]]
    click_rows(qtbot, w.grid, [1])
    assert w.selected_ids() == [ids["statement-b.txt"]] == w.state.selection
    resets: list[QModelIndex] = []
    w.items.modelReset.connect(lambda: resets.append(QModelIndex()))

    # the older statement dropped on the case: known, it joins the case between the two
    with qtbot.waitSignal(w.import_finished, timeout=60000):
        drop_files(w.sidebar, w.sidebar_model.row_of_case(CASE), [older])
    wanted = [s.id for s in w.vault.items(case=CASE)]
    assert wanted == [ids["basement-stairs.jpg"], ids["statement-a.txt"],
                      ids["statement-b.txt"]]
    qtbot.waitUntil(lambda: _shown(w) == wanted, timeout=5000)
    qtbot.waitUntil(lambda: w.selected_ids() == [ids["statement-b.txt"]], timeout=5000)
    assert w.state.selection == [ids["statement-b.txt"]]
    assert w.detail.item_id == ids["statement-b.txt"]
    assert w.grid.currentIndex().row() == 2
    assert resets == []  # the row was added; the view did not start again
