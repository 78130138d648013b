"""Preferences: auto-lock, language, recent vaults, the map's tile server (kept with the app's
settings, not a vault)
and, while a vault is open, the examiner's name (kept in that vault's encrypted catalog)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from archive import StrongroomError

from .settings import Settings

if TYPE_CHECKING:
    from archive import Vault


class PreferencesDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 vault: Vault | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.vault = vault
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.examiner = QLineEdit(self)
        self.examiner.setToolTip(self.tr("The name recorded as who acted, in this vault's "
                                         "custody record. Empty: your login name."))
        if vault is not None:
            self.examiner.setText(vault.examiner)
            form.addRow(self.tr("Your name (this vault)"), self.examiner)
        else:
            self.examiner.hide()
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
        self.tile_url = QLineEdit(settings.map_tile_url, self)
        self.tile_url.setClearButtonEnabled(True)
        self.tile_url.setToolTip(self.tr("The address template last agreed to on the map. "
                                         "Tiles are fetched only after you agree again; "
                                         "empty: none remembered."))
        form.addRow(self.tr("Map tile server"), self.tile_url)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.vault is not None and self.examiner.text().strip() != self.vault.examiner:
            try:
                self.vault.set_examiner(self.examiner.text())
            except StrongroomError as exc:
                QMessageBox.warning(self, self.tr("Name not saved"), str(exc))
                return
        self.settings.auto_lock_minutes = self.auto_lock.value()
        self.settings.language = self.language.currentData()
        self.settings.remember_recent = self.remember.isChecked()
        self.settings.map_tile_url = self.tile_url.text()
        self.settings.sync()
        super().accept()
