"""The two views of the current items: a grid of thumbnails and a sortable table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView, QTableView, QWidget

from .items_model import NAME
from .thumbnails import ICON_SIZE


def items_grid(model: QAbstractItemModel, parent: QWidget) -> QListView:
    grid = QListView(parent)
    grid.setViewMode(QListView.ViewMode.IconMode)
    grid.setResizeMode(QListView.ResizeMode.Adjust)
    grid.setUniformItemSizes(True)
    grid.setIconSize(ICON_SIZE)
    grid.setGridSize(QSize(ICON_SIZE.width() + 24, ICON_SIZE.height() + 44))
    grid.setWordWrap(True)
    grid.setLayoutMode(QListView.LayoutMode.Batched)
    grid.setBatchSize(200)
    grid.setModel(model)
    grid.setModelColumn(NAME)
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
    table.setColumnWidth(NAME, 260)
    table.setIconSize(QSize(32, 24))
    return table
