"""Derived data of an item kept as sealed objects in the packs: the extracted text (with its
timed cues) and the full tag dump. The catalog holds only a reference of fixed size (object id,
SHA-256, cue count), so its size does not follow what was extracted.

Everything that reads them goes through here: the item's text for the desktop, ``show`` and
search (``text_of``), the tag dump for the detail pane and the exhibit package
(``metadata_of``, both in :mod:`archive.derived_access`). A derived object that fails its check
is rebuilt from the original (:mod:`archive.derived_rebuild`); when that cannot be done the reader
gets nothing, never an error, so damage to derived data never costs access to the originals.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from archive.catalog.models import Item, ItemText
from archive.errors import IntegrityError, ObjectMissing, VaultDamaged
from archive.extract import read_metadata_dump
from archive.storage.objects import ObjectStore, PutResult

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

TEXT_OBJECT_VERSION = 1


@dataclass(frozen=True)
class ItemTextContent:
    """An item's extracted text and its timed cues (``None`` when it has none)."""

    body: str
    cues: list[dict[str, Any]] | None
    encoding: str | None = None


class DerivedDamaged(VaultDamaged):
    """A derived object (text, tag dump) cannot be read back; it can be rebuilt."""

    def __init__(self, item_id: str, what: str, reason: str) -> None:
        super().__init__(f"item {item_id}: {what} (derived, rebuildable): {reason}")
        self.item_id = item_id
        self.what = what
        self.reason = reason


# ---------------------------------------------------------------------- the stored forms
def text_object_bytes(body: str, cues: list[dict[str, Any]] | None) -> bytes:
    """An extracted-text object as stored: UTF-8 JSON ``{"v": 1, "text": .., "cues": ..}``."""
    return json.dumps({"v": TEXT_OBJECT_VERSION, "text": body, "cues": cues},
                      ensure_ascii=False, sort_keys=True).encode("utf-8", "surrogatepass")


def parse_text_object(data: bytes) -> tuple[str, list[dict[str, Any]] | None]:
    value = json.loads(data.decode("utf-8", "surrogatepass"))
    if not isinstance(value, dict) or value.get("v") != TEXT_OBJECT_VERSION:
        raise ValueError("not an extracted-text object of a known version")
    body, cues = value.get("text"), value.get("cues")
    if not isinstance(body, str) or not (cues is None or isinstance(cues, list)):
        raise ValueError("an extracted-text object of the wrong shape")
    return body, cues


def seal_text(store: ObjectStore, body: str, cues: list[dict[str, Any]] | None,
              sync: bool = False) -> PutResult:
    """Write the text object; record it with :func:`text_row` in the caller's transaction
    (with ``sync=False`` the caller flushes the store before that commits)."""
    return store.put_stream(io.BytesIO(text_object_bytes(body, cues)), sync=sync)


def text_row(item_id: str, put: PutResult, encoding: str | None,
             cues: list[dict[str, Any]] | None) -> dict[str, Any]:
    """The ``item_texts`` row that refers to a sealed text object."""
    return {"item_id": item_id, "object_id": put.object_id, "sha256": put.sha256,
            "encoding": encoding, "cue_count": len(cues) if cues else 0}


# ---------------------------------------------------------------------- reading
def _read_checked(store: ObjectStore, object_id: str, sha256: str | None) -> bytes:
    data = b"".join(store.iter_plaintext(object_id))
    if sha256 is not None and not hmac.compare_digest(hashlib.sha256(data).hexdigest(), sha256):
        raise IntegrityError(object_id, "does not hash to its recorded SHA-256")
    return data


def read_text_row(store: ObjectStore, row: ItemText) -> ItemTextContent:
    """The content behind an ``item_texts`` row; :class:`DerivedDamaged` if it fails a check."""
    try:
        body, cues = parse_text_object(_read_checked(store, row.object_id, row.sha256))
    except (IntegrityError, ObjectMissing) as exc:
        reason = exc.reason if isinstance(exc, IntegrityError) else str(exc)
        raise DerivedDamaged(row.item_id, "extracted text", reason) from None
    except ValueError as exc:  # authenticated, yet not what was written: treat alike
        raise DerivedDamaged(row.item_id, "extracted text", str(exc)) from None
    return ItemTextContent(body, cues, row.encoding)


def read_dump(store: ObjectStore, item_id: str, object_id: str) -> dict[str, dict[str, str]]:
    """The tag dump object; :class:`DerivedDamaged` if it fails a check."""
    try:
        return read_metadata_dump(_read_checked(store, object_id, None))
    except (IntegrityError, ObjectMissing) as exc:
        reason = exc.reason if isinstance(exc, IntegrityError) else str(exc)
        raise DerivedDamaged(item_id, "tag dump", reason) from None
    except ValueError as exc:
        raise DerivedDamaged(item_id, "tag dump", str(exc)) from None


def _text_in(session: Session, item_id: str) -> ItemText | None:
    return session.get(ItemText, item_id)


def derived_object_ids(session: Session, item: Item) -> list[str]:
    """Every object of an item besides its original (for deletion and checks)."""
    text = _text_in(session, item.id)
    ids = [item.thumbnail_id, item.metadata_dump_id, text.object_id if text else None]
    return [i for i in ids if i is not None]
