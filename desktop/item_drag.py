"""Items dragged inside the app: a private mime type that carries item ids only (never file
paths, names or contents), so nothing readable leaves the app through the clipboard or a drop
onto another program."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QMimeData

ITEM_IDS_MIME = "application/x-strongroom-item-ids"
_ID = re.compile(r"[0-9a-f]{8,64}")
MAX_IDS = 100_000


def item_ids_mime(ids: Iterable[str]) -> QMimeData:
    """Mime data holding these item ids, in order, without repeats."""
    unique = list(dict.fromkeys(i for i in ids if i))
    data = QMimeData()
    data.setData(ITEM_IDS_MIME, "\n".join(unique).encode("ascii"))
    return data


def item_ids_from(data: QMimeData | None) -> list[str]:
    """The item ids a drop carries; empty for anything else (or anything malformed)."""
    if data is None or not data.hasFormat(ITEM_IDS_MIME):
        return []
    raw = bytes(data.data(ITEM_IDS_MIME).data())
    try:
        lines = raw.decode("ascii").split("\n")
    except UnicodeDecodeError:
        return []
    if len(lines) > MAX_IDS or not all(_ID.fullmatch(line) for line in lines):
        return []
    return lines
