"""How a grid tile reads: its file name and, for recordings and videos, the title and the
duration under it, so that a row of identical audio icons can be told apart."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from .formatting import duration_text
from .items_model import SUMMARY_ROLE

TIMED_KINDS = ("audio", "video")


def tile_text(name: str, kind: str, title: str | None, duration: float | None) -> str:
    if kind not in TIMED_KINDS:
        return name
    extra = " · ".join(part for part in (title, duration_text(duration)) if part)
    return f"{name}\n{extra}" if extra else name


class TileDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem,  # noqa: N802
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        summary = index.data(SUMMARY_ROLE)
        if summary is not None:
            option.text = tile_text(summary.original_name, summary.kind, summary.title,
                                    summary.duration)
