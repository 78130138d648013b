"""After case work the window shows the vault as it now is: the sidebar's names and counts, the
items of the view (those taken out of the case shown, or deleted, leave it; the others stay
chosen) and the detail pane."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView

from .items_model import Scope

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QListView, QStackedWidget, QTableView

    from archive import Vault

    from .app_state import AppState
    from .detail_pane import DetailPane
    from .items_model import ItemsModel
    from .items_proxy import ItemsProxy
    from .sidebar_model import SidebarModel
    from .viewer_window import ViewerWindow

ROWS_SEARCHED = 10_000  # rows of the view read at most to choose again what was chosen


class CaseWindow(Protocol):
    """What case work sees of the main window: its state, views and models."""

    @property
    def state(self) -> AppState: ...
    @property
    def vault(self) -> Vault | None: ...
    @property
    def sidebar(self) -> QListView: ...
    @property
    def sidebar_model(self) -> SidebarModel: ...
    @property
    def grid(self) -> QListView: ...
    @property
    def table(self) -> QTableView: ...
    @property
    def stack(self) -> QStackedWidget: ...
    @property
    def items(self) -> ItemsModel: ...
    @property
    def proxy(self) -> ItemsProxy: ...
    @property
    def detail(self) -> DetailPane: ...
    @property
    def viewers(self) -> list[ViewerWindow]: ...
    @property
    def act_open(self) -> QAction: ...
    def reload_sidebar(self) -> None: ...
    def current_view(self) -> QAbstractItemView: ...
    def selected_ids(self, view: QAbstractItemView | None = None) -> list[str]: ...


class CaseViewRefresh(QObject):
    done = Signal()

    def __init__(self, window: CaseWindow, parent: QObject) -> None:
        super().__init__(parent)
        self.window = window
        # rows moved under the selection (an older item added to the case shown, during an
        # import): once the pages that say so have come, the items chosen are chosen again
        self._moved = QTimer(self, singleShot=True, interval=0)
        self._moved.timeout.connect(self._rows_moved)
        window.items.rows_moved.connect(self._moved.start)

    def items_changed(self, _ids: list[str]) -> None:
        """Items went into or out of a case; ``cases_changed`` follows and shows it."""

    def cases_changed(self, case: str) -> None:
        """Show ``case`` (or, when empty, what was shown) with fresh counts and items."""
        self._show(Scope(case=case) if case else self.window.state.scope)

    def items_deleted(self, ids: list[str]) -> None:
        for viewer in [v for v in self.window.viewers if v.item_id in ids]:
            viewer.release()
            viewer.close()
        self._show(self.window.state.scope)

    def links_changed(self, _ids: list[str]) -> None:
        detail = self.window.detail
        if detail.item_id is not None and self.window.vault is not None:
            detail.show_item(self.window.vault, detail.item_id)
        self.done.emit()

    def _rows_moved(self) -> None:
        w = self.window
        if w.vault is not None and w.state.selection \
                and w.stack.currentWidget() is w.current_view():
            self._choose_again(w.state.selection)

    # ------------------------------------------------------------------ the views
    def _show(self, wanted: Scope) -> None:
        w = self.window
        if w.vault is None:
            return
        shown, chosen = w.state.scope, w.state.selection
        with QSignalBlocker(w.sidebar.selectionModel()):
            w.reload_sidebar()  # names and counts; the scope is set below
            found = w.sidebar_model.row_of_scope(wanted)
            row = found if found is not None else 0  # a case gone: All items
            same = found is not None and wanted == shown
            # the scope stays (quietly), or changes below from nothing, so that it is shown
            w.sidebar.setCurrentIndex(w.sidebar_model.index(row, 0) if same else QModelIndex())
        w.sidebar.viewport().update()
        if not same:  # another scope: the window shows it afresh
            w.sidebar.setCurrentIndex(w.sidebar_model.index(row, 0))
        else:
            w.items.set_source(w.vault, shown)
            self._choose_again(chosen)
        self.done.emit()

    def _choose_again(self, ids: list[str]) -> None:
        """Select again those of ``ids`` still shown; the detail pane follows the selection."""
        w = self.window
        rows = []
        for item_id in ids:
            row = w.items.find(item_id, ROWS_SEARCHED)
            if row is not None:
                rows.append(w.proxy.mapFromSource(w.items.index(row, 0)))
        if not rows:
            w.state.set_selection([])
            w.detail.clear()
            return
        view = w.current_view()
        selection = QItemSelection()
        for index in rows:
            selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag
        view.selectionModel().setCurrentIndex(rows[-1], flags.NoUpdate)
        view.selectionModel().select(selection, flags.ClearAndSelect | whole_rows(view))


def whole_rows(view: QAbstractItemView) -> QItemSelectionModel.SelectionFlag:
    """Rows for the table, which chooses whole rows; nothing more for the grid, which shows
    one column (and counts every chosen cell as an item)."""
    rows = view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    flags = QItemSelectionModel.SelectionFlag
    return flags.Rows if rows else flags.NoUpdate
