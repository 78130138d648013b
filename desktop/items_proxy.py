"""The items in the order the table's header asks for."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from .items_model import SORT_ROLE, ItemsModel


class ItemsProxy(QSortFilterProxyModel):
    """Sorting for the table header. Sorting needs every row: while the table is sorted, the
    rows not read yet are read at once (and those of a view chosen later, as it is shown)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, ItemsModel):
            source.read_everything = column >= 0
            if column >= 0:
                source.fetch_all()
        super().sort(column, order)
