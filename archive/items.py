"""What a user does to items after intake: open or view an original, read its thumbnail, add a
note, change its tags, delete it. Each change is one transaction with its custody event."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from archive.catalog import records
from archive.core import VaultCore
from archive.custody.log import utc_now
from archive.derived import derived_object_ids
from archive.derived_access import metadata_of
from archive.errors import BadInput
from archive.storage.objects import ObjectReader


def open_original(core: VaultCore, ref: str, *, purpose: str = "open",
                  actor: str | None = None, details: dict[str, Any] | None = None,
                  ) -> ObjectReader:
    """A seekable reader over the original; records a custody event first (``open`` for
    handing the bytes out, ``view`` for showing them). A read-only vault records nothing (it
    said so when it opened)."""
    if core.read_only:
        with core.sessions() as session:
            object_id = records.resolve_item(session, ref).object_id
        return core.objects.open_reader(object_id)
    with core.transaction(actor) as tx:
        item = records.resolve_item(tx.session, ref)
        tx.custody.record(purpose, item=item.id, sha256=item.sha256, size=item.size,
                          details=details or {})
        object_id = item.object_id
    return core.objects.open_reader(object_id)


def thumbnail(core: VaultCore, ref: str) -> bytes | None:
    """The stored JPEG thumbnail, if there is one (derived data; no custody event)."""
    with core.sessions() as session:
        thumb = records.resolve_item(session, ref).thumbnail_id
    if thumb is None:
        return None
    return b"".join(core.objects.iter_plaintext(thumb))


def all_metadata(core: VaultCore, ref: str) -> dict[str, dict[str, str]]:
    """Every tag the readers saw in the original, by group as ExifTool's ``-a -G1`` names them;
    empty if none (derived data; no custody event)."""
    with core.sessions() as session:
        item = records.resolve_item(session, ref)
    return metadata_of(core, item)


def add_note(core: VaultCore, ref: str, text: str, actor: str | None = None,
             ) -> tuple[int, str]:
    """Save a note; returns the note's number and the item it belongs to."""
    with core.transaction(actor) as tx:
        item = records.resolve_item(tx.session, ref)
        note = records.add_note(tx.session, item, text, tx.actor, utc_now())
        item.index_rev += 1
        tx.session.flush()
        tx.custody.record("note", item=item.id, sha256=item.sha256, size=item.size,
                          details={"note_id": note.id, "text": text})  # kept as a commitment
        return note.id, item.id


def change_tags(core: VaultCore, ref: str, add: Sequence[str] = (), remove: Sequence[str] = (),
                actor: str | None = None) -> tuple[list[str], list[str], str]:
    """Add and remove tags; returns what was added, what was removed, and the item."""
    with core.transaction(actor) as tx:
        item = records.resolve_item(tx.session, ref)
        added, removed = records.change_tags(item, list(add), list(remove))
        if added or removed:
            item.index_rev += 1
        if added:
            tx.custody.record("tag", item=item.id, sha256=item.sha256, size=item.size,
                              details={"added": added})
        if removed:
            tx.custody.record("untag", item=item.id, sha256=item.sha256, size=item.size,
                              details={"removed": removed})
        return added, removed, item.id


def delete_item(core: VaultCore, ref: str, reason: str, actor: str | None = None) -> str:
    """Crypto-erase an item: its data keys and catalog rows go and its slots are freed. The
    custody log keeps the deletion (and the history before it). Returns the item's id."""
    if not reason.strip():
        raise BadInput("say why the item is deleted; the reason is kept in the log")
    freed = []
    with core.transaction(actor) as tx:
        item = records.resolve_item(tx.session, ref)
        item_id = item.id
        objects = [item.object_id, *derived_object_ids(tx.session, item)]
        tx.custody.record("deletion-request", item=item.id, sha256=item.sha256,
                          size=item.size, details={"reason": reason})
        tx.session.delete(item)
        tx.session.flush()
        for object_id in objects:
            if object_id is not None:
                freed += core.objects.delete(tx.session, object_id)
    core.objects.release(freed)
    return item_id
