"""The first window: create a vault, open a recent or another one, unlock it with the
passphrase or the recovery key. Key derivation runs off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive import StrongroomError, Vault, WrongPassphrase, WrongRecoveryKey
from archive.vault import is_vault

from .create_dialog import CreateVaultDialog
from .error_messages import full_message, user_message
from .path_labels import distinct_labels
from .settings import Settings
from .tasks import Task, TaskRunner

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class StartWindow(QWidget):
    unlocked = Signal(object)  # the unlocked Vault
    create_dialog_shown = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Strongroom")
        self.setMinimumSize(720, 420)
        self._runner = TaskRunner(threads=1, parent=self)
        self.vault_path: Path | None = None
        self.hint_text = ""
        quitting = QAction(self)  # Ctrl+Q quits from here too (no other window is open)
        quitting.setShortcuts([QKeySequence("Ctrl+Q"),
                               *QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)])
        quitting.triggered.connect(self.close)
        self.addAction(quitting)
        layout = QHBoxLayout(self)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Recent vaults"), self))
        self.recent = QListWidget(self)
        self.recent.currentItemChanged.connect(self._recent_chosen)
        left.addWidget(self.recent, 1)
        self.create_button = QPushButton(self.tr("Create a new vault…"), self)
        self.create_button.clicked.connect(self.create_vault)
        self.open_button = QPushButton(self.tr("Open another vault…"), self)
        self.open_button.clicked.connect(self._browse)
        left.addWidget(self.create_button)
        left.addWidget(self.open_button)
        layout.addLayout(left, 1)

        self.unlock_box = QGroupBox(self.tr("Unlock"), self)
        right = QVBoxLayout(self.unlock_box)
        self.path_label = QLabel(self.tr("Choose a vault on the left."), self.unlock_box)
        self.path_label.setWordWrap(True)
        right.addWidget(self.path_label)
        self.secret = QLineEdit(self.unlock_box)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.returnPressed.connect(self.unlock)
        right.addWidget(self.secret)
        self.use_recovery = QCheckBox(self.tr("Use the recovery key instead"), self.unlock_box)
        self.use_recovery.toggled.connect(self._mode_changed)
        right.addWidget(self.use_recovery)
        self.unlock_button = QPushButton(self.tr("Unlock"), self.unlock_box)
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.unlock)
        right.addWidget(self.unlock_button)
        self.busy = QProgressBar(self.unlock_box)
        self.busy.setRange(0, 0)
        self.busy.setFormat(self.tr("Deriving the key…"))
        self.busy.hide()
        right.addWidget(self.busy)
        self.message = QLabel(self.unlock_box)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        right.addWidget(self.message)
        self.hint = QLabel(self.unlock_box)
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.hint)
        right.addStretch(1)
        layout.addWidget(self.unlock_box, 1)
        self._mode_changed(False)
        self.load_recent()

    # ------------------------------------------------------------------ choosing
    def load_recent(self) -> None:
        self.recent.blockSignals(True)
        self.recent.clear()
        paths = self.settings.recent_vaults
        for path, label in zip(paths, distinct_labels(paths), strict=True):
            entry = QListWidgetItem(label)
            entry.setToolTip(path)
            entry.setData(PATH_ROLE, path)
            self.recent.addItem(entry)
        self.recent.blockSignals(False)

    def choose(self, path: str | Path, hint: str = "") -> None:
        """Show the unlock panel for a vault folder."""
        folder = Path(path)
        self.message.clear()
        if not is_vault(folder):
            self.vault_path = None
            self.path_label.setText(self.tr("Choose a vault on the left."))
            self.message.setText(self.tr("%1 is not a Strongroom vault.")
                                 .replace("%1", str(folder)))
            self._set_enabled(False)
            return
        self.vault_path = folder
        self.hint_text = hint
        self.hint.setText(hint)
        self.path_label.setText(str(folder))
        self._set_enabled(True)
        self.secret.setFocus()

    def _recent_chosen(self, current: QListWidgetItem | None,
                       _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.choose(current.data(PATH_ROLE))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open a vault folder"))
        if folder:
            self.choose(folder)

    def create_vault(self) -> None:
        dialog = CreateVaultDialog(self)
        dialog.created.connect(self._created)
        self.create_dialog_shown.emit(dialog)
        dialog.exec()

    def _created(self, vault: Vault) -> None:
        self.settings.add_recent(vault.path)
        self.load_recent()
        self.unlocked.emit(vault)

    # ------------------------------------------------------------------ unlocking
    def _mode_changed(self, recovery: bool) -> None:
        self.secret.clear()
        self.secret.setPlaceholderText(self.tr("Recovery key (groups of four letters and digits)")
                                       if recovery else self.tr("Passphrase"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if recovery
                                else QLineEdit.EchoMode.Password)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.secret, self.use_recovery, self.unlock_button):
            widget.setEnabled(enabled)

    def unlock(self) -> None:
        if self.vault_path is None or not self.secret.text() or self._runner.busy():
            return
        folder, secret = self.vault_path, self.secret.text()
        recovery = self.use_recovery.isChecked()
        self.secret.clear()
        self.message.clear()
        self.busy.show()
        self._set_enabled(False)
        for widget in (self.recent, self.create_button, self.open_button):
            widget.setEnabled(False)

        def work(_task: Task) -> Vault:
            vault = Vault.open(folder)
            if recovery:
                vault.unlock_with_recovery(secret)
            else:
                vault.unlock(secret)
            return vault

        self._runner.start(work, done=self._unlocked, failed=self._failed)

    def _finish(self) -> None:
        self.busy.hide()
        self._set_enabled(True)
        for widget in (self.recent, self.create_button, self.open_button):
            widget.setEnabled(True)

    def _unlocked(self, vault: Vault) -> None:
        self._finish()
        self.settings.add_recent(vault.path)
        self.load_recent()
        self.unlocked.emit(vault)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, WrongPassphrase | WrongRecoveryKey):
            text = user_message(exc)
        elif isinstance(exc, StrongroomError | OSError):
            text = full_message(exc)
        else:
            text = self.tr("The vault could not be opened.")
        self.message.setText(text)
        self.secret.setFocus()

    def is_busy(self) -> bool:
        return self._runner.busy()

    def run_in_background(self, work: Callable[[Task], Any], done: Callable[[Any], None],
                          failed: Callable[[BaseException], None]) -> Task:
        """Run work on this window's pool (used to build the demo vault before unlocking)."""
        return self._runner.start(work, done=done, failed=failed)
