"""A note typed in the detail pane and saved with its shortcut is saved on a task thread: the
window goes on answering, the pane says it is saving and then that it saved, and the note is
searchable once it says so."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from gui_fixtures import *  # noqa: F403


def _id(main_window, name: str) -> str:  # type: ignore[no-untyped-def]
    return next(s.id for s in main_window.vault.items() if s.original_name == name)


def test_a_note_saved_by_shortcut_runs_on_a_task_thread_with_feedback(  # type: ignore[no-untyped-def]
        qtbot, main_window, monkeypatch: pytest.MonkeyPatch) -> None:
    detail = main_window.detail
    item = _id(main_window, "shop-front.jpg")
    detail.show_item(main_window.vault, item)
    vault = main_window.vault
    # The save is held on its thread until the test lets it go, to see the window meanwhile.
    entered, release = threading.Event(), threading.Event()
    save_thread: list[threading.Thread] = []
    real_add_note = vault.add_note

    def held_add_note(*args, **kwargs):  # type: ignore[no-untyped-def]
        save_thread.append(threading.current_thread())
        entered.set()
        release.wait(60)
        return real_add_note(*args, **kwargs)

    monkeypatch.setattr(vault, "add_note", held_add_note)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow, timeout=10000)
    detail.note_edit.setFocus()
    qtbot.keyClicks(detail.note_edit, "Van seen at the depot, plate noted")
    qtbot.keyClick(detail.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(entered.is_set, timeout=10000)

    assert save_thread[0] is not threading.main_thread()
    assert detail.save_status.text() == detail.tr("Saving…")
    assert not detail.note_save.isEnabled() and not detail.tags_save.isEnabled()
    assert detail.note_edit.isReadOnly()
    # a second press while the first save is under way saves nothing twice
    qtbot.keyClick(detail.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # the window answers while the save waits: the user types a search
    qtbot.keyClicks(main_window.search_field, "depot")
    assert main_window.search_field.text() == "depot"

    release.set()
    qtbot.waitUntil(lambda: detail.save_status.text() == detail.tr("Saved"), timeout=30000)
    assert detail.note_save.isEnabled() and not detail.note_edit.isReadOnly()
    assert detail.note_edit.toPlainText() == ""
    assert [n.text for n in vault.item_detail(item).notes] == ["Van seen at the depot, plate noted"]
    assert len(save_thread) == 1
    assert [h.id for h in vault.search("plate")] == [item]


def test_tags_saved_from_the_pane_say_saving_then_saved(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    detail = main_window.detail
    item = _id(main_window, "shop-front.jpg")
    detail.show_item(main_window.vault, item)
    states: list[tuple[bool, str]] = []
    detail.saver.started.connect(
        lambda *_: states.append((detail.tags_save.isEnabled(), detail.save_status.text())))
    detail.tags_edit.clear()
    qtbot.keyClicks(detail.tags_edit, "demo, courtyard")
    qtbot.keyClick(detail.tags_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: detail.save_status.text() == detail.tr("Saved"), timeout=30000)
    assert states and states[0][0] is False
    assert sorted(main_window.vault.item_detail(item).tags) == ["courtyard", "demo"]
    assert item in {h.id for h in main_window.vault.search("tag:courtyard")}
