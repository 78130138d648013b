"""How a grid tile reads: its file name and, for recordings and videos, the title and the
duration under it, so that a row of identical audio icons can be told apart."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from .formatting import duration_text
from .items_model import SUMMARY_ROLE
from .thumbnails import ICON_SIZE

TIMED_KINDS = ("audio", "video")
LINE_BREAK = "\u2028"  # what the item views break lines at (a plain newline is not)
TEXT_LINES = 2
TEXT_WIDTH = ICON_SIZE.width() + 8


def tile_text(name: str, kind: str, title: str | None, duration: float | None) -> str:
    if kind not in TIMED_KINDS:
        return name
    extra = " · ".join(part for part in (title, duration_text(duration)) if part)
    return f"{name}{LINE_BREAK}{extra}" if extra else name


class TileDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        summary = index.data(SUMMARY_ROLE)
        if summary is not None and summary.kind in TIMED_KINDS:
            # the name on one line (cut in the middle), so the second line stays in sight
            name = option.fontMetrics.elidedText(summary.original_name,
                                                 Qt.TextElideMode.ElideMiddle, TEXT_WIDTH)
            option.text = tile_text(name, summary.kind, summary.title, summary.duration)

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """One size for every tile, with room for two lines of text: the grid takes the first
        tile's size for all (uniform sizes), and a photo may come first."""
        lines = option.fontMetrics.lineSpacing() * TEXT_LINES
        return QSize(ICON_SIZE.width() + 16, ICON_SIZE.height() + lines + 10)
