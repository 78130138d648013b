"""A file whose reader never finishes, dropped on the app: the window keeps working (a search runs
and shows its hits), Ctrl+L locks at once (keys dropped, the unlock panel back), the import ends
cleanly (cancelled, its stuck reader process stopped) and the vault opens again as it was."""

from __future__ import annotations

from pathlib import Path

import hostile_readers
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

import fixtures as fx
from archive import Vault
from archive.intake import reading
from archive.intake.sandbox import MEMORY_LIMIT_ENV
from conftest import PASSPHRASE
from gui_fixtures import *  # noqa: F403
from gui_fixtures import unlock_from_recent_list

GUARD_MS = 120_000  # how long a wait may take before the test gives up (not a speed check)


def _drop_files(widget, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    """Drag files from outside the app and drop them on ``widget``."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = widget.rect().center()
    copy, left, none = (Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(centre, copy, data, left, none)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(QPoint(centre)), copy, data, left, none)
    QApplication.sendEvent(widget, drop)
    assert drop.isAccepted()


def _process_alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


@pytest.fixture
def stuck_reader(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Files named "m-..." never finish in their reader; the marker names the stuck process.
    A memory cap of its own gives this test a sandbox of its own, started with the marker set."""
    marker = tmp_path / "reading"
    monkeypatch.setenv("STUCK_MARKER", str(marker))
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "1531")
    monkeypatch.setattr(reading, "read_file", hostile_readers.stuck_read_file)
    return marker


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_ctrl_l_locks_while_a_reader_is_stuck(qtbot, controller, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              stuck_reader: Path) -> None:
    vault, _ = Vault.create(tmp_path / "vault", PASSPHRASE)
    (tmp_path / "log").mkdir()
    (tmp_path / "log" / "harbour-log.txt").write_text(
        "The boat left at dawn, said the ferryman Oskarsson.", encoding="utf-8")
    assert vault.import_paths([tmp_path / "log"]).ok
    vault.lock()
    batch = tmp_path / "batch"
    batch.mkdir()
    fx.jpeg(batch / "0-first.jpg")
    fx.jpeg(batch / "m-stuck.jpg", seed=4)

    window = unlock_from_recent_list(qtbot, controller, tmp_path / "vault")
    qtbot.waitUntil(window.isActiveWindow, timeout=10000)
    opened = window.vault
    _drop_files(window, [batch])
    assert window.import_task is not None
    qtbot.waitUntil(lambda: stuck_reader.exists() and stuck_reader.read_text().isdigit(),
                    timeout=GUARD_MS)
    reader_pid = int(stuck_reader.read_text())
    assert _process_alive(reader_pid)

    # While the reader hangs, the window answers: a search runs and its hit is shown.
    qtbot.keyClicks(window.search_field, "Oskarsson")
    with qtbot.waitSignal(window.search_panel.shown, timeout=GUARD_MS):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.search_panel.model.rowCount() == 1, timeout=GUARD_MS)
    assert window.import_task is not None and _process_alive(reader_pid)  # still stuck

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(controller.start, Qt.Key.Key_Control)  # the hidden window never saw it
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier

    # Locked: the keys are gone, the unlock panel is up for the same vault.
    assert not opened.is_unlocked and window.vault is None
    assert controller.start.isVisible() and not window.isVisible()
    assert controller.start.vault_path == tmp_path / "vault"
    assert controller.start.secret.isEnabled() and controller.start.secret.text() == ""
    # The import ended (cancelled, nothing left running) and its stuck reader was stopped.
    assert not window.tasks.busy()
    assert window.import_task is None and not window.import_panel.isVisible()
    qtbot.waitUntil(lambda: not _process_alive(reader_pid), timeout=GUARD_MS)

    # The vault opens again; the stuck file is not in it, and it verifies.
    again = Vault.open(tmp_path / "vault")
    again.unlock(PASSPHRASE)
    try:
        names = {i.original_name for i in again.items()}
        assert "m-stuck.jpg" not in names and "harbour-log.txt" in names
        assert again.verify().ok
    finally:
        again.lock()
