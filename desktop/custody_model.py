"""An item's custody timeline: every event recorded about it, oldest first, each as a sentence
that names what was done, to what, and by whom."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt

from archive.custody.wording import event_sentence

from .custody_text import CustodyText
from .formatting import iso_text
from .table_model import Index, ReadOnlyTableModel

if TYPE_CHECKING:
    from archive.custody.log import Event

SEQ, TIME, EVENT = range(3)


class CustodyModel(ReadOnlyTableModel["Event"]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._templates = CustodyText(self).templates()
        self._sources: dict[str, str] = {}

    def set_events(self, events: list[Event], source: str | None = None) -> None:
        """``source``: where the item was first taken in from, for its import sentence."""
        self._sources = {e.item: source for e in events if e.item and source}
        self.set_rows(events)

    def clear(self) -> None:
        self.set_rows([])

    def headers(self) -> tuple[str, ...]:
        return (self.tr("#"), self.tr("Time"), self.tr("What happened"))

    def sentence(self, event: Event) -> str:
        return event_sentence(event, self._sources.get(event.item or ""), self._templates)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        event = self.row_at(index)
        if event is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == SEQ:
                return str(event.seq)
            if column == TIME:
                return iso_text(event.time)
            return self.sentence(event)
        if role == Qt.ItemDataRole.ToolTipRole:
            return json.dumps(event.as_dict(), ensure_ascii=False, indent=1)
        return None
