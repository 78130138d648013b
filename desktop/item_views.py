"""The two views of the current items: a grid of thumbnails and a sortable table. Several
items may be chosen at once, and dragged onto a case in the sidebar, also made here."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView, QWidget

from .items_model import NAME
from .name_delegate import ThumbnailNameDelegate
from .thumbnails import ICON_SIZE
from .tile_delegate import TileDelegate

NAME_WIDTH = 280  # pixels of text in the table's name column


def cases_sidebar(model: QAbstractItemModel, parent: QWidget) -> QListView:
    """All items, the kinds and the cases; files and items are dropped on a case."""
    sidebar = QListView(parent)
    sidebar.setModel(model)
    sidebar.setAcceptDrops(True)
    sidebar.setDropIndicatorShown(True)
    sidebar.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
    return sidebar


def items_grid(model: QAbstractItemModel, parent: QWidget) -> QListView:
    grid = QListView(parent)
    grid.setViewMode(QListView.ViewMode.IconMode)
    grid.setResizeMode(QListView.ResizeMode.Adjust)
    grid.setUniformItemSizes(True)
    grid.setIconSize(ICON_SIZE)
    grid.setGridSize(QSize(ICON_SIZE.width() + 24, ICON_SIZE.height() + 52))
    grid.setItemDelegate(TileDelegate(grid))  # recordings show their title and duration
    grid.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    grid.setWordWrap(True)
    grid.setLayoutMode(QListView.LayoutMode.Batched)
    grid.setBatchSize(200)
    grid.setModel(model)
    grid.setModelColumn(NAME)
    grid.setMovement(QListView.Movement.Static)  # a drag leaves the grid, never reorders it
    _drag_out(grid)
    return grid


def items_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    table.setIconSize(QSize(32, 24))
    table.setItemDelegateForColumn(NAME, ThumbnailNameDelegate(table))
    # The thumbnail takes its room from the name column: widen it by as much, and cut long
    # names in the middle so that the end ("…-final.mp3") stays readable; the tooltip has it all.
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.setColumnWidth(NAME, NAME_WIDTH + 32 + 16)
    _drag_out(table)
    return table


def _drag_out(view: QAbstractItemView) -> None:
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setDragEnabled(True)
    view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
    view.setDefaultDropAction(Qt.DropAction.CopyAction)  # added to the case; Shift moves
