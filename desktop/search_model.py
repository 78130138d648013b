"""Search results: title, kind, snippet and (for timed transcripts) where in the recording.
Pages of hits are added as they arrive; scrolling to the end asks for the next one. Hits are
dragged onto a case in the sidebar as their items' ids only (see item_drag)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal

from .formatting import duration_text, kind_text
from .item_drag import DraggableItemRows
from .snippet_delegate import SPANS_ROLE
from .table_model import Index

if TYPE_CHECKING:
    from search import Hit

TITLE, KIND, TIMECODE, SNIPPET = range(4)
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchResultsModel(DraggableItemRows["Hit"]):
    more_wanted = Signal(int)  # the offset of the next page of hits

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._total = 0
        self._asked_at = -1  # the offset last asked for, until its page arrives

    def set_hits(self, hits: list[Hit], total: int | None = None) -> None:
        """The first page of a new search (``total``: hits in all, when more may follow)."""
        self._total = len(hits) if total is None else max(total, len(hits))
        self._asked_at = -1
        self.set_rows(hits)

    def add_hits(self, hits: list[Hit], total: int) -> None:
        """The next page: appended, without disturbing what is shown or selected."""
        self._asked_at = -1
        self._total = max(total, len(self._rows) + len(hits))
        if not hits:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
        self._rows.extend(hits)
        self.endInsertRows()

    def total(self) -> int:
        return self._total

    def clear(self) -> None:
        self.set_hits([])

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        """Asks for the next page (it arrives later, from a task thread)."""
        if self.canFetchMore(parent) and self._asked_at != len(self._rows):
            self._asked_at = len(self._rows)
            self.more_wanted.emit(len(self._rows))

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
            return "".join(" " if c.isspace() else c for c in hit.snippet)  # spans still fit
        if role == SPANS_ROLE and index.column() == SNIPPET:
            return list(hit.spans)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == SNIPPET:
            return hit.cue_text or hit.snippet
        if role == HIT_ROLE:
            return hit
        return None
