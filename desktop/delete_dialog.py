"""Asks before items are deleted, says what deletion does, and takes the reason the custody
record keeps. Delete is enabled only once a reason is typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

SHOWN_NAMES = 8


class DeleteItemsDialog(QDialog):
    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete items"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        listed = "\n".join(f"• {name}" for name in names[:SHOWN_NAMES])
        if len(names) > SHOWN_NAMES:
            listed += "\n" + self.tr("… and %1 more").replace("%1", str(len(names) - SHOWN_NAMES))
        self.what = QLabel(self.tr("Delete %1 item(s) for good?").replace("%1", str(len(names)))
                           + "\n" + listed, self)
        self.what.setWordWrap(True)
        layout.addWidget(self.what)
        self.explanation = QLabel(self.tr(
            "The originals become unreadable (crypto-erasure: their keys are destroyed), and "
            "their thumbnails, text, metadata, notes and search entries are removed. This cannot "
            "be undone. The custody record keeps the deletion, its reason, who asked for it and "
            "each original's SHA-256."), self)
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (kept in the custody record)"))
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.delete_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.delete_button.setText(self.tr("Delete"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.delete_button.setEnabled(bool(self.reason.text().strip()))

    def accept(self) -> None:
        if self.reason.text().strip():
            super().accept()

    def reason_text(self) -> str:
        return self.reason.text().strip()
