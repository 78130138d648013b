"""Items dragged inside the app: a private mime type that carries item ids only (never file
paths, names or contents), so nothing readable leaves the app through the clipboard or a drop
onto another program."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from .table_model import Index, ReadOnlyTableModel

ITEM_IDS_MIME = "application/x-strongroom-item-ids"
_ID = re.compile(r"[0-9a-f]{8,64}")
MAX_IDS = 100_000


def item_ids_mime(ids: Iterable[str]) -> QMimeData:
    """Mime data holding these item ids, in order, without repeats."""
    unique = list(dict.fromkeys(i for i in ids if i))
    data = QMimeData()
    data.setData(ITEM_IDS_MIME, "\n".join(unique).encode("ascii"))
    return data


def item_ids_from(data: QMimeData | None) -> list[str]:
    """The item ids a drop carries; empty for anything else (or anything malformed)."""
    if data is None or not data.hasFormat(ITEM_IDS_MIME):
        return []
    raw = bytes(data.data(ITEM_IDS_MIME).data())
    try:
        lines = raw.decode("ascii").split("\n")
    except UnicodeDecodeError:
        return []
    if len(lines) > MAX_IDS or not all(_ID.fullmatch(line) for line in lines):
        return []
    return lines


class _Identified(Protocol):
    @property
    def id(self) -> str: ...


ItemRow = TypeVar("ItemRow", bound=_Identified)


class DraggableItemRows(ReadOnlyTableModel[ItemRow]):
    """A table of items whose rows are dragged onto a case in the sidebar: their ids only."""

    drag_actions = Qt.DropAction.CopyAction

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else flags

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ITEM_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        """The items of the rows dragged, each once, in row order (a row is touched once per
        column selected)."""
        rows = sorted({i.row() for i in indexes
                       if i.isValid() and 0 <= i.row() < self.rowCount()})
        return item_ids_mime(self.item_ids(rows))

    def item_ids(self, rows: Sequence[int]) -> list[str]:
        return [self._rows[row].id for row in rows]

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return self.drag_actions
