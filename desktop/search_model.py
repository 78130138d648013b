"""Search results: title, kind, snippet and (for timed transcripts) where in the recording."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from .formatting import duration_text, kind_text
from .table_model import Index, ReadOnlyTableModel

if TYPE_CHECKING:
    from search import Hit

TITLE, KIND, TIMECODE, SNIPPET = range(4)
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(ReadOnlyTableModel["Hit"]):
    def set_hits(self, hits: list[Hit]) -> None:
        self.set_rows(hits)

    def clear(self) -> None:
        self.set_rows([])

    def hit(self, row: int) -> Hit:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Item"), self.tr("Kind"), self.tr("At"), self.tr("Match"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        hit = self.row_at(index)
        if hit is None:
            return None
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
