"""The items of the current view, one model for the grid and the table, fetched page by page.
With a task runner, the page after the last one shown is read ahead on a task thread (each read
with a session of its own), so scrolling on inserts rows already read instead of waiting for
the catalog on the UI thread."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt

from .formatting import kind_text, size_text, time_text
from .item_drag import DraggableItemRows
from .table_model import Index
from .tasks import Task, TaskRunner
from .thumbnails import ThumbnailStore

if TYPE_CHECKING:
    from archive import Vault
    from archive.catalog.records import ItemSummary

NAME, KIND, CAPTURED, IMPORTED, SIZE, SHA256, TAGS = range(7)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass(frozen=True)
class Scope:
    """Which items a view shows: a case, a kind, or those imported since a moment (UTC)."""

    case: str | None = None
    kind: str | None = None
    since: datetime | None = None


class ItemsModel(DraggableItemRows["ItemSummary"]):
    drag_actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction  # Shift moves
    PAGE = 250

    def __init__(self, thumbnails: ThumbnailStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thumbs = thumbnails
        self._vault: Vault | None = None
        self._scope = Scope()
        self._row_of: dict[str, int] = {}
        self._total = 0
        self._tasks: TaskRunner | None = None
        self._generation = 0  # a page read for an earlier source or offset is dropped
        self._ahead: list[ItemSummary] | None = None  # the next page, read on a task thread
        self._ahead_at = -1  # the offset it starts at
        self._reading = False
        self._wanted = False  # the view asked for rows while the page was on its way
        thumbnails.loaded.connect(self._thumbnail_loaded)

    def read_ahead_with(self, tasks: TaskRunner) -> None:
        """Read the next page on ``tasks``' threads (without, every page is read when asked)."""
        self._tasks = tasks

    # ----------------------------------------------------------------- source
    def set_source(self, vault: Vault | None, scope: Scope | None = None) -> None:
        gc.unfreeze()  # the rows let go may be collected again (see _insert)
        self.beginResetModel()
        self._vault = vault
        self._scope = scope or Scope()
        self._rows, self._row_of = [], {}
        self._forget_ahead()
        self._total = self._count() if vault is not None else 0
        self.endResetModel()

    def _forget_ahead(self) -> None:
        self._generation += 1
        self._ahead, self._ahead_at = None, -1
        self._reading = self._wanted = False

    def clear(self) -> None:
        self.set_source(None)

    @property
    def scope(self) -> Scope:
        return self._scope

    def total(self) -> int:
        return self._total

    def _count(self) -> int:
        if self._vault is None:
            return 0
        s = self._scope
        return self._vault.item_count(case=s.case, kind=s.kind, since=s.since)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._vault is not None and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        """The first page at once; later ones from the page read ahead (when it has not
        arrived yet, it is inserted as soon as it does)."""
        if not self.canFetchMore(parent) or self._vault is None:
            return
        if self._tasks is None or not self._rows:
            self._insert(self._read_page(len(self._rows)))
        elif self._ahead is not None and self._ahead_at == len(self._rows):
            page, self._ahead = self._ahead, None
            self._insert(page)
        else:
            self._wanted = True
        self._read_ahead()

    def fetch_all(self) -> None:
        self._forget_ahead()
        while self.canFetchMore():
            self._insert(self._read_page(len(self._rows)))

    def refresh(self) -> None:
        """Take in items added since (an import in progress) without disturbing the view."""
        if self._vault is None:
            return
        all_loaded = len(self._rows) >= self._total
        self._total = self._count()
        if all_loaded and len(self._rows) < self._total:
            self._forget_ahead()
            self._insert(self._read_page(len(self._rows)))

    def _read_page(self, offset: int) -> list[ItemSummary]:
        if self._vault is None:
            return []
        s = self._scope
        return self._vault.items(case=s.case, kind=s.kind, since=s.since, offset=offset,
                                 limit=self.PAGE)

    def _insert(self, page: list[ItemSummary]) -> None:
        page = [p for p in page if p.id not in self._row_of]
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        for offset, summary in enumerate(page):
            self._row_of[summary.id] = first + offset
        self._rows.extend(page)
        self.endInsertRows()
        # The rows stay until the view changes: set apart from the collector's full passes,
        # which otherwise walk every row of every page and held a scroll step for 0.1 s.
        gc.freeze()

    def _read_ahead(self) -> None:
        """Start reading the page after the rows shown, unless it is read or on its way."""
        offset = len(self._rows)
        if self._tasks is None or self._vault is None or self._reading or offset >= self._total \
                or (self._ahead is not None and self._ahead_at == offset):
            return
        vault, scope, limit, generation = self._vault, self._scope, self.PAGE, self._generation
        self._reading, self._ahead, self._ahead_at = True, None, offset

        def work(_task: Task) -> list[ItemSummary]:
            return vault.items(case=scope.case, kind=scope.kind, since=scope.since,
                               offset=offset, limit=limit)

        def arrived(page: list[ItemSummary]) -> None:
            if generation != self._generation:
                return
            self._reading = False
            if offset != len(self._rows):  # rows came in another way meanwhile
                self._read_ahead()
                return
            if self._wanted:
                self._wanted = False
                self._insert(page)
                self._read_ahead()
            else:
                self._ahead = page

        def failed(_exc: BaseException) -> None:
            if generation == self._generation:
                self._reading = self._wanted = False  # the view asks again when scrolled

        self._tasks.start(work, done=arrived, failed=failed)

    def reload_item(self, item_id: str) -> None:
        """One item changed (tags, cases): fetch its row again and say so for that row only."""
        row = self._row_of.get(item_id)
        if row is None or self._vault is None:
            return
        fresh = [s for s in self._vault.items(case=self._scope.case, kind=self._scope.kind,
                                              since=self._scope.since, offset=row, limit=1)
                 if s.id == item_id]
        if fresh:
            self._rows[row] = fresh[0]
            self.dataChanged.emit(self.index(row, 0), self.index(row, TAGS))

    def summary(self, row: int) -> ItemSummary:
        return self._rows[row]

    def row_of(self, item_id: str) -> int | None:
        return self._row_of.get(item_id)

    # ----------------------------------------------------------------- Qt model
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Kind"), self.tr("Captured"), self.tr("Imported"),
                self.tr("Size"), self.tr("SHA-256"), self.tr("Tags"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            return self._sort_key(item, column)
        if role == ID_ROLE:
            return item.id
        if role == SUMMARY_ROLE:
            return item
        if role == Qt.ItemDataRole.DecorationRole and column == NAME:
            shown = self._thumbs.pixmap(item.id) if item.thumbnail_id else None
            return shown if shown is not None else self._thumbs.placeholder(item.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.original_name}\n{kind_text(item.kind)} · {size_text(item.size)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(item: ItemSummary, column: int) -> str:
        if column == NAME:
            return item.original_name
        if column == KIND:
            return kind_text(item.kind)
        if column == CAPTURED:
            return time_text(item.captured_at, item.captured_is_utc)
        if column == IMPORTED:
            return time_text(item.imported_at)
        if column == SIZE:
            return size_text(item.size)
        if column == SHA256:
            return item.sha256[:12]
        return ", ".join(item.tags)

    @staticmethod
    def _sort_key(item: ItemSummary, column: int) -> Any:
        if column == CAPTURED:
            return item.captured_at.isoformat() if item.captured_at else ""
        if column == IMPORTED:
            return item.imported_at.isoformat()
        if column == SIZE:
            return item.size
        if column == SHA256:
            return item.sha256
        return ItemsModel._display(item, column).casefold()


    def _thumbnail_loaded(self, item_id: str) -> None:
        row = self._row_of.get(item_id)
        if row is not None:
            cell = self.index(row, NAME)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DecorationRole])


class ItemsProxy(QSortFilterProxyModel):
    """Sorting for the table header and a quick filter on name and tags. Sorting needs every
    row, so the first sort fetches what is not loaded yet."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if column >= 0 and isinstance(source, ItemsModel):
            source.fetch_all()
        super().sort(column, order)
