"""An item's metadata as a person reads it (labels and units, from
:func:`archive.catalog.labels.readable_metadata`), with the raw stored tags one click away and
every tag the readers saw (``Vault.all_metadata``) one click away in a window of its own."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from archive import StrongroomError
from archive.catalog.labels import readable_metadata

from .all_metadata_window import AllMetadataWindow
from .error_messages import full_message

AllTags = Callable[[], dict[str, dict[str, str]]]


def value_label(text: str, parent: QWidget) -> QLabel:
    """A value the user can select and copy, wrapped when long."""
    label = QLabel(text, parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class MetadataView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._metadata: dict[str, Any] = {}
        self._all_tags: AllTags | None = None
        self._title = ""
        self.all_window: AllMetadataWindow | None = None
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
        self.all_button = QPushButton(self.tr("All metadata…"), self)
        self.all_button.setToolTip(self.tr("Every tag found in the original, grouped as "
                                           "ExifTool groups them"))
        self.all_button.clicked.connect(self.open_all_metadata)
        buttons = QHBoxLayout()
        buttons.addWidget(self.toggle)
        buttons.addWidget(self.all_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._show_raw(False)

    def set_metadata(self, metadata: dict[str, Any], all_tags: AllTags | None = None,
                     title: str = "") -> None:
        """``all_tags`` reads the full tag dump when asked for (None: no item shown)."""
        self._metadata = dict(metadata)
        self._all_tags, self._title = all_tags, title
        self.all_button.setVisible(all_tags is not None)
        for form in (self.readable_form, self.raw_form):
            while form.rowCount():
                form.removeRow(0)
        for line in readable_metadata(self._metadata):
            self.readable_form.addRow(line.label, value_label(line.value, self.readable))
        for key, value in sorted(self._metadata.items()):
            shown = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) \
                else str(value)
            self.raw_form.addRow(key, value_label(shown, self.raw))
        self.toggle.setVisible(bool(self._metadata))

    def open_all_metadata(self) -> AllMetadataWindow | None:
        if self._all_tags is None:
            return None
        try:
            tags = self._all_tags()
        except StrongroomError as exc:
            QMessageBox.warning(self, self.tr("Cannot read the metadata"), full_message(exc))
            return None
        if self.all_window is not None:
            self.all_window.close()
        self.all_window = AllMetadataWindow(self._title, tags, self.window())
        self.all_window.destroyed.connect(self._forget_window)
        self.all_window.show()
        return self.all_window

    def _forget_window(self) -> None:
        self.all_window = None

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
