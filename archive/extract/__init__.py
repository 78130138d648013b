"""Reading metadata, text and thumbnails out of originals.

Every reader works on a seekable stream over the stored original (decrypted in memory), never on
a temporary file. A reader that fails on a hostile or broken file records a problem; the item is
imported all the same.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

log = logging.getLogger(__name__)


@dataclass
class Extracted:
    """What was learned about one original. ``fields`` map to Item columns."""

    fields: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    text: str | None = None
    encoding: str | None = None
    cues: list[dict[str, Any]] | None = None
    thumbnail: bytes | None = None  # JPEG
    problems: list[str] = field(default_factory=list)

    def attempt(self, what: str, func: Callable[[], None]) -> None:
        """Run one reader; any failure becomes a recorded problem, never a crash."""
        try:
            func()
        except MemoryError:
            self.problems.append(f"{what}: the file needs more memory than is safe; skipped")
        except Exception as exc:  # noqa: BLE001 - hostile input may raise anything
            reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
            self.problems.append(f"{what}: {reason}")
            log.debug("%s failed: %s", what, type(exc).__name__)


def extract(kind: str, fmt: str, open_stream: Callable[[], BinaryIO]) -> Extracted:
    from . import documents, image, media, text

    out = Extracted()
    if kind == "photo":
        image.read_photo(open_stream, out)
    elif kind in ("audio", "video"):
        media.read_media(kind, open_stream, out)
    elif kind == "transcript":
        text.read_transcript(fmt, open_stream, out)
    elif kind == "document":
        documents.read_document(fmt, open_stream, out)
    return out


def naive_utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment
    from datetime import UTC

    return moment.astimezone(UTC).replace(tzinfo=None)
