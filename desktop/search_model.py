"""Search results: title, kind, snippet and (for timed transcripts) where in the recording."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from .formatting import duration_text, kind_text

if TYPE_CHECKING:
    from search import Hit

Index = QModelIndex | QPersistentModelIndex
TITLE, KIND, TIMECODE, SNIPPET = range(4)
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[Hit] = []

    def set_hits(self, hits: list[Hit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits([])

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else SNIPPET + 1

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section <= SNIPPET:
            return None
        return (self.tr("Item"), self.tr("Kind"), self.tr("At"), self.tr("Match"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == TITLE:
                return hit.title
            if column == KIND:
                return kind_text(hit.kind)
            if column == TIMECODE:
                return duration_text(hit.timecode) if hit.timecode is not None else ""
            return " ".join(hit.snippet.split())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == SNIPPET:
            return hit.cue_text or hit.snippet
        if role == HIT_ROLE:
            return hit
        return None
