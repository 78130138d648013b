"""Hits in the search results are dragged onto a case in the sidebar, as items are from the grid:
the same private payload (item ids only), the items added to the case, each a custody event."""

from __future__ import annotations

from gui_gestures import click_rows, drag_selection
from PySide6.QtCore import Qt

from desktop.item_drag import ITEM_IDS_MIME, item_ids_from
from desktop.main_window import SEARCH
from gui_fixtures import *  # noqa: F403


def test_search_hits_dragged_onto_a_case(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    w = main_window
    vault = w.vault
    vault.create_case("Passports")
    w.reload_sidebar()
    w.search_field.setFocus()
    w.search_field.setText("паспорт OR pasportimni OR interview")  # typed (QTest types Latin)
    with qtbot.waitSignal(w.search_panel.shown, timeout=20000):
        qtbot.keyClick(w.search_field, Qt.Key.Key_Return)
    assert w.stack.currentIndex() == SEARCH
    results = w.search_panel.view
    model = w.search_panel.model
    assert model.rowCount() >= 2
    click_rows(qtbot, results, [0, 1])  # two hits, Ctrl+click for the second
    hits = {model.hit(0).id, model.hit(1).id}
    chosen = results.selectionModel().selectedIndexes()
    data = model.mimeData(chosen)
    assert data.formats() == [ITEM_IDS_MIME]  # ids only: no names, paths or text
    assert set(item_ids_from(data)) == hits

    # onto "All items" (not a case): refused
    assert not drag_selection(results, w.sidebar, 0).isAccepted()
    assert vault.items(case="Passports") == []

    row = w.sidebar_model.row_of_case("Passports")
    drop = drag_selection(results, w.sidebar, row)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(vault.items(case="Passports")) == len(hits), timeout=5000)
    assert {s.id for s in vault.items(case="Passports")} == hits
    for item_id in hits:
        event = vault.custody_events(item_id)[-1]
        assert event.action == "case-add"
    row = w.sidebar_model.row_of_case("Passports")
    assert w.sidebar_model.index(row, 0).data() == f"Passports ({len(hits)})"
    assert w.stack.currentIndex() == SEARCH  # the results stay on screen
