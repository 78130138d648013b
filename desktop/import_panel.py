"""Progress of an import: counts, the file at hand, each failure with its reason, and cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ImportPanel(QWidget):
    cancel_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status = QLabel(self)
        self.bar = QProgressBar(self)
        self.cancel_button = QPushButton(self.tr("Cancel import"), self)
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.dismissed)
        top.addWidget(self.status, 1)
        top.addWidget(self.bar, 2)
        top.addWidget(self.cancel_button)
        top.addWidget(self.close_button)
        layout.addLayout(top)
        self.counts = QLabel(self)
        layout.addWidget(self.counts)
        self.errors = QListWidget(self)
        self.errors.setMaximumHeight(120)
        layout.addWidget(self.errors)
        self.imported = self.duplicates = self.failed = 0
        self.running = False

    def start(self) -> None:
        self.running = True
        self.imported = self.duplicates = self.failed = 0
        self.errors.clear()
        self.errors.hide()
        self.bar.setRange(0, 0)
        self.status.setText(self.tr("Looking for files…"))
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.close_button.hide()
        self._show_counts()
        self.show()

    def progress(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        text = self.tr("%1 of %2").replace("%1", str(done)).replace("%2", str(total))
        self.status.setText(f"{text}  {name}" if name else text)

    def add_results(self, imported: int, duplicates: int, failures: list[str]) -> None:
        self.imported += imported
        self.duplicates += duplicates
        self.failed += len(failures)
        for message in failures:
            self.errors.addItem(message)
        self.errors.setVisible(self.errors.count() > 0)
        self._show_counts()

    def finish(self, cancelled: bool) -> None:
        self.running = False
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.status.setText(self.tr("Import cancelled; what was already in stays in.")
                            if cancelled else self.tr("Import finished."))
        self.cancel_button.hide()
        self.close_button.show()

    def fail(self, message: str) -> None:
        self.running = False
        self.status.setText(self.tr("Import stopped: %1").replace("%1", message))
        self.cancel_button.hide()
        self.close_button.show()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.status.setText(self.tr("Cancelling after the file at hand…"))
        self.cancel_requested.emit()

    def _show_counts(self) -> None:
        self.counts.setText(
            self.tr("Imported: %1 · Already in the vault: %2 · Failed: %3")
            .replace("%1", str(self.imported)).replace("%2", str(self.duplicates))
            .replace("%3", str(self.failed)))
