"""An item's custody timeline: every event recorded about it, oldest first."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from .formatting import iso_text
from .table_model import Index, ReadOnlyTableModel

if TYPE_CHECKING:
    from archive.custody.log import Event

SEQ, TIME, ACTION, ACTOR, DETAILS = range(5)


class CustodyModel(ReadOnlyTableModel["Event"]):
    def set_events(self, events: list[Event]) -> None:
        self.set_rows(events)

    def clear(self) -> None:
        self.set_rows([])

    def headers(self) -> tuple[str, ...]:
        return (self.tr("#"), self.tr("Time"), self.tr("Action"), self.tr("By"),
                self.tr("Details"))

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
            if column == ACTION:
                return event.action
            if column == ACTOR:
                return event.actor
            return self._details(event)
        if role == Qt.ItemDataRole.ToolTipRole:
            return json.dumps(event.as_dict(), ensure_ascii=False, indent=1)
        return None

    @staticmethod
    def _details(event: Event) -> str:
        return ", ".join(f"{k}: {v}" for k, v in event.details.items()
                         if not isinstance(v, dict | list))
