"""The catalog rows and custody events of one new item, and of an intake record."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from archive.cases import case_details
from archive.catalog.models import (
    Intake,
    Item,
    ItemTag,
    ItemText,
    ObjectExtent,
    StoredObject,
    item_cases,
)
from archive.derived import text_row
from archive.errors import StrongroomError
from archive.intake.names import name_bytes, shown_name
from archive.intake.pending import ITEM_COLUMNS, Pending, Prepared
from archive.storage.objects import ObjectStore


def stamp(seconds: float) -> datetime:
    """A file system time as naive UTC, as the catalog keeps times."""
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def intake_values(path: Path, st: os.stat_result, item_id: str, actor: str,
                  host: str) -> dict[str, Any]:
    """One intake record: where the file was, its own times, who took it in and on which
    machine."""
    return {
        "item_id": item_id, "source_path": shown_name(str(path.resolve())),
        "original_name": shown_name(path.name),
        "size": st.st_size, "modified_at": stamp(st.st_mtime),
        "changed_at": stamp(st.st_ctime), "accessed_at": stamp(st.st_atime),
        "imported_at": utc_now(), "imported_by": actor, "host": host,
    }


def record_new_item(pending: Pending, prepared: Prepared, item_id: str, store: ObjectStore,
                tags: list[str], host: str) -> None:
    """The rows and custody events of one new item, inserted with the rest of the batch."""
    tx, original, thumb, found = pending.tx, prepared.original, prepared.thumb, prepared.found
    assert found is not None  # noqa: S101 - checked by the caller
    path, st, kind, fmt = prepared.path, prepared.stat, prepared.kind, prepared.fmt
    for put in prepared.puts:
        obj, extents = store.rows(put)
        pending.rows[StoredObject].append(obj)
        pending.rows[ObjectExtent].extend(extents)
    unknown = found.fields.keys() - ITEM_COLUMNS
    if unknown:
        raise StrongroomError(f"a reader returned unknown fields: {sorted(unknown)}")
    item = dict.fromkeys(ITEM_COLUMNS)
    item.update(
        id=item_id, object_id=original.object_id,
        thumbnail_id=thumb.object_id if thumb is not None else None, sha256=original.sha256,
        metadata_dump_id=prepared.dump.object_id if prepared.dump is not None else None,
        md5=original.digests.get("md5"), sha1=original.digests.get("sha1"),
        size=original.size, kind=kind, format=fmt, original_name=shown_name(path.name),
        imported_at=utc_now(), imported_by=tx.actor, meta=found.meta,
        problems=found.problems, captured_is_utc=False, index_rev=1)
    item.update(found.fields)
    pending.rows[Item].append(item)
    case = pending.case()
    if case is not None:
        pending.rows[item_cases].append({"item_id": item_id, "case_id": case.id})
    pending.rows[ItemTag].extend({"item_id": item_id, "name": t}
                                 for t in tags)
    if prepared.text is not None:
        pending.rows[ItemText].append(text_row(item_id, prepared.text, found.encoding,
                                               found.cues))
    pending.rows[Intake].append(intake_values(path, st, item_id, tx.actor, host))
    details: dict[str, Any] = {"original_name": shown_name(path.name), "kind": kind,
                               "format": fmt,
                               "modified_at": stamp(st.st_mtime).isoformat() + "Z"}
    if name_bytes(path.name) is not None:
        details["original_name_bytes"] = name_bytes(path.name)
    details.update({k: v for k, v in original.digests.items()})
    if case is not None:
        details.update(case_details(case.name))
    if tags:
        details["tags"] = tags
    tx.custody.record("import", item=item_id, sha256=original.sha256, size=original.size,
                      details=details)
    extracted = sorted(k for k in found.fields) + (["text"] if found.text is not None else [])
    extract_details: dict[str, Any] = {"fields": extracted, "problems": found.problems}
    if thumb is not None:
        extract_details["thumbnail_sha256"] = thumb.sha256
    if prepared.dump is not None:
        extract_details["metadata_dump_sha256"] = prepared.dump.sha256
    if prepared.text is not None:
        extract_details["text_sha256"] = prepared.text.sha256
    tx.custody.record("extract", item=item_id, sha256=original.sha256, size=original.size,
                      details=extract_details)
