"""An item's metadata as a person reads it (labels and units, from
:func:`archive.catalog.labels.readable_metadata`), with the raw stored tags one click away."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from archive.catalog.labels import readable_metadata


def _value(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class MetadataView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metadata: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.readable = QWidget(self)
        self.readable_form = QFormLayout(self.readable)
        self.raw = QWidget(self)
        self.raw_form = QFormLayout(self.raw)
        self.toggle = QPushButton(self.tr("Show raw tags"), self)
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._show_raw)
        layout.addWidget(self.readable)
        layout.addWidget(self.raw)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self._show_raw(False)

    def set_metadata(self, metadata: dict[str, Any]) -> None:
        self._metadata = dict(metadata)
        for form in (self.readable_form, self.raw_form):
            while form.rowCount():
                form.removeRow(0)
        for line in readable_metadata(self._metadata):
            self.readable_form.addRow(line.label, _value(line.value, self.readable))
        for key, value in sorted(self._metadata.items()):
            shown = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) \
                else str(value)
            self.raw_form.addRow(key, _value(shown, self.raw))
        self.toggle.setVisible(bool(self._metadata))

    def row_count(self) -> int:
        return self.readable_form.rowCount()

    def _show_raw(self, raw: bool) -> None:
        self.readable.setVisible(not raw)
        self.raw.setVisible(raw)
        self.toggle.setText(self.tr("Show readable labels") if raw else self.tr("Show raw tags"))

    def shown_text(self) -> list[tuple[str, str]]:
        """(label, value) of the rows now shown, for tests and screen readers."""
        form = self.raw_form if self.raw.isVisible() or self.toggle.isChecked() \
            else self.readable_form
        rows = []
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            shown = [item.widget() if item is not None else None for item in (label, value)]
            if isinstance(shown[0], QLabel) and isinstance(shown[1], QLabel):
                rows.append((shown[0].text(), shown[1].text()))
        return rows
