"""Case work the way a user reaches it: the Case and Item menus (enabled by what is chosen), the
context menus of the sidebar, the grid and the table, several items chosen at once, the Delete
key, items dragged onto a case, and a transcript linked to its recording by hand."""

from __future__ import annotations

from gui_gestures import (
    answer,
    click_rows,
    drag_selection,
    right_click,
    row_centre,
    type_and_enter,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QInputDialog,
    QMessageBox,
)

from archive.demo import DEMO_CASE
from desktop.delete_dialog import DeleteItemsDialog
from desktop.item_drag import ITEM_IDS_MIME
from desktop.link_dialog import LinkRecordingDialog
from desktop.main_window import GRID, TABLE
from gui_fixtures import *  # noqa: F403


def _choose(window, label: str) -> int:  # type: ignore[no-untyped-def]
    """Click the sidebar row whose case (or view) is ``label``; returns the row."""
    model = window.sidebar_model
    row = next(r for r in range(model.rowCount())
               if model.entry(r).case == label or model.entry(r).label == label)
    window.sidebar.setFocus()
    window.sidebar.setCurrentIndex(model.index(row, 0))
    return row


def _names(window, rows: list[int] | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.proxy
    return [proxy.index(r, 0).data() for r in (rows if rows is not None
                                               else range(proxy.rowCount()))]


def _row_named(window, name: str) -> int:  # type: ignore[no-untyped-def]
    window.items.fetch_all()
    return next(r for r in range(window.proxy.rowCount()) if window.proxy.index(r, 0).data() == name)


def _sidebar_text(window, case: str) -> str:  # type: ignore[no-untyped-def]
    row = window.sidebar_model.row_of_case(case)
    return window.sidebar_model.index(row, 0).data()


def test_case_menu_enabled_by_what_is_chosen_and_worked_by_shortcut(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    w = main_window
    m = w.case_menus
    texts = {a.text().replace("&", "") for a in w.menuBar().actions()}
    assert {"Case", "Item"} <= texts
    _choose(w, "All items")
    assert m.act_new_case.isEnabled()
    assert not m.act_rename_case.isEnabled() and not m.act_delete_case.isEnabled()
    assert not m.act_delete_items.isEnabled() and not m.act_remove.isEnabled()
    assert not m.add_menu.isEnabled()

    # Ctrl+N makes a case in the vault; it is chosen and counted
    answer(QInputDialog, type_and_enter(qtbot, "Courtyard"))
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert w.current_case() == "Courtyard"
    assert _sidebar_text(w, "Courtyard") == "Courtyard (0)"
    assert [a.text() for a in m.add_menu.actions()] == ["Courtyard", DEMO_CASE.replace("&", "&&")]
    assert m.act_rename_case.isEnabled() and not m.act_remove.isEnabled()

    answer(QInputDialog, type_and_enter(qtbot, "Inner courtyard"))
    m.act_rename_case.trigger()
    assert w.current_case() == "Inner courtyard"
    answer(QInputDialog, type_and_enter(qtbot, "behind the shop"))
    m.act_describe_case.trigger()
    row = w.sidebar_model.row_of_case("Inner courtyard")
    assert w.sidebar_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == "behind the shop"
    answer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    m.act_delete_case.trigger()
    assert w.sidebar_model.row_of_case("Inner courtyard") is None
    assert w.state.case is None and w.sidebar.currentIndex().row() == 0
    assert [e.action for e in w.vault.custody_events()[-4:]] == [
        "case-create", "case-rename", "case-describe", "case-delete"]


def test_context_menus_of_the_sidebar_and_the_table(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    w = main_window
    vault = w.vault
    vault.create_case("Van")
    w.reload_sidebar()
    _choose(w, DEMO_CASE)
    w.set_view(TABLE)
    qtbot.waitUntil(lambda: w.proxy.rowCount() >= 8, timeout=10000)

    # the sidebar: a case's own entries on a case, New case… on a view
    asked = answer(QInputDialog, lambda dialog: dialog.reject())
    on_view = right_click(w.sidebar, row_centre(w.sidebar, 0), ["New case…"])
    assert on_view == ["New case…"] and "widget" in asked
    van_row = w.sidebar_model.row_of_case("Van")
    answer(QInputDialog, type_and_enter(qtbot, "Van at night"))
    on_case = right_click(w.sidebar, row_centre(w.sidebar, van_row), ["Rename…"])
    assert on_case == ["Rename…", "Describe…", "Delete case…", "New case…"]
    assert [c[0] for c in vault.cases()] == [DEMO_CASE, "Van at night"]
    assert w.current_case() == "Van at night"

    # the table: two rows chosen with Ctrl+click, put in a case from the right-click menu
    _choose(w, DEMO_CASE)
    qtbot.waitUntil(lambda: w.proxy.rowCount() >= 8, timeout=10000)
    click_rows(qtbot, w.table, [1, 3])
    chosen = w.selected_ids()
    assert len(chosen) == 2 and w.state.selection == chosen
    shown = right_click(w.table, row_centre(w.table, 3), ["Add to case", "Van at night"])
    assert shown == ["Open item", "Add to case", "Remove from this case", "Link to recording…",
                     "Unlink", "Delete item(s)…"]
    assert {i.id for i in vault.items(case="Van at night")} == set(chosen)
    assert _sidebar_text(w, "Van at night") == "Van at night (2)"
    assert sorted(w.selected_ids()) == sorted(chosen)  # still chosen, the detail pane with them
    assert "Van at night" in w.detail.detail.cases

    # a right click on a row not chosen chooses it alone; Remove from this case takes it out
    before = w.proxy.rowCount()
    third = w.proxy.index(5, 0).data()
    right_click(w.table, row_centre(w.table, 5), ["Remove from this case"])
    assert w.proxy.rowCount() == before - 1 and third not in _names(w)
    assert _sidebar_text(w, DEMO_CASE) == f"{DEMO_CASE} ({before - 1})"
    assert w.detail.item_id is None


def test_several_items_deleted_with_the_delete_key(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    w = main_window
    _choose(w, "All items")
    w.set_view(GRID)
    qtbot.waitUntil(lambda: w.proxy.rowCount() >= 8, timeout=10000)
    total = w.proxy.rowCount()
    click_rows(qtbot, w.grid, [0, 2])
    doomed = w.selected_ids()
    names = _names(w, [0, 2])
    assert len(doomed) == 2 and w.case_menus.act_delete_items.isEnabled()
    # while search results are shown, the items chosen in the grid are out of sight: no Delete
    qtbot.keyClicks(w.search_field, "pasportimni")
    qtbot.keyClick(w.search_field, Qt.Key.Key_Return)
    assert w.stack.currentWidget() is w.search_panel
    assert not w.case_menus.act_delete_items.isEnabled()
    qtbot.keyClick(w, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert w.selected_ids() == doomed and w.case_menus.act_delete_items.isEnabled()
    seen: dict[str, str] = {}

    def delete(dialog) -> None:  # type: ignore[no-untyped-def]
        seen["text"] = dialog.what.text()
        qtbot.keyClicks(dialog.reason, "copies of other items")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    answer(DeleteItemsDialog, delete)
    qtbot.keyClick(w.grid, Qt.Key.Key_Delete)
    assert all(name in seen["text"] for name in names), (names, seen)
    assert w.vault.item_count() == total - 2
    assert w.proxy.rowCount() == total - 2 and not set(names) & set(_names(w))
    assert w.sidebar_model.index(0, 0).data() == f"All items ({total - 2})"
    assert _sidebar_text(w, DEMO_CASE) == f"{DEMO_CASE} ({total - 2})"
    assert w.detail.item_id is None and w.state.selection == []
    reasons = {e.item: e.details["reason"] for e in w.vault.custody_events()
               if e.action == "deletion-request"}
    assert reasons == dict.fromkeys(doomed, "copies of other items")


def test_items_dragged_onto_a_case(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    w = main_window
    vault = w.vault
    vault.create_case("Van")
    w.reload_sidebar()
    _choose(w, DEMO_CASE)
    w.set_view(GRID)
    qtbot.waitUntil(lambda: w.proxy.rowCount() >= 8, timeout=10000)
    click_rows(qtbot, w.grid, [0, 1])
    chosen = w.selected_ids()
    names = _names(w, [0, 1])
    data = w.grid.model().mimeData(w.grid.selectionModel().selectedIndexes())
    # ids only: no file path, no name, no text a drop elsewhere could read
    assert data.formats() == [ITEM_IDS_MIME] and not data.hasUrls() and not data.hasText()
    payload = bytes(data.data(ITEM_IDS_MIME).data()).decode()
    assert payload.split("\n") == chosen and not any(n.split(".")[0] in payload for n in names)

    van = w.sidebar_model.row_of_case("Van")
    drop = drag_selection(w.grid, w.sidebar, van)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: _sidebar_text(w, "Van") == "Van (2)", timeout=5000)
    assert {i.id for i in vault.items(case="Van")} == set(chosen)
    assert w.current_case() == DEMO_CASE and sorted(w.selected_ids()) == sorted(chosen)

    # dropped again on the same case: nothing changes, nothing is recorded
    events = len(vault.custody_events())
    drag_selection(w.grid, w.sidebar, van)
    qtbot.wait(100)
    assert len(vault.custody_events()) == events and _sidebar_text(w, "Van") == "Van (2)"

    # not onto a view: All items takes files, not items
    assert not drag_selection(w.grid, w.sidebar, 0).isAccepted()

    # with Shift the items move: out of the case shown, into the one dropped on
    vault.create_case("Shop")
    w.reload_sidebar()
    _choose(w, "Van")
    qtbot.waitUntil(lambda: w.proxy.rowCount() == 2, timeout=5000)
    click_rows(qtbot, w.grid, [0])
    moved = w.selected_ids()
    drag_selection(w.grid, w.sidebar, w.sidebar_model.row_of_case("Shop"),
                   Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _sidebar_text(w, "Shop") == "Shop (1)", timeout=5000)
    assert {i.id for i in vault.items(case="Shop")} == set(moved)
    assert _sidebar_text(w, "Van") == "Van (1)" and w.proxy.rowCount() == 1
    assert [e.action for e in vault.custody_events(moved[0])][-2:] == ["case-add", "case-remove"]


def test_a_transcript_linked_to_a_recording_by_hand(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    w = main_window
    vault = w.vault
    _choose(w, "All items")
    w.set_view(TABLE)
    qtbot.waitUntil(lambda: w.proxy.rowCount() >= 8, timeout=10000)
    m = w.case_menus
    click_rows(qtbot, w.table, [_row_named(w, "shop-front.jpg")])
    assert not m.act_link.isEnabled()  # a photo is not a transcript
    click_rows(qtbot, w.table, [_row_named(w, "interview-7.srt")])
    srt = w.selected_ids()[0]
    assert m.act_link.isEnabled() and not m.act_unlink.isEnabled()
    video = next(s.id for s in vault.items(kind="video"))
    seen: dict[str, object] = {}

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        seen["all"] = dialog.shown_names()
        qtbot.keyClicks(dialog.filter, "court")
        seen["narrowed"] = dialog.shown_names()
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    answer(LinkRecordingDialog, choose)
    qtbot.keyClick(w.table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert seen["all"] == ["interview-7.wav", "courtyard.mp4"]  # the file names' pair first
    assert seen["narrowed"] == ["courtyard.mp4"]
    assert vault.linked_items(srt) == [video]
    shown = [w.detail.facts.itemAt(r, QFormLayout.ItemRole.FieldRole).widget()
             for r in range(w.detail.facts.rowCount())]
    assert any("courtyard.mp4 (linked by hand)" in getattr(s, "text", lambda: "")()
               for s in shown)
    sentences = [w.detail.custody_model.index(r, 2).data()
                 for r in range(w.detail.custody_model.rowCount())]
    assert any(s.startswith(f"Transcript {srt[:12]} linked to recording {video[:12]}")
               for s in sentences)
    assert m.act_unlink.isEnabled()

    # Escape in the dialog links nothing
    answer(LinkRecordingDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    m.act_link.trigger()
    assert vault.linked_items(srt) == [video]

    m.act_unlink.trigger()
    assert vault.linked_items(srt) == []
    assert not m.act_unlink.isEnabled()
    assert [e.action for e in vault.custody_events(srt)][-2:] == ["link", "unlink"]
    assert [e.action for e in vault.custody_events(video)][-2:] == ["link", "unlink"]
