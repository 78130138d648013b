"""Catching a vault put back from an older copy.

The custody log is held against every witness (a checkpoint remembered outside the vault): it must
extend each one, by an RFC 6962 consistency proof. A log shorter than a witness, or one that does
not extend it, was rolled back. The packs are held against the catalog: the newest object stored
in each pack must still authenticate, which fails when an older copy of the pack was put back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.catalog.models import ObjectExtent, StoredObject
from archive.custody import checkpoint as cp
from archive.custody import merkle
from archive.custody.witness import Witness
from archive.errors import IntegrityError, ObjectMissing, VaultDamaged
from archive.storage.objects import ObjectStore

ROLLBACK = "rollback"  # the log is shorter than a witness
DIVERGED = "diverged"  # the log does not extend a witness
PACK_ROLLBACK = "pack-rollback"  # a pack is older than the catalog
FORGED_WITNESS = "forged-witness"  # a witness that opens but is not signed by this vault
UNREADABLE_WITNESS = "unreadable-witness"  # damaged, or sealed by another key
UNWRITTEN_WITNESS = "unwritten-witness"  # a witness place that could not be written
KEPT_WITNESSES = "witnesses-kept"  # witnesses left as they are until a rollback is seen

DAMAGE = frozenset({ROLLBACK, DIVERGED, PACK_ROLLBACK, FORGED_WITNESS})


class RollbackFound(VaultDamaged):
    """A change was asked of a vault found rolled back, before the user acknowledged it."""


@dataclass(frozen=True)
class TrustWarning:
    """Something the person at the keyboard must see. ``damage`` ones mean the vault (or part of
    it) is older than it was: the desktop shows them in red until they are acknowledged."""

    kind: str
    message: str
    where: str | None = None
    tree_size: int | None = None
    written_at: datetime | None = None
    missing_events: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def damage(self) -> bool:
        return self.kind in DAMAGE

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "damage": self.damage,
                "where": self.where, "tree_size": self.tree_size,
                "written_at": self.written_at.strftime("%Y-%m-%dT%H:%M:%SZ")
                if self.written_at else None,
                "missing_events": self.missing_events}


def hold_against(witness: Witness, leaves: Sequence[bytes], origin: str,
                 public_key: bytes) -> TrustWarning | None:
    """None when the log (its leaf hashes) extends the witness; else what is wrong."""
    facts: dict[str, Any] = {"where": witness.where, "tree_size": witness.checkpoint.size,
                             "written_at": witness.written_at}
    try:
        old = cp.verify(witness.note, origin, public_key)
    except cp.CheckpointError as exc:
        return TrustWarning(FORGED_WITNESS, f"{witness.describe()} is not a checkpoint of this "
                            f"vault: {exc}", **facts)
    size = len(leaves)
    if old.size > size:
        missing = old.size - size
        return TrustWarning(
            ROLLBACK, f"ROLLED BACK: {witness.describe()} remembers {old.size} custody events; "
            f"the vault holds only {size}: {missing} event(s) are missing (the vault, or its "
            "catalog, was put back from an older copy)", missing_events=missing, **facts)
    proof = merkle.consistency_proof(leaves, old.size, size)
    if not merkle.verify_consistency(old.size, size, old.root, merkle.root(leaves), proof):
        return TrustWarning(
            DIVERGED, f"ROLLED BACK: the custody log does not extend {witness.describe()}: "
            f"history up to event {old.size} was removed or rewritten (the vault was put back "
            "from an older copy and used again)", missing_events=None, **facts)
    return None


def probe_packs(session: Session, store: ObjectStore) -> list[TrustWarning]:
    """Authenticate, in every pack, the last chunk written there for its newest object: one
    64 KiB read per pack. An older copy of a pack holds decoy fill (or other data) there."""
    rows = session.execute(
        select(ObjectExtent.pack, ObjectExtent.object_id, ObjectExtent.seq,
               StoredObject.created_at)
        .join(StoredObject, StoredObject.id == ObjectExtent.object_id)).all()
    newest: dict[int, tuple[datetime, str, int]] = {}
    for pack, object_id, seq, created in rows:
        known = newest.get(pack)
        if known is None or (created, object_id, seq) > known:
            newest[pack] = (created, object_id, seq)
    warnings = []
    for pack, (_created, object_id, seq) in sorted(newest.items()):
        try:
            info = store.info(object_id, session)
            before = sum(e.slot_count for e in info.extents[:seq])
            chunk = before + info.extents[seq].slot_count - 1
            for _ in store.read_chunks(info, chunk, chunk):
                pass
        except (IntegrityError, ObjectMissing, IndexError, OSError):
            warnings.append(TrustWarning(
                PACK_ROLLBACK, f"pack {pack} is older than the catalog: the newest object "
                "stored in it fails its check (the pack, or the catalog, was put back from a "
                "copy of another time, or the pack is damaged); `strongroom verify` lists the "
                "items it affects",
                extra={"pack": pack}))
    return warnings
