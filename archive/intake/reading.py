"""What a file is and what can be read out of it, found in the reader sandbox.

``read_file`` runs in a worker: it sniffs the content and runs the extractors for its kind, then
bounds what it hands back. ``inspect`` is the importing side: it names the reader from the first
bytes, runs ``read_file`` in the sandbox, and turns a worker that crashed, overran its memory or
its time into a problem recorded on the item (the original is stored all the same).
"""

from __future__ import annotations

import json
import logging
import warnings
from collections.abc import Callable
from typing import Any, BinaryIO

from archive.errors import Cancelled
from archive.extract import Extracted, extract
from archive.intake.sandbox import ReaderFailed, ReaderSandbox
from archive.intake.sniff import Sniffed, sniff, sniff_head

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 32 * 1024 * 1024  # extracted text kept per item
MAX_CUES = 200_000
MAX_VALUE_CHARS = 4096  # one metadata value (a title, a tag, a comment)
MAX_META_CHARS = 16 * 1024  # the metadata summary kept in the catalog row, as JSON
SHORT_VALUE_CHARS = 256  # values are cut to this when the summary is too long
_READER_NAMES = {"photo": "photo reader", "audio": "audio reader", "video": "video reader",
                 "transcript": "text reader", "document": "document reader"}


def _bounded(value: Any, depth: int = 0, limit: int = MAX_VALUE_CHARS) -> Any:
    if isinstance(value, str) and len(value) > limit:
        return value[:limit] + "…"
    if isinstance(value, dict) and depth < 8:
        return {k: _bounded(v, depth + 1, limit) for k, v in value.items()}
    if isinstance(value, list) and depth < 8:
        return [_bounded(v, depth + 1, limit) for v in value[:1000]]
    return value


def _halved(value: Any) -> Any:
    """Every list (and every dict's entries) cut to half its length, at any depth."""
    if isinstance(value, dict):
        kept = list(value.items())[: max(1, len(value) // 2)] if len(value) > 8 else value.items()
        return {k: _halved(v) for k, v in kept}
    if isinstance(value, list):
        return [_halved(v) for v in value[: len(value) // 2]]
    return value


def bound(found: Extracted) -> Extracted:
    """Cap what a reader returns, whatever the file claimed: text, cues, metadata values."""
    if found.text is not None and len(found.text) > MAX_TEXT_CHARS:
        found.text = found.text[:MAX_TEXT_CHARS]
        found.problems.append(f"text: longer than {MAX_TEXT_CHARS // 1024**2} M characters; "
                              "only the first were kept")
    if found.cues is not None and len(found.cues) > MAX_CUES:
        found.cues = found.cues[:MAX_CUES]
        found.problems.append(f"text: more than {MAX_CUES:,} cues; only the first were kept")
    found.fields = {k: _bounded(v) for k, v in found.fields.items()}
    found.meta = _bounded(found.meta)
    if len(json.dumps(found.meta, ensure_ascii=False, default=str)) > MAX_META_CHARS:
        # Kept in the catalog, so bounded as a whole; every tag is in the sealed dump anyway.
        found.meta = _bounded(found.meta, limit=SHORT_VALUE_CHARS)
        found.problems.append("metadata: more than the catalog keeps; long values were cut "
                              "(all tags are in the full dump)")
        for _ in range(24):
            if len(json.dumps(found.meta, ensure_ascii=False, default=str)) <= MAX_META_CHARS:
                break
            found.meta = _halved(found.meta)
        else:  # a shape halving does not shrink (deep small dicts): keep none of it
            found.meta = {}
    return found


def read_file(open_stream: Callable[[], BinaryIO], name: str) -> tuple[Sniffed, Extracted]:
    """In the worker: sniff and extract. Pillow's bomb warning is refused as an error by the
    photo reader itself, so it need not be printed."""
    from PIL import Image

    warnings.simplefilter("ignore", Image.DecompressionBombWarning)
    sniffed = sniff(open_stream(), name)
    return sniffed, bound(extract(sniffed.kind, sniffed.format, open_stream))


def inspect(sandbox: ReaderSandbox, head: bytes, name: str, *, content: bytes | None = None,
            open_source: Callable[[], BinaryIO] | None = None, size: int = 0,
            cancel: Callable[[], bool] | None = None) -> tuple[Sniffed, Extracted]:
    """Sniff and extract ``content`` (or ``size`` bytes served from ``open_source()``) in the
    sandbox. Never raises for what the file does; ``Cancelled`` when the import is cancelled."""
    guess = sniff_head(head, name)
    what = _READER_NAMES.get(guess.kind, "file reader")
    try:
        return sandbox.run(read_file, name, what=what, content=content,
                           open_source=open_source, size=size, cancel=cancel)
    except Cancelled:
        raise
    except ReaderFailed as exc:
        log.info("a %s gave up on a file", what)
        return guess, Extracted(problems=[str(exc)])
