"""The timed cues of a transcript; activating one asks for the recording to seek there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from .formatting import duration_text

START_ROLE = Qt.ItemDataRole.UserRole + 1


class CueList(QListWidget):
    cue_activated = Signal(float)  # seconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def set_cues(self, cues: list[dict[str, Any]]) -> None:
        self.clear()
        for cue in cues:
            speaker = f"{cue['speaker']}: " if cue.get("speaker") else ""
            entry = QListWidgetItem(f"[{duration_text(cue['start'])}] {speaker}{cue['text']}")
            entry.setData(START_ROLE, float(cue["start"]))
            self.addItem(entry)

    def select_at(self, seconds: float) -> None:
        """Select the cue that contains (or last started before) a moment."""
        best = None
        for row in range(self.count()):
            if self.item(row).data(START_ROLE) <= seconds + 0.001:
                best = row
        if best is not None:
            self.setCurrentRow(best)
            self.scrollToItem(self.item(best))

    def _activated(self, entry: QListWidgetItem) -> None:
        self.cue_activated.emit(float(entry.data(START_ROLE)))
