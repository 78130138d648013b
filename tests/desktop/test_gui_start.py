"""Create, lock and unlock through the real dialogs: passphrase, wrong passphrase, recovery key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from desktop.create_dialog import CreateVaultDialog
from gui_fixtures import *  # noqa: F403
from gui_fixtures import NEW_PASSPHRASE, PASSPHRASE, create_through_dialog, unlock


def test_create_lock_unlock_and_recover(qtbot, controller, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "new-vault"
    recovery = create_through_dialog(qtbot, controller, folder)
    assert (folder / "header.json").exists()
    assert len(recovery.replace("-", "").replace(" ", "")) >= 52
    main = controller.main
    assert main is not None and main.vault is not None and main.vault.is_unlocked
    assert controller.settings.recent_vaults == [str(folder.resolve())]

    controller.lock()
    assert main.vault is None and controller.start.isVisible()
    assert controller.start.vault_path == folder

    # a wrong passphrase: a clear message, still locked
    controller.start.secret.setText("not the passphrase at all")
    qtbot.waitUntil(lambda: not controller.start.is_busy(), timeout=100)
    controller.start.unlock()
    qtbot.waitUntil(lambda: "Wrong passphrase" in controller.start.message.text(), timeout=20000)
    assert controller.main.vault is None
    assert controller.start.secret.text() == ""  # the typed secret does not linger

    # the right one
    unlock(qtbot, controller, folder, NEW_PASSPHRASE)
    controller.lock()

    # the recovery key, with a typo first
    controller.start.use_recovery.setChecked(True)
    controller.start.secret.setText(recovery[:-1] + ("A" if recovery[-1] != "A" else "B"))
    controller.start.unlock()
    qtbot.waitUntil(lambda: controller.start.message.text() != "", timeout=20000)
    assert controller.main.vault is None
    unlock(qtbot, controller, folder, recovery, recovery=True)
    assert controller.main.vault is not None


def test_a_folder_that_is_not_a_vault_is_named(qtbot, controller, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    controller.start.choose(tmp_path)
    assert "not a Strongroom vault" in controller.start.message.text()
    assert not controller.start.unlock_button.isEnabled()


def test_create_refuses_a_folder_with_files(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("x")
    dialog = CreateVaultDialog(folder=str(tmp_path / "taken"))
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    dialog.ok.click()
    qtbot.waitUntil(lambda: "already exists" in dialog.message.text(), timeout=20000)
    assert dialog.result() != QDialog.DialogCode.Accepted
