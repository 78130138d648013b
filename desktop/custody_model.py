"""An item's custody timeline: every event recorded about it, oldest first."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from .formatting import iso_text

if TYPE_CHECKING:
    from archive.custody import Event

Index = QModelIndex | QPersistentModelIndex
SEQ, TIME, ACTION, ACTOR, DETAILS = range(5)


class CustodyModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[Event] = []

    def set_events(self, events: list[Event]) -> None:
        self.beginResetModel()
        self._events = list(events)
        self.endResetModel()

    def clear(self) -> None:
        self.set_events([])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else DETAILS + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section <= DETAILS:
            return None
        return (self.tr("#"), self.tr("Time"), self.tr("Action"), self.tr("By"),
                self.tr("Details"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
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
