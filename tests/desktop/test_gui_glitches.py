"""Listed glitches, each through the keys a user presses: viewers close on Esc and Ctrl+W, Ctrl+Q
quits from the start window, and after a lock the unlock panel asks for the passphrase again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from gui_fixtures import *  # noqa: F403
from gui_fixtures import PASSPHRASE, unlock


def _id(main_window, name: str) -> str:  # type: ignore[no-untyped-def]
    return next(s.id for s in main_window.vault.items() if s.original_name == name)


def _release_modifiers(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """The window the key press closed never saw the release: Qt would go on believing Ctrl is
    held (and later clicks would toggle selections), so release it where a user's hand would."""
    qtbot.keyRelease(widget, Qt.Key.Key_Control)
    assert QGuiApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier


@pytest.mark.parametrize(("key", "modifier"), [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
])
def test_a_viewer_closes_on_escape_and_ctrl_w(qtbot, main_window, key, modifier) -> None:  # type: ignore[no-untyped-def]
    viewer = main_window.open_item(_id(main_window, "shop-front.jpg"))
    qtbot.addWidget(viewer)
    viewer.raise_()
    viewer.activateWindow()
    qtbot.waitUntil(viewer.isActiveWindow, timeout=5000)
    with qtbot.waitSignal(viewer.destroyed, timeout=5000):
        qtbot.keyClick(viewer, key, modifier)
    assert main_window.viewers == []
    _release_modifiers(qtbot, main_window)


def test_ctrl_q_quits_from_the_start_window(qtbot, controller) -> None:  # type: ignore[no-untyped-def]
    start = controller.start
    start.show()
    start.raise_()
    start.activateWindow()
    qtbot.waitUntil(start.isActiveWindow, timeout=5000)
    qtbot.keyClick(start, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not start.isVisible()
    _release_modifiers(qtbot, start)


def test_after_a_lock_the_passphrase_is_asked_again(qtbot, controller,  # type: ignore[no-untyped-def]
                                                     demo_path: Path) -> None:
    unlock(qtbot, controller, demo_path, PASSPHRASE)
    controller.start.use_recovery.setChecked(True)  # as left by an unlock with the recovery key
    controller.main.act_lock.trigger()
    start = controller.start
    assert start.isVisible()
    assert not start.use_recovery.isChecked()
    assert start.secret.echoMode() == QLineEdit.EchoMode.Password
