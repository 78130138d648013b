"""Every menu entry works the way a user reaches it, and a whole case goes from a new vault to a
checked exhibit package through menus, shortcuts and drag and drop only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
)

from archive import ImportStatus
from gui_fixtures import *  # noqa: F403
from gui_fixtures import NEW_PASSPHRASE, create_through_dialog

CASE = "Demo: basement shop"
STRONGROOM = Path(sys.executable).with_name("strongroom")  # the installed command


class DialogAnswerer(QObject):
    """Answers every dialog that comes up the way a user who does not want it would (Escape,
    or OK on a message), and writes down each message box; a warning or a critical box is an
    error box. Progress dialogs are left to run."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[QMessageBox.Icon, str]] = []
        self.dialogs: list[str] = []
        self.timer = QTimer(self)
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.answer)
        self.timer.start()

    def answer(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if not widget.isVisible() or isinstance(widget, QProgressDialog):
                continue
            if isinstance(widget, QMessageBox):
                self.messages.append((widget.icon(), widget.text()))
                widget.done(QMessageBox.StandardButton.Ok)
            elif isinstance(widget, QDialog):
                self.dialogs.append(type(widget).__name__)
                widget.reject()

    def error_boxes(self) -> list[str]:
        return [text for icon, text in self.messages
                if icon in (QMessageBox.Icon.Warning, QMessageBox.Icon.Critical)]

    def stop(self) -> None:
        self.timer.stop()


@pytest.fixture
def answerer():  # type: ignore[no-untyped-def]
    watcher = DialogAnswerer()
    yield watcher
    watcher.stop()


def menu_actions(window) -> list[QAction]:  # type: ignore[no-untyped-def]
    """Every entry reachable from the menu bar, sub-menus included, in menu order."""
    found: list[QAction] = []

    def walk(actions: list[QAction]) -> None:
        for action in actions:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif not action.isSeparator():
                found.append(action)

    walk(window.menuBar().actions())
    return found


def choose_case(window, name: str) -> None:  # type: ignore[no-untyped-def]
    row = window.sidebar_model.row_of_case(name)
    assert row is not None, name
    window.sidebar.setCurrentIndex(window.sidebar_model.index(row, 0))


def answer_file_dialogs(monkeypatch, export_to: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """A folder where the export asks for one; Cancel for every other file dialog."""
    asked: list[str] = []

    def existing_directory(_parent, caption: str = "", *_a, **_k) -> str:  # type: ignore[no-untyped-def]
        asked.append(caption)
        return str(export_to) if "package" in caption else ""

    def open_file_names(_parent, caption: str = "", *_a, **_k):  # type: ignore[no-untyped-def]
        asked.append(caption)
        return [], ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(existing_directory))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_file_names))
    return asked


def unlock_by_typing(qtbot, controller, passphrase: str):  # type: ignore[no-untyped-def]
    start = controller.start
    assert start.isVisible()
    start.secret.clear()
    qtbot.keyClicks(start.secret, passphrase)
    with qtbot.waitSignal(controller.opened, timeout=30000):
        qtbot.mouseClick(start.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(controller.main.isActiveWindow, timeout=10000)  # as the user sees it
    return controller.main


def test_every_menu_entry_works(qtbot, controller, main_window, answerer, tmp_path: Path,  # type: ignore[no-untyped-def]
                                monkeypatch) -> None:
    from gui_fixtures import PASSPHRASE

    export_to = tmp_path / "exports"
    export_to.mkdir()
    asked = answer_file_dialogs(monkeypatch, export_to)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    app = QApplication.instance()
    app.setQuitOnLastWindowClosed(False)  # Quit is tried last, with the window still checked
    actions = menu_actions(main_window)
    names = [a.text().replace("&", "") for a in actions]
    assert len(actions) >= 13 and len(set(names)) == len(names), names
    for action in actions:
        if action is main_window.act_quit:
            continue
        window = controller.main
        choose_case(window, CASE)
        window.set_view(1)  # the table, with one item selected for "Open item"
        window.table.selectRow(0)
        window.actions_.last_message = None
        before = len(window.viewers)
        action.trigger()
        if action is window.act_export:
            qtbot.waitUntil(lambda w=window: w.actions_.last_message is not None, timeout=60000)
            assert (export_to / f"exhibits-{CASE}" / "bagit.txt").exists()
        elif action is window.act_verify:
            qtbot.waitUntil(lambda w=window: w.actions_.last_message is not None, timeout=60000)
        elif action is window.act_open:
            assert len(window.viewers) == before + 1
            window.viewers[-1].close()
        elif action is window.act_lock:
            assert not window.isVisible() and controller.start.isVisible()
            unlock_by_typing(qtbot, controller, PASSPHRASE)
        qtbot.waitUntil(lambda w=window: not w.tasks.busy(), timeout=60000)
        qtbot.wait(50)  # the answerer looks at what came up
        assert answerer.error_boxes() == [], (action.text(), answerer.error_boxes())
    assert "Where to write the package" in asked
    assert {"PreferencesDialog"} <= set(answerer.dialogs)
    assert any("Strongroom" in text for _icon, text in answerer.messages)  # About
    window = controller.main
    window.act_quit.trigger()
    assert not window.isVisible()
    app.setQuitOnLastWindowClosed(True)


def _evidence(folder: Path) -> Path:
    folder.mkdir()
    (folder / "statement.txt").write_text(
        "Показания свидетеля: фургон KESTRELVAN стоял у подвала.", encoding="utf-8")
    (folder / "neighbour.txt").write_text("The neighbour saw nothing that night.",
                                          encoding="utf-8")
    Image.new("RGB", (320, 240), (40, 90, 140)).save(folder / "door.jpg", quality=85)
    return folder


def drop_on(qtbot, widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """Drag files from outside the app and drop them on ``widget``."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = widget.rect().center()
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(QPoint(centre)), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def test_journey_from_a_new_vault_to_a_checked_package(qtbot, controller, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       monkeypatch) -> None:
    create_through_dialog(qtbot, controller, tmp_path / "vault")
    window = controller.main
    qtbot.addWidget(window)
    qtbot.waitUntil(window.isActiveWindow, timeout=10000)
    answerer = DialogAnswerer()  # from here on, any message box is written down and closed
    try:
        _journey(qtbot, controller, window, answerer, tmp_path, monkeypatch)
    finally:
        answerer.stop()


def _journey(qtbot, controller, window, answerer, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    export_to = tmp_path / "out"
    export_to.mkdir()
    answer_file_dialogs(monkeypatch, export_to)
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("Courtyard case", True)))

    # a new case (Ctrl+N), then a folder dropped on the window goes into it
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.current_case() == "Courtyard case"
    with qtbot.waitSignal(window.import_finished, timeout=120000) as imported:
        drop_on(qtbot, window, [_evidence(tmp_path / "evidence")])
    report = imported.args[0]
    assert report is not None and report.count(ImportStatus.IMPORTED) == 3
    assert window.vault.item_count(case="Courtyard case") == 3

    # search (Ctrl+F, type, Enter), open the hit with Enter
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    qtbot.keyClicks(window.search_field, "kestrelvan")
    with qtbot.waitSignal(window.search_panel.shown, timeout=20000):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    results = window.search_panel.view
    assert window.search_panel.model.rowCount() == 1
    results.setFocus()
    results.setCurrentIndex(window.search_panel.model.index(0, 0))
    qtbot.keyClick(results, Qt.Key.Key_Return)
    assert len(window.viewers) == 1
    viewer = window.viewers[0]
    hit_id = viewer.item_id
    assert viewer.windowTitle() == "statement.txt"
    assert any(m.lower() == "kestrelvan" for m in viewer.text.marked())
    viewer.close()

    # a note from the detail pane
    assert window.detail.item_id == hit_id
    qtbot.keyClicks(window.detail.note_edit, "Van identified by the neighbour.")
    with qtbot.waitSignal(window.detail.saver.saved, timeout=30000):
        qtbot.mouseClick(window.detail.note_save, Qt.MouseButton.LeftButton)
    assert any(e.action == "note" for e in window.vault.custody_events(hit_id))

    # export the case (Ctrl+E); the installed command checks the package. (The viewer closed
    # while the note was saving: the user is back in the main window.)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10000)
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    package = export_to / "exhibits-Courtyard case"
    qtbot.waitUntil(lambda: (package / "bagit.txt").exists() and
                    window.actions_.last_message is not None, timeout=120000)
    checked = subprocess.run([str(STRONGROOM), "verify-export", str(package)],
                             capture_output=True, text=True, timeout=300, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert len(list((package / "data").iterdir())) == 3

    # the user reads the message and closes it, then locks (Ctrl+L) and unlocks by typing the
    # passphrase; the note is still there
    qtbot.waitUntil(lambda: any(str(package) in text for _icon, text in answerer.messages),
                    timeout=10000)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=10000)
    window.activateWindow()  # the user clicks the window to go on
    qtbot.waitUntil(window.isActiveWindow, timeout=10000)
    vault = window.vault
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not vault.is_unlocked and controller.start.isVisible()
    window = unlock_by_typing(qtbot, controller, NEW_PASSPHRASE)
    assert window.vault.is_unlocked
    notes = window.vault.item_detail(hit_id).notes
    assert notes[0].text == "Van identified by the neighbour."
    assert answerer.error_boxes() == []
