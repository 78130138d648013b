"""Create a vault: a folder, a passphrase typed twice with a strength hint, then the recovery key
shown once. Key derivation runs off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive import StrongroomError, Vault
from archive.passphrase import strength_level

from .error_messages import full_message
from .recovery_dialog import RecoveryKeyDialog
from .tasks import Task, TaskRunner

MIN_LEVEL = 1  # "very weak" passphrases are refused


class CreateVaultDialog(QDialog):
    created = Signal(object)  # the unlocked Vault
    recovery_shown = Signal(object)  # the RecoveryKeyDialog, for tests to answer

    def __init__(self, parent: QWidget | None = None, folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Create a vault"))
        self.setMinimumWidth(480)
        self.vault: Vault | None = None
        self._runner = TaskRunner(threads=1, parent=self)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit(folder, self)
        self.folder.setPlaceholderText(self.tr("a new or empty folder"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Folder"), row)
        self.examiner = QLineEdit(self)
        self.examiner.setPlaceholderText(self.tr("as it should appear in the custody record"))
        self.examiner.setToolTip(self.tr("Every action you take in this vault is recorded under "
                                         "this name. You can change it in Preferences."))
        form.addRow(self.tr("Your name"), self.examiner)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(self)
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Again"), self.repeat)
        self.strength = QProgressBar(self)
        self.strength.setRange(0, 4)
        self.strength.setTextVisible(False)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        form.addRow(self.tr("Strength"), self.strength)
        form.addRow("", self.hint)
        layout.addLayout(form)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.hide()
        layout.addWidget(self.busy)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020")
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Create"))
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.folder, self.passphrase, self.repeat):
            edit.textChanged.connect(self._check)
        self._check()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the new vault"))
        if folder:
            self.folder.setText(folder)

    def _check(self) -> None:
        text = self.passphrase.text()
        level = strength_level(text)
        self.strength.setValue(level)
        hints = [self.tr("Very weak: use several unrelated words."),
                 self.tr("Weak: a guesser with your disk could find it. Add words."),
                 self.tr("Fair."), self.tr("Strong."), self.tr("Very strong.")]
        self.hint.setText(hints[level] if text else
                          self.tr("A passphrase of five or more unrelated words is strong and "
                                  "easy to remember."))
        problem = ""
        if text and level < MIN_LEVEL:
            problem = self.tr("This passphrase is too weak for a vault.")
        elif self.repeat.text() and self.repeat.text() != text:
            problem = self.tr("The two passphrases differ.")
        self.message.setText(problem)
        self.ok.setEnabled(bool(self.folder.text().strip()) and bool(text) and not problem
                           and self.repeat.text() == text)

    def _create(self) -> None:
        folder, passphrase = Path(self.folder.text().strip()).expanduser(), self.passphrase.text()
        examiner = self.examiner.text().strip()
        self.passphrase.clear()
        self.repeat.clear()
        self._set_busy(True)

        def work(_task: Task) -> tuple[Vault, str]:
            return Vault.create(folder, passphrase, examiner=examiner)

        self._runner.start(work, done=self._created, failed=self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.folder, self.examiner, self.passphrase, self.repeat, self.buttons):
            widget.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.message.setText(full_message(exc) if isinstance(exc, StrongroomError | OSError)
                             else self.tr("The vault could not be created."))

    def _created(self, result: tuple[Vault, str]) -> None:
        self._set_busy(False)
        self.vault, recovery = result
        dialog = RecoveryKeyDialog(recovery, self)
        del recovery
        self.recovery_shown.emit(dialog)
        dialog.exec()
        self.created.emit(self.vault)
        self.accept()
