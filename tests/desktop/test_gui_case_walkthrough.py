"""A day of case work with nothing but the mouse and the keyboard: a vault made with the
examiner's name, two cases, evidence dropped into one, a photo moved to the other, two items
deleted with a reason (and nothing of them left on the disk), the custody timeline naming the
cases and the examiner, a transcript linked to its recording."""

from __future__ import annotations

from pathlib import Path

from disk_checks import catalog, dump, index_bytes, rows_naming
from gui_gestures import answer, click_rows, drag_selection, drop_files, row_centre
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QInputDialog, QLineEdit
from test_gui_examiner_and_labels import _create_with_name

import fixtures as fx
from archive import ImportStatus
from crypto import keys
from desktop.delete_dialog import DeleteItemsDialog
from desktop.link_dialog import LinkRecordingDialog
from desktop.main_window import GRID
from gui_fixtures import *  # noqa: F403

EXAMINER = "Anna Petrova"
FLAT, YARD = "Flat on Lenina st.", "Courtyard"
WORD = "Zharkentovich"  # only inside the statement's text


def _evidence(folder: Path) -> Path:
    folder.mkdir()
    fx.jpeg(folder / "door.jpg", seed=1)
    fx.jpeg(folder / "door-again.jpg", seed=2)
    (folder / "statement.txt").write_text(f"The driver {WORD} kept them in the basement.",
                                          encoding="utf-8")
    fx.wav(folder / "interview-2024-03-11.wav")
    (folder / "notes by phone.srt").write_text(fx.SRT_TEXT, encoding="utf-8")
    return folder


def _click_case(qtbot, window, case: str) -> None:  # type: ignore[no-untyped-def]
    row = window.sidebar_model.row_of_case(case) if case else 0
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=row_centre(window.sidebar, row))
    qtbot.waitUntil(lambda: window.state.case == (case or None), timeout=5000)


def _rows(window, *names: str) -> list[int]:  # type: ignore[no-untyped-def]
    window.items.fetch_all()
    shown = [window.proxy.index(r, 0).data() for r in range(window.proxy.rowCount())]
    return [shown.index(name) for name in names]


def _count(window, case: str) -> str:  # type: ignore[no-untyped-def]
    return window.sidebar_model.index(window.sidebar_model.row_of_case(case), 0).data()


def _facts(window) -> list[str]:  # type: ignore[no-untyped-def]
    form = window.detail.facts
    widgets = [form.itemAt(r, QFormLayout.ItemRole.FieldRole).widget()
               for r in range(form.rowCount())]
    return [w.text() for w in widgets if hasattr(w, "text")]


def _timeline(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.detail.custody_model
    return [model.index(r, 2).data() for r in range(model.rowCount())]


def _back_to(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The user clicks the window after a dialog closed (offscreen, nothing activates it)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def _new_case(qtbot, window, name: str) -> None:  # type: ignore[no-untyped-def]
    def type_name(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.findChild(QLineEdit), name)
        qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Return)

    _back_to(qtbot, window)
    answer(QInputDialog, type_name)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_case() == name


def test_a_day_of_case_work(qtbot, controller, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("STRONGROOM_ACTOR", raising=False)
    vault_path = tmp_path / "vault"
    _create_with_name(qtbot, controller, vault_path, EXAMINER)
    w = controller.main
    qtbot.addWidget(w)
    qtbot.waitUntil(w.isActiveWindow, timeout=10000)
    w.set_view(GRID)

    # two cases (Ctrl+N), the evidence dropped on the first
    _new_case(qtbot, w, FLAT)
    _new_case(qtbot, w, YARD)
    with qtbot.waitSignal(w.import_finished, timeout=120000) as imported:
        drop_files(w.sidebar, w.sidebar_model.row_of_case(FLAT), [_evidence(tmp_path / "ev")])
    assert imported.args[0].count(ImportStatus.IMPORTED) == 5
    vault = w.vault
    assert vault.item_count(case=FLAT) == 5 and vault.item_count(case=YARD) == 0
    assert _count(w, FLAT) == f"{FLAT} (5)"

    # the door photo moves to the courtyard (dragged with Shift)
    _click_case(qtbot, w, FLAT)
    qtbot.waitUntil(lambda: w.proxy.rowCount() == 5, timeout=10000)
    click_rows(qtbot, w.grid, _rows(w, "door.jpg"))
    door = w.selected_ids()[0]
    drag_selection(w.grid, w.sidebar, w.sidebar_model.row_of_case(YARD),
                   Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _count(w, YARD) == f"{YARD} (1)", timeout=5000)
    assert _count(w, FLAT) == f"{FLAT} (4)" and w.proxy.rowCount() == 4

    # two items chosen and deleted with the Delete key and a reason
    click_rows(qtbot, w.grid, _rows(w, "door-again.jpg", "statement.txt"))
    doomed = tuple(w.selected_ids())
    thumbnail = vault.item_detail(doomed[0]).thumbnail_id
    assert thumbnail is not None and WORD.lower().encode() in index_bytes(vault).lower()

    def give_reason(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.reason, "copies made by the phone")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    answer(DeleteItemsDialog, give_reason)
    _back_to(qtbot, w)
    qtbot.keyClick(w.grid, Qt.Key.Key_Delete)
    assert vault.item_count() == 3 and _count(w, FLAT) == f"{FLAT} (2)"
    assert vault.search(WORD) == []
    index = index_bytes(vault)
    assert WORD.lower().encode() not in index.lower()
    assert not any(i.encode() in index for i in doomed)

    # the door's timeline names the cases and the examiner
    _click_case(qtbot, w, YARD)
    qtbot.waitUntil(lambda: w.proxy.rowCount() == 1, timeout=5000)
    click_rows(qtbot, w.grid, [0])
    assert w.detail.item_id == door
    timeline = _timeline(w)
    assert timeline[0].startswith("Imported from ")
    assert timeline[0].endswith(f"by {EXAMINER}; into case «{FLAT}»")
    assert f"Added to case «{YARD}» by {EXAMINER}" in timeline
    assert f"Taken out of case «{FLAT}» by {EXAMINER}" in timeline
    assert f"{FLAT}" not in ", ".join(vault.item_detail(door).cases)

    # the transcript linked to its recording (Ctrl+K, filter, Return)
    _click_case(qtbot, w, "")
    qtbot.waitUntil(lambda: w.proxy.rowCount() == 3, timeout=5000)
    click_rows(qtbot, w.grid, _rows(w, "notes by phone.srt"))
    transcript = w.selected_ids()[0]
    recording = next(s.id for s in vault.items(kind="audio"))

    def choose(dialog) -> None:  # type: ignore[no-untyped-def]
        qtbot.keyClicks(dialog.filter, "interview")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    answer(LinkRecordingDialog, choose)
    _back_to(qtbot, w)
    qtbot.keyClick(w.grid, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert vault.linked_items(transcript) == [recording]
    assert "interview-2024-03-11.wav (linked by hand)" in _facts(w)
    assert f"Transcript {transcript[:12]} linked to recording {recording[:12]} by " \
           f"{EXAMINER}" in _timeline(w)
    assert {e.actor for e in vault.custody_events()} == {EXAMINER}

    # locked (Ctrl+L): on the disk, no catalog row names the deleted items or holds their
    # text, and the thumbnail's object is gone
    key = vault.core.subkey(keys.Purpose.CATALOG)
    _back_to(qtbot, w)
    qtbot.keyClick(w, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not vault.is_unlocked
    with catalog(vault_path, key) as conn:
        assert set(rows_naming(conn, doomed).values()) == {0}
        assert conn.execute("SELECT count(*) FROM objects WHERE id = ?",
                            (thumbnail,)).fetchone() == (0,)
        assert WORD not in dump(conn)
        reasons = conn.execute("SELECT count(*) FROM custody_events WHERE action = "
                               "'deletion-request'").fetchone()
        assert reasons == (2,)
