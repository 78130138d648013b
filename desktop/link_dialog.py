"""Choose the recording a transcript transcribes (or, from a recording, the transcript of it):
the vault's items of the other sort, those the names or folders suggest first, narrowed by a
filter as the user types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .formatting import kind_text, time_text

if TYPE_CHECKING:
    from archive.catalog.records import ItemSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkRecordingDialog(QDialog):
    def __init__(self, item_name: str, recordings: list[ItemSummary],
                 suggested: set[str], parent: QWidget | None = None,
                 from_recording: bool = False) -> None:
        """``item_name``: the transcript's (or with ``from_recording``, the recording's);
        ``recordings``: the items that may be chosen (transcripts, from a recording), in the
        order shown; ``suggested``: the ids the file names point to, marked as such."""
        super().__init__(parent)
        self.setMinimumSize(640, 380)
        layout = QVBoxLayout(self)
        if from_recording:
            self.setWindowTitle(self.tr("Link to transcript"))
            intro = self.tr("Which transcript transcribes «%1»? The link is kept in the "
                            "custody record of both items.")
            empty = self.tr("The vault holds no transcript to link to.")
        else:
            self.setWindowTitle(self.tr("Link to recording"))
            intro = self.tr("Which recording does «%1» transcribe? The link is kept in the "
                            "custody record of both items.")
            empty = self.tr("The vault holds no recording to link to.")
        self.intro = QLabel(intro.replace("%1", item_name), self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by name"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.choices = QListWidget(self)
        for recording in recordings:
            text = f"{recording.original_name}  —  {kind_text(recording.kind)}, " \
                   f"{time_text(recording.imported_at)}"
            if recording.id in suggested:
                text += "  " + self.tr("(suggested by the file names)")
            entry = QListWidgetItem(text, self.choices)
            entry.setData(ID_ROLE, recording.id)
            entry.setData(Qt.ItemDataRole.ToolTipRole, recording.original_name)
        layout.addWidget(self.choices, 1)
        self.empty = QLabel(empty, self)
        self.empty.setVisible(not recordings)
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.link_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.link_button.setText(self.tr("Link"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self._narrow)
        self.choices.currentItemChanged.connect(lambda *_: self._check())
        self.choices.itemDoubleClicked.connect(lambda *_: self.accept())
        if recordings:
            self.choices.setCurrentRow(0)
        self._check()
        self.filter.setFocus()

    def _narrow(self, text: str) -> None:
        wanted = text.strip().casefold()
        first_shown = None
        for row in range(self.choices.count()):
            entry = self.choices.item(row)
            hidden = bool(wanted) and wanted not in str(entry.data(
                Qt.ItemDataRole.ToolTipRole)).casefold()
            entry.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = entry
        current = self.choices.currentItem()
        if current is None or current.isHidden():
            self.choices.setCurrentRow(-1 if first_shown is None else
                                       self.choices.row(first_shown))
        self._check()

    def _check(self) -> None:
        self.link_button.setEnabled(self.chosen_id() is not None)

    def shown_names(self) -> list[str]:
        return [str(self.choices.item(r).data(Qt.ItemDataRole.ToolTipRole))
                for r in range(self.choices.count()) if not self.choices.item(r).isHidden()]

    def chosen_id(self) -> str | None:
        entry = self.choices.currentItem()
        if entry is None or entry.isHidden():
            return None
        return str(entry.data(ID_ROLE))

    def accept(self) -> None:
        if self.chosen_id() is not None:
            super().accept()
