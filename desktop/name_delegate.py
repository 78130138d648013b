"""The table's name cell: the thumbnail drawn at the table's icon size. A pixmap given as the
decoration is otherwise drawn at its own size (160 pixels wide), which left the name a few
letters ("interview-2…")."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem


class ThumbnailNameDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasDecoration:
            option.decorationSize = option.decorationSize.scaled(
                self._view.iconSize(), Qt.AspectRatioMode.KeepAspectRatio)
