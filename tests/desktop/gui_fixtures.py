"""Fixtures for the GUI tests (imported by each module): offscreen Qt, the app's settings in a
temp file, and a real demo vault made in a temp folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt, QTimer  # noqa: E402

from archive import Vault  # noqa: E402
from archive.demo import build_demo_vault  # noqa: E402
from conftest import PASSPHRASE  # noqa: E402
from desktop.controller import AppController  # noqa: E402
from desktop.create_dialog import CreateVaultDialog  # noqa: E402
from desktop.main_window import MainWindow  # noqa: E402
from desktop.recovery_dialog import RecoveryKeyDialog  # noqa: E402
from desktop.settings import Settings  # noqa: E402

NEW_PASSPHRASE = "quiet river under seven bridges"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.at(tmp_path / "settings.ini")


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """The demo vault (made-up photos with GPS, a recording and its SRT, a video, statements),
    left locked, with the tests' passphrase."""
    path = tmp_path / "demo"
    build_demo_vault(path, PASSPHRASE).lock()
    return path


@pytest.fixture
def controller(qtbot, settings: Settings) -> Iterator[AppController]:  # type: ignore[no-untyped-def]
    ctl = AppController(settings)
    qtbot.addWidget(ctl.start)
    yield ctl
    ctl.shutdown()
    if ctl.main is not None:
        ctl.main.close()


def unlock(qtbot, ctl: AppController, path: Path, secret: str = PASSPHRASE,  # type: ignore[no-untyped-def]
           recovery: bool = False) -> MainWindow:
    ctl.start.choose(path)
    ctl.start.use_recovery.setChecked(recovery)
    ctl.start.secret.setText(secret)
    with qtbot.waitSignal(ctl.opened, timeout=20000):
        ctl.start.unlock()
    assert ctl.main is not None
    qtbot.addWidget(ctl.main)
    return ctl.main


def unlock_from_recent_list(qtbot, ctl: AppController, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """As a user unlocks: pick the vault in the recent list, type the passphrase, press Enter."""
    start = ctl.start
    ctl.settings.add_recent(path)
    start.load_recent()
    start.show()
    recent = start.recent
    qtbot.mouseClick(recent.viewport(), Qt.MouseButton.LeftButton,
                     pos=recent.visualItemRect(recent.item(0)).center())
    assert start.vault_path == path
    qtbot.keyClicks(start.secret, PASSPHRASE)
    with qtbot.waitSignal(ctl.opened, timeout=20000):
        qtbot.keyClick(start.secret, Qt.Key.Key_Return)
    assert ctl.main is not None
    qtbot.addWidget(ctl.main)
    return ctl.main


@pytest.fixture
def main_window(qtbot, controller: AppController, demo_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    return unlock(qtbot, controller, demo_path)


def open_vault(path: Path) -> Vault:
    vault = Vault.open(path)
    vault.unlock(PASSPHRASE)
    return vault


def create_through_dialog(qtbot, controller, folder: Path) -> str:  # type: ignore[no-untyped-def]
    """Create a vault through the start window's dialog as a user would (a weak passphrase
    refused, a mismatch shown, the recovery key confirmed); returns the recovery key."""
    shown: dict[str, object] = {}

    def answer_recovery(dialog: RecoveryKeyDialog) -> None:
        def confirm() -> None:
            shown["key"] = dialog.key_label.text()
            ok = dialog.buttons.buttons()[0]
            shown["ok_before"] = ok.isEnabled()
            dialog.reject()  # Escape must not skip the step
            shown["still_open"] = dialog.isVisible()
            dialog.confirm.setChecked(True)
            ok.click()
        QTimer.singleShot(0, confirm)

    def fill(dialog: CreateVaultDialog) -> None:
        def go() -> None:
            dialog.recovery_shown.connect(answer_recovery)
            dialog.folder.setText(str(folder))
            dialog.passphrase.setText("1234")
            dialog.repeat.setText("1234")
            shown["weak_refused"] = not dialog.ok.isEnabled()
            dialog.passphrase.setText(NEW_PASSPHRASE)
            dialog.repeat.setText(NEW_PASSPHRASE + "x")
            shown["mismatch"] = dialog.message.text()
            dialog.repeat.setText(NEW_PASSPHRASE)
            shown["ok_enabled"] = dialog.ok.isEnabled()
            dialog.ok.click()
        QTimer.singleShot(0, go)

    controller.start.create_dialog_shown.connect(fill)
    with qtbot.waitSignal(controller.opened, timeout=20000):
        controller.start.create_vault()
    assert shown["weak_refused"] is True
    assert "differ" in str(shown["mismatch"])
    assert shown["ok_enabled"] is True
    assert shown["ok_before"] is False and shown["still_open"] is True
    return str(shown["key"])
