"""Linking by hand starts from a recording too: its context menu offers "Link to transcript…",
the same dialog lists the vault's transcripts, and the link is recorded on both items."""

from __future__ import annotations

from gui_gestures import answer, click_rows, right_click, row_centre
from PySide6.QtCore import Qt
from test_gui_screenshots import _save

from desktop.link_dialog import LinkRecordingDialog
from desktop.main_window import TABLE
from gui_fixtures import *  # noqa: F403


def _row_named(window, name: str) -> int:  # type: ignore[no-untyped-def]
    window.items.fetch_all()
    return next(r for r in range(window.proxy.rowCount())
                if window.proxy.index(r, 0).data() == name)


def test_a_recording_linked_to_its_transcript_from_its_context_menu(qtbot, main_window) -> None:  # type: ignore[no-untyped-def]
    w = main_window
    vault = w.vault
    w.sidebar.setCurrentIndex(w.sidebar_model.index(0, 0))  # All items
    w.set_view(TABLE)
    qtbot.waitUntil(lambda: w.proxy.rowCount() >= 8, timeout=10000)
    srt = next(s.id for s in vault.items(kind="transcript") if s.original_name == "interview-7.srt")
    video = next(s.id for s in vault.items(kind="video"))
    transcripts = sorted(s.original_name for s in vault.items(kind="transcript"))
    assert len(transcripts) > 1
    seen: dict[str, object] = {}

    def choose(dialog: LinkRecordingDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["intro"] = dialog.intro.text()
        seen["all"] = dialog.shown_names()
        try:
            _save(dialog, "link-2-a-transcript-chosen-from-a-recording")
        finally:  # the dialog is answered whatever the picture did
            qtbot.keyClicks(dialog.filter, "interview")
            qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    row = _row_named(w, "courtyard.mp4")
    answer(LinkRecordingDialog, choose)
    menu = right_click(w.table, row_centre(w.table, row), ["Link to transcript…"])
    assert "Link to transcript…" in menu and "Link to recording…" not in menu
    assert w.selected_ids() == [video]
    assert seen["title"] == "Link to transcript"
    assert "Which transcript transcribes «courtyard.mp4»?" in str(seen["intro"])
    assert sorted(seen["all"]) == transcripts  # transcripts only: no recording, no photo
    assert vault.linked_items(video) == [srt]
    assert [e.action for e in vault.custody_events(video)][-1] == "link"
    assert [e.action for e in vault.custody_events(srt)][-1] == "link"
    assert w.case_menus.act_unlink.isEnabled()

    # from the other recording, the transcript its name pairs with comes first, marked so
    def look(dialog: LinkRecordingDialog) -> None:
        seen["wav"] = [dialog.choices.item(r).text() for r in range(dialog.choices.count())]
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Escape)

    click_rows(qtbot, w.table, [_row_named(w, "interview-7.wav")])
    assert w.case_menus.act_link.text().replace("&", "") == "Link to transcript…"
    answer(LinkRecordingDialog, look)
    w.case_menus.act_link.trigger()  # the Item menu's entry
    listed: list[str] = seen["wav"]  # type: ignore[assignment]
    assert len(listed) == len(transcripts)
    assert "interview-7.srt" in listed[0] and "suggested" in listed[0]  # the same name first
    wav = w.selected_ids()[0]
    assert vault.linked_items(wav) == []  # Escape links nothing

    # a photo can be linked to nothing; the entry names the usual direction again
    click_rows(qtbot, w.table, [_row_named(w, "shop-front.jpg")])
    assert not w.case_menus.act_link.isEnabled()
    assert w.case_menus.act_link.text().replace("&", "") == "Link to recording…"
