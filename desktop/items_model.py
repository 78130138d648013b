"""The items of the current view, one model for the grid and the table. The view has every
row from the start (the count is read at once); the rows' contents are read a page at a time,
on a task thread, when a row of the page (or of the page next to it) is first painted, and
filled in as they arrive. A scroll never inserts rows, so the grid is never laid out again
while it scrolls; a row not read yet is painted blank until its page comes."""


from __future__ import annotations

import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap

from .formatting import kind_text, size_text
from .item_cells import NAME, SIZE, TAGS, cell_text, sort_key
from .item_drag import DraggableItemRows
from .table_model import Index
from .tasks import Task, TaskRunner
from .thumbnails import ICON_SIZE, ThumbnailStore

if TYPE_CHECKING:
    from archive import Vault
    from archive.catalog.records import ItemSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
# A page asked for is not read when the view has gone further than this from it meanwhile
# (dragging the scroll bar asks for pages all the way; the rows where it stops come first).
STALE_PAGES = 4


@dataclass(frozen=True)
class Scope:
    """Which items a view shows: a case, a kind, or those imported since a moment (UTC)."""

    case: str | None = None
    kind: str | None = None
    since: datetime | None = None


class ItemsModel(DraggableItemRows["ItemSummary"]):
    # Rows read again hold other items than before (an older item added to the viewed case
    # moved the rows after it): a row-based selection no longer says which items were chosen.
    rows_moved = Signal()
    drag_actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction  # Shift moves
    # Small pages: a page is read on a task thread while the UI thread paints, and Python runs
    # one thread at a time, so a scroll step may wait for as long as a page takes to read.
    PAGE = 50
    BULK = 20  # pages read in one query when many are read at once (to sort, to find an item)

    def __init__(self, thumbnails: ThumbnailStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thumbs = thumbnails
        self._vault: Vault | None = None
        self._scope = Scope()
        self._slots: list[ItemSummary | None] = []  # a row per item; None until its page comes
        self._row_of: dict[str, int] = {}
        self._read: set[int] = set()  # pages read
        self._asked: set[int] = set()  # pages on their way
        self._tasks: TaskRunner | None = None
        self._generation = 0  # a page read for an earlier source is dropped
        self._blank: QPixmap | None = None
        self._shown_page = 0  # the page of the row painted last
        self.read_everything = False  # while the table is sorted: sorting needs every row
        thumbnails.loaded.connect(self._thumbnail_loaded)

    def read_ahead_with(self, tasks: TaskRunner) -> None:
        """Read pages on ``tasks``' threads (without, a page is read on the UI thread, just
        after the paint that wanted it)."""
        self._tasks = tasks

    # ----------------------------------------------------------------- source
    def set_source(self, vault: Vault | None, scope: Scope | None = None) -> None:
        gc.unfreeze()  # the rows let go may be collected again (see _fill)
        self.beginResetModel()
        self._vault = vault
        self._scope = scope or Scope()
        self._forget_pages()
        self._row_of = {}
        self._slots = [None] * self._count()
        if self._slots:  # the first screenfuls at once, for the first paint
            self._read_span(0, 2, notify=False)
        if self.read_everything:
            self._read_all(notify=False)
        self.endResetModel()

    def _forget_pages(self) -> None:
        self._generation += 1
        self._read, self._asked = set(), set()

    def clear(self) -> None:
        self.set_source(None)

    @property
    def scope(self) -> Scope:
        return self._scope

    def total(self) -> int:
        return len(self._slots)

    def unread_count(self) -> int:
        """Rows whose contents have not been read yet."""
        return self._slots.count(None)

    def is_read(self, row: int) -> bool:
        return 0 <= row < len(self._slots) and self._slots[row] is not None

    def _count(self) -> int:
        if self._vault is None:
            return 0
        s = self._scope
        return self._vault.item_count(case=s.case, kind=s.kind, since=s.since)

    def fetch_all(self) -> None:
        """Read every row now (to sort, or to act on all of them)."""
        self._read_all(notify=True)

    def _read_all(self, notify: bool, until: str | None = None, most: int | None = None) -> None:
        """Read the pages not read yet, in order; stop once the item ``until`` is read, or
        after ``most`` rows."""
        def enough(read: int) -> bool:
            return (until is not None and self.row_of(until) is not None) \
                or (most is not None and read >= most)

        self._read_runs([p for p in range(self._pages()) if p not in self._read], notify, enough)

    def _read_runs(self, pages: list[int], notify: bool,
                   enough: Callable[[int], bool] = lambda _read: False) -> None:
        """These pages (ascending), a run of consecutive ones (at most ``BULK``) per query,
        until ``enough`` says so of the rows read."""
        read = 0
        while pages and not enough(read):
            run = 1
            while run < min(len(pages), self.BULK) and pages[run] == pages[0] + run:
                run += 1
            self._read_span(pages[0], run, notify)
            pages, read = pages[run:], read + run * self.PAGE

    def refresh(self) -> None:
        """Take in items added since (an import in progress) without disturbing the view: their
        rows are added at the end. An item may also come before the end (an older item added
        to the viewed case), moving the rows after it: every page is read again when shown
        (those in sight at once; what they showed stays until then), and one read before now
        that arrives later is dropped. While sorted, every row is read: only the new ones are,
        unless the last row has moved (then all are)."""
        if self._vault is None:
            return
        total, shown = self._count(), len(self._slots)
        if total == shown:
            return
        if total < shown or (self.read_everything and not self._last_in_place()):
            self.set_source(self._vault, self._scope)  # the view starts again
            self.rows_moved.emit()
            return
        if self.read_everything:
            self._read.discard(shown // self.PAGE)  # the last page, if partly read: whole
        else:
            self._forget_pages()
        self.beginInsertRows(QModelIndex(), shown, total - 1)
        self._slots.extend([None] * (total - shown))
        self.endInsertRows()
        if self.read_everything:
            self._read_all(notify=True)
        else:
            self._want_around(self._shown_page * self.PAGE)

    def _last_in_place(self) -> bool:
        last = self._slots[-1] if self._slots else None
        there = self._read_rows(len(self._slots) - 1, 1) if last is not None else []
        return last is None or (bool(there) and there[0].id == last.id)

    def _pages(self) -> int:
        return -(-len(self._slots) // self.PAGE)

    def _read_page(self, page: int) -> list[ItemSummary]:
        return self._read_rows(page * self.PAGE, self.PAGE)

    def _read_rows(self, offset: int, limit: int) -> list[ItemSummary]:
        if self._vault is None:
            return []
        s = self._scope
        return self._vault.items(case=s.case, kind=s.kind, since=s.since, offset=offset,
                                 limit=limit)

    def _read_span(self, first: int, count: int, notify: bool) -> None:
        """Pages ``first`` to ``first + count - 1``, read here with one query."""
        rows = self._read_rows(first * self.PAGE, count * self.PAGE)
        for page in range(first, first + count):
            if page * self.PAGE >= len(self._slots):
                break
            start = (page - first) * self.PAGE
            self._fill(page, rows[start:start + self.PAGE], notify)

    def _fill(self, page: int, rows: list[ItemSummary], notify: bool) -> None:
        """Put a page's rows in place; if a row held another item before, say rows moved."""
        first = page * self.PAGE
        expected = min(self.PAGE, len(self._slots) - first)
        self._asked.discard(page)
        if expected <= 0:  # past the end (rows went meanwhile)
            return
        rows = rows[:expected]
        moved = False
        for row, summary in enumerate(rows, start=first):
            before = self._slots[row]
            if before is not None and before.id != summary.id:
                moved = True
                if self._row_of.get(before.id) == row:
                    del self._row_of[before.id]
            self._slots[row] = summary
            self._row_of[summary.id] = row
        if len(rows) == expected:
            self._read.add(page)
        if notify and rows:
            self.dataChanged.emit(self.index(first, 0), self.index(first + len(rows) - 1, TAGS))
        if len(rows) < expected:
            self._drop_from(first + len(rows), notify)  # fewer items than counted: gone
        if moved and notify:
            self.rows_moved.emit()
        # The rows stay until the view changes: set apart from the collector's full passes,
        # which otherwise walk every row of every page and held a scroll step for 0.1 s.
        gc.freeze()

    def _drop_from(self, row: int, notify: bool) -> None:
        if notify:
            self.beginRemoveRows(QModelIndex(), row, len(self._slots) - 1)
        for gone in self._slots[row:]:
            if gone is not None and self._row_of.get(gone.id, -1) >= row:
                del self._row_of[gone.id]
        del self._slots[row:]
        self._read = {p for p in self._read if p * self.PAGE < row}
        self._asked = {p for p in self._asked if p * self.PAGE < row}
        if notify:
            self.endRemoveRows()

    def _want(self, page: int) -> None:
        """Have this page read, unless it is read, on its way, or not there."""
        if page < 0 or page in self._read or page in self._asked or self._vault is None \
                or page * self.PAGE >= len(self._slots):
            return
        self._asked.add(page)
        generation, vault, scope, limit = self._generation, self._vault, self._scope, self.PAGE

        def arrived(rows: list[ItemSummary] | None) -> None:
            if generation != self._generation:
                return
            if rows is None:  # the view had left it; asked again if it is back meanwhile
                self._asked.discard(page)
                if abs(page - self._shown_page) <= STALE_PAGES:
                    self._want(page)
            else:
                self._fill(page, rows, notify=True)

        if self._tasks is None:
            QTimer.singleShot(0, self, lambda: arrived(self._read_page(page)))
            return

        def work(_task: Task) -> list[ItemSummary] | None:
            if abs(page - self._shown_page) > STALE_PAGES:  # the view left it while it waited
                return None
            return vault.items(case=scope.case, kind=scope.kind, since=scope.since,
                               offset=page * limit, limit=limit)

        def failed(_exc: BaseException) -> None:
            if generation == self._generation:
                self._asked.discard(page)  # asked again when painted again

        self._tasks.start(work, done=arrived, failed=failed)

    def _want_around(self, row: int) -> None:
        """The page of a row painted, the one before, and the three after: a page is read
        before it is scrolled to (scrolling a screenful a step as fast as the grid paints,
        one page ahead left rows blank after 28-50 steps of 576, two ahead after 2 of 523,
        three ahead after none)."""
        page = self._shown_page = row // self.PAGE
        for wanted in (page, page + 1, page + 2, page + 3, page - 1):
            self._want(wanted)

    def _read_now(self, row: int) -> ItemSummary | None:
        """The row, its page read at once if it has not come yet (for an action, not a paint)."""
        if not 0 <= row < len(self._slots):
            return None
        if self._slots[row] is None:
            self._read_span(row // self.PAGE, 1, notify=True)
        return self._slots[row] if row < len(self._slots) else None

    def reload_item(self, item_id: str) -> None:
        """One item changed (tags, cases): fetch its row again and say so for that row only."""
        row = self._row_of.get(item_id)
        if row is None or self._vault is None:
            return
        fresh = [s for s in self._read_rows(row, 1) if s.id == item_id]
        if fresh:
            self._slots[row] = fresh[0]
            self.dataChanged.emit(self.index(row, 0), self.index(row, TAGS))

    def summary(self, row: int) -> ItemSummary:
        found = self._read_now(row)
        if found is None:
            raise IndexError(row)
        return found

    def item_ids(self, rows: Sequence[int]) -> list[str]:
        """The ids of these rows, in this order, each once: the pages not read yet are read at
        once (an action on chosen rows needs them all), runs of pages in one query; so are
        those out of sight that rows moved since."""
        self._read_runs(sorted({r // self.PAGE for r in rows
                                if 0 <= r < len(self._slots) and self._stale(r)}), notify=True)
        found = (self._slots[r] for r in rows if 0 <= r < len(self._slots))
        return list(dict.fromkeys(s.id for s in found if s is not None))

    def _stale(self, row: int) -> bool:
        """Whether a row's contents must be read before an action: never read, or read
        before rows moved and out of sight (a row in sight is taken as it is shown)."""
        page = row // self.PAGE
        return self._slots[row] is None or (
            page not in self._read and abs(page - self._shown_page) > STALE_PAGES)

    def row_of(self, item_id: str) -> int | None:
        """The row of an item among the pages read (since the rows last moved)."""
        row = self._row_of.get(item_id)
        return row if row is not None and row // self.PAGE in self._read else None

    def find(self, item_id: str, most: int) -> int | None:
        """The row of an item: where it was shown, or a page on if rows came before it, or
        else reading at most ``most`` rows not read yet, in order."""
        was = self._row_of.get(item_id)
        if was is not None and self.row_of(item_id) is None:
            self._read_span(was // self.PAGE, 2, notify=True)
        self._read_all(notify=True, until=item_id, most=most)
        return self.row_of(item_id)

    def row_at(self, index: Index) -> ItemSummary | None:
        if not index.isValid() or not 0 <= index.row() < len(self._slots):
            return None
        return self._slots[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._slots)

    # ----------------------------------------------------------------- Qt model
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Kind"), self.tr("Captured"), self.tr("Imported"),
                self.tr("Size"), self.tr("SHA-256"), self.tr("Tags"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index)
        if item is None:
            return self._unread(index, role) if 0 <= index.row() < len(self._slots) else None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            self._want_around(index.row())
            return cell_text(item, column)
        if role == SORT_ROLE:
            return sort_key(item, column)
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

    def _unread(self, index: Index, role: int) -> Any:
        """A row whose page has not come: painted blank while it is read; its id (for an
        action on it) is read at once."""
        if not index.isValid():
            return None
        if role == ID_ROLE:
            found = self.item_ids([index.row()])
            return found[0] if found else None
        self._want_around(index.row())
        if role == Qt.ItemDataRole.DisplayRole or role == SORT_ROLE:
            return ""
        if role == Qt.ItemDataRole.DecorationRole and index.column() == NAME:
            if self._blank is None:
                self._blank = QPixmap(ICON_SIZE)
                self._blank.fill(Qt.GlobalColor.transparent)
            return self._blank
        return None

    def _thumbnail_loaded(self, item_id: str) -> None:
        row = self._row_of.get(item_id)
        if row is not None:
            cell = self.index(row, NAME)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DecorationRole])
