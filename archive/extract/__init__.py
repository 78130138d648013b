"""Reading metadata, text and thumbnails out of originals.

Every reader works on a seekable stream over the stored original (decrypted in memory), never on
a temporary file. A reader that fails on a hostile or broken file records a problem; the item is
imported all the same.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
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
    # Every tag the readers saw, by group as ExifTool's -G1 names them: {"IFD0": {"Make": ..}}.
    # Kept as a sealed object beside the original, never in the catalog.
    tags: dict[str, dict[str, str]] = field(default_factory=dict)
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


MAX_DUMP = 8 << 20  # a dump larger than this is cut at a group boundary (and says so)


def metadata_dump_bytes(found: Extracted) -> bytes:
    """The tag dump as stored: UTF-8 JSON, keys sorted, so equal tags give equal bytes."""
    import json

    groups: dict[str, dict[str, str]] = {}
    size = 0
    for group in sorted(found.tags):
        values = {str(k): str(v) for k, v in found.tags[group].items()}
        size += sum(len(k) + len(v) for k, v in values.items())
        if size > MAX_DUMP:
            groups["Strongroom"] = {"Truncated": f"groups after {group!r} were left out"}
            break
        groups[group] = values
    return json.dumps(groups, ensure_ascii=False, sort_keys=True, indent=1).encode()


def read_metadata_dump(data: bytes) -> dict[str, dict[str, str]]:
    import json

    value = json.loads(data.decode())
    return value if isinstance(value, dict) else {}
