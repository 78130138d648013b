"""What a cell of the items grid and table shows, and how its column sorts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .formatting import kind_text, size_text, time_text

if TYPE_CHECKING:
    from archive.catalog.records import ItemSummary

NAME, KIND, CAPTURED, IMPORTED, SIZE, SHA256, TAGS = range(7)


def cell_text(item: ItemSummary, column: int) -> str:
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


def sort_key(item: ItemSummary, column: int) -> Any:
    if column == CAPTURED:
        return item.captured_at.isoformat() if item.captured_at else ""
    if column == IMPORTED:
        return item.imported_at.isoformat()
    if column == SIZE:
        return item.size
    if column == SHA256:
        return item.sha256
    return cell_text(item, column).casefold()
