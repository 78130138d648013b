"""Preferences: auto-lock, language, recent vaults. Kept with the app's settings, not a vault."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QWidget,
)

from .settings import Settings


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.auto_lock = QSpinBox(self)
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("never"))
        self.auto_lock.setValue(settings.auto_lock_minutes)
        form.addRow(self.tr("Lock after idle time"), self.auto_lock)
        self.language = QComboBox(self)
        for code, label in (("system", self.tr("As the system")), ("en", "English"),
                            ("ru", "Русский")):
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Language (after a restart)"), self.language)
        self.remember = QCheckBox(self.tr("Remember recently opened vaults"), self)
        self.remember.setChecked(settings.remember_recent)
        self.remember.setToolTip(self.tr("The list of vault folders is kept in the app's "
                                         "settings, outside any vault."))
        form.addRow("", self.remember)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        self.settings.auto_lock_minutes = self.auto_lock.value()
        self.settings.language = self.language.currentData()
        self.settings.remember_recent = self.remember.isChecked()
        self.settings.sync()
        super().accept()
