"""Derived data heals: an item's text, tag dump or thumbnail that fails its check is made again
from the original, read through the sandboxed readers exactly as at intake, and put in place of
the damaged object in one transaction with an ``extract`` custody event. The original is only
read; a damaged original cannot be used and is left for ``verify`` to report."""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING, Any

from archive.catalog.models import Item, ItemText
from archive.derived import (
    DerivedDamaged,
    read_dump,
    read_text_row,
    seal_text,
    text_row,
)
from archive.errors import IntegrityError, ObjectMissing, StrongroomError, VaultReadOnly
from archive.extract import Extracted, metadata_dump_bytes
from archive.intake.reading import inspect
from archive.intake.sandbox import shared_sandbox
from archive.intake.sniff import HEAD_BYTES
from archive.storage.objects import ObjectStore, PutResult
from archive.storage.slotmap import Extent

if TYPE_CHECKING:
    from archive.core import VaultCore

log = logging.getLogger(__name__)

TEXT, TAGS, THUMBNAIL = "extracted text", "tag dump", "thumbnail"
IN_MEMORY_LIMIT = 32 * 1024 * 1024  # originals up to this size go to the reader whole


def damaged_parts(core: VaultCore, item_id: str) -> dict[str, str]:
    """Which derived objects of an item fail their check, with the reason for each."""
    with core.sessions() as session:
        item = session.get(Item, item_id)
        if item is None:
            return {}
        text = session.get(ItemText, item_id)
        thumbnail_id, dump_id = item.thumbnail_id, item.metadata_dump_id
    return failing_parts(core.objects, item_id, text, dump_id, thumbnail_id)


def failing_parts(store: ObjectStore, item_id: str, text: ItemText | None, dump_id: str | None,
                  thumbnail_id: str | None) -> dict[str, str]:
    """Which of these derived objects of an item (its catalog rows already read) fail their
    check, with the reason for each."""
    found: dict[str, str] = {}
    if text is not None:
        try:
            read_text_row(store, text)
        except DerivedDamaged as exc:
            found[TEXT] = exc.reason
    if dump_id is not None:
        try:
            read_dump(store, item_id, dump_id)
        except DerivedDamaged as exc:
            found[TAGS] = exc.reason
    if thumbnail_id is not None:
        try:
            for _ in store.iter_plaintext(thumbnail_id):
                pass
        except (IntegrityError, ObjectMissing) as exc:
            found[THUMBNAIL] = exc.reason if isinstance(exc, IntegrityError) else str(exc)
    return found


def _read_again(core: VaultCore, item: Item) -> Extracted:
    """Run the readers over the original once more, in the sandbox."""
    object_id = item.object_id
    content = None
    if item.size <= IN_MEMORY_LIMIT:
        content = b"".join(core.objects.iter_plaintext(object_id))
        head = content[:HEAD_BYTES]
    else:
        head = core.objects.open_range(object_id, 0, HEAD_BYTES)
    _sniffed, found = inspect(
        shared_sandbox(), head, item.original_name, content=content, size=item.size,
        open_source=lambda: io.BufferedReader(core.objects.open_reader(object_id), 1 << 16))
    return found


def read_again_in_memory(core: VaultCore, item_id: str) -> Extracted | None:
    """What the readers make of an item's original, for a vault open read-only: its derived
    data made again in memory, nothing written (``None``: no such item). Raises like
    :func:`rebuild_derived` when the original itself fails its check."""
    with core.sessions() as session:
        item = session.get(Item, item_id)
        if item is None:
            return None
        session.expunge(item)
    try:
        return _read_again(core, item)
    except (IntegrityError, ObjectMissing):
        raise StrongroomError(f"item {item_id}: the original itself fails its check; its "
                              "derived data cannot be made again") from None


def rebuild_derived(core: VaultCore, item_id: str) -> list[str]:
    """Make the damaged derived objects of an item again; returns what was rebuilt. Raises
    :class:`StrongroomError` when something damaged could not be made again."""
    damaged = damaged_parts(core, item_id)
    if not damaged:
        return []
    if core.read_only:
        raise VaultReadOnly("this vault is open read-only: derived data is not rebuilt")
    # Before any slot is taken: after a rollback the free slots may still hold lost items.
    core.trust.require_acknowledged()
    with core.sessions() as session:
        item = session.get(Item, item_id)
        if item is None:
            return []
        session.expunge(item)
    try:
        found = _read_again(core, item)
    except (IntegrityError, ObjectMissing):
        raise StrongroomError(f"item {item_id}: the original itself fails its check; its "
                              "derived data cannot be rebuilt") from None
    store = core.objects
    puts: dict[str, PutResult] = {}
    try:
        if TEXT in damaged and found.text is not None:
            puts[TEXT] = seal_text(store, found.text, found.cues, sync=True)
        if TAGS in damaged and found.tags:
            puts[TAGS] = store.put_stream(io.BytesIO(metadata_dump_bytes(found)))
        if THUMBNAIL in damaged and found.thumbnail:
            puts[THUMBNAIL] = store.put_stream(io.BytesIO(found.thumbnail))
        freed = _swap(core, item_id, puts, found)
    except BaseException:
        for put in puts.values():
            store.release(put.extents)
        raise
    store.release(freed)
    missing = sorted(set(damaged) - set(puts))
    if missing:
        log.warning("item %s: %d derived part(s) could not be rebuilt", item_id, len(missing))
        why = "; ".join(found.problems) or "the readers found nothing to make them from"
        raise StrongroomError(f"item {item_id}: {', '.join(missing)} could not be rebuilt "
                              f"from the original ({why})")
    log.info("item %s: rebuilt %d derived part(s) from the original", item_id, len(puts))
    return sorted(puts)


def _swap(core: VaultCore, item_id: str, puts: dict[str, PutResult],
          found: Extracted) -> list[Extent]:
    """Put the new objects in place of the damaged ones, with the custody event."""
    store = core.objects
    old: list[str] = []
    details: dict[str, Any] = {"rebuilt": sorted(puts),
                               "reason": "derived data failed its check"}
    with core.transaction() as tx:
        session = tx.session
        item = session.get(Item, item_id)
        if item is None or not puts:
            return []
        if TEXT in puts:
            put = puts[TEXT]
            text = session.get(ItemText, item_id)
            if text is not None:
                old.append(text.object_id)
                store.attach(session, put)
                session.flush()
                if text.sha256 != put.sha256:
                    item.index_rev += 1  # the search index shows the new text
                for key, value in text_row(item_id, put, text.encoding, found.cues).items():
                    if key not in ("item_id", "encoding"):
                        setattr(text, key, value)
            details["text_sha256"] = put.sha256
        if TAGS in puts:
            old.append(item.metadata_dump_id or "")
            item.metadata_dump_id = store.attach(session, puts[TAGS]).id
            details["metadata_dump_sha256"] = puts[TAGS].sha256
        if THUMBNAIL in puts:
            old.append(item.thumbnail_id or "")
            item.thumbnail_id = store.attach(session, puts[THUMBNAIL]).id
            details["thumbnail_sha256"] = puts[THUMBNAIL].sha256
        session.flush()
        freed: list[Extent] = []
        for object_id in filter(None, old):
            freed += store.delete(session, object_id)
        tx.custody.record("extract", item=item.id, sha256=item.sha256, size=item.size,
                          details=details)
    return freed
