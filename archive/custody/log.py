"""The chain of custody: append-only events, leaves of an RFC 6962 Merkle tree, with a signed
checkpoint written in the same transaction as the events it covers.

There is deliberately no way to edit or remove an event through this module.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from archive.catalog.models import ACTIONS, Checkpoint, CustodyEvent
from archive.custody import checkpoint as cp
from archive.custody import disclosure, merkle
from crypto import signing

ENTRY_VERSION = 2  # 2: sensitive details are salted commitments (see custody.disclosure)


def utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def iso_utc(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def encode_entry(fields: dict[str, Any]) -> bytes:
    """Canonical JSON: sorted keys, no spaces, ASCII escapes. These bytes are the Merkle leaf."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def entry_bytes(value: object) -> bytes:
    """The stored entry as bytes, whatever a tampered row holds instead (text, a number)."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    return repr(value).encode()


def decode_entry(entry: bytes) -> dict[str, Any]:
    value = json.loads(entry)
    if not isinstance(value, dict):
        raise ValueError("custody entry is not an object")
    return value


@dataclass(frozen=True)
class Event:
    seq: int
    time: str
    action: str
    item: str | None
    sha256: str | None
    size: int | None
    actor: str
    details: dict[str, Any]

    @classmethod
    def from_entry(cls, entry: bytes, openings: dict[str, Any] | bytes | None = None) -> Event:
        """The event as recorded; ``openings`` (from the catalog) put committed values back."""
        f = decode_entry(entry)
        if isinstance(openings, bytes):
            openings = json.loads(openings)
        details = disclosure.opened(f.get("details", {}), openings)  # type: ignore[arg-type]
        return cls(f["seq"], f["time"], f["action"], f.get("item"), f.get("sha256"),
                   f.get("size"), f["actor"], details)

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "time": self.time, "action": self.action, "item": self.item,
                "sha256": self.sha256, "size": self.size, "actor": self.actor,
                "details": self.details}


class CustodyLog:
    """Holds the leaf hashes in memory (32 bytes per event) and the frontier for O(log n)
    appends. Events are added through a :class:`Recorder` inside a catalog transaction."""

    def __init__(self, origin: str, signer: signing.Signer) -> None:
        self.origin = origin
        self._signer = signer
        self._leaves: list[bytes] = []
        self._frontier = merkle.Frontier()
        self.lock = threading.RLock()

    def load(self, session: Session) -> None:
        self._leaves = [merkle.leaf_hash(entry_bytes(e)) for e in
                        session.scalars(select(CustodyEvent.entry).order_by(CustodyEvent.seq))]
        self._frontier = merkle.Frontier()
        for leaf in self._leaves:
            self._frontier.append(leaf)

    @property
    def size(self) -> int:
        return len(self._leaves)

    @property
    def leaves(self) -> Sequence[bytes]:
        return self._leaves

    def root(self) -> bytes:
        return self._frontier.root()

    def public_key(self) -> bytes:
        return self._signer.public_key

    def recorder(self, session: Session, actor: str) -> Recorder:
        return Recorder(self, session, actor)

    def _commit(self, leaves: list[bytes], frontier: merkle.Frontier) -> None:
        self._leaves.extend(leaves)
        self._frontier = frontier

    def sign(self, size: int, root: bytes) -> str:
        return cp.sign(cp.Checkpoint(self.origin, size, root), self.origin, self._signer)

    def inclusion_proof(self, seq: int, size: int | None = None) -> list[bytes]:
        return merkle.inclusion_proof(self._leaves, seq, size)

    def consistency_proof(self, old: int, new: int | None = None) -> list[bytes]:
        return merkle.consistency_proof(self._leaves, old, new)


class Recorder:
    """Collects the events of one transaction; :meth:`seal` adds the signed checkpoint. The log's
    in-memory tree moves on only when the caller reports the commit with :meth:`committed`."""

    def __init__(self, log: CustodyLog, session: Session, actor: str) -> None:
        self._log = log
        self._session = session
        self._actor = actor
        self._leaves: list[bytes] = []
        self._frontier = log._frontier.copy()
        self.events: list[Event] = []
        self._rows: list[dict[str, Any]] = []  # inserted together by seal()

    def record(self, action: str, *, item: str | None = None, sha256: str | None = None,
               size: int | None = None, details: dict[str, Any] | None = None) -> Event:
        if action not in ACTIONS:
            raise ValueError(f"unknown custody action {action!r}")
        moment = utc_now()
        seq = self._log.size + len(self._leaves)
        openings: dict[str, Any] = {}
        if ENTRY_VERSION >= 2:
            details, openings = disclosure.commit_details(details or {})
        fields = {
            "v": ENTRY_VERSION, "seq": seq, "time": iso_utc(moment), "action": action,
            "item": item, "sha256": sha256, "size": size, "actor": self._actor,
            "details": details or {},
            "salt": base64.b64encode(os.urandom(16)).decode(),
        }
        entry = encode_entry(fields)
        self._rows.append({"seq": seq, "occurred_at": moment, "action": action,
                           "item_id": item, "entry": entry,
                           "openings": disclosure.canonical(openings) if openings else None})
        leaf = merkle.leaf_hash(entry)
        self._leaves.append(leaf)
        self._frontier.append(leaf)
        event = Event.from_entry(entry, openings)
        self.events.append(event)
        return event

    def checkpoint_note(self) -> str:
        """The signed checkpoint this transaction commits (the same note :meth:`seal` stores),
        for a package that must carry its own events before they are committed."""
        return self._log.sign(self._frontier.size, self._frontier.root())

    def pending(self) -> list[tuple[int, str | None, bytes, bytes | None]]:
        """(seq, item, entry, openings) of the events recorded so far, not yet committed."""
        return [(r["seq"], r["item_id"], r["entry"], r["openings"]) for r in self._rows]

    def inclusion_proof(self, seq: int) -> list[bytes]:
        """The audit path of event ``seq`` to the checkpoint of :meth:`checkpoint_note`."""
        leaves = [*self._log.leaves, *self._leaves]
        return merkle.inclusion_proof(leaves, seq, len(leaves))

    def seal(self) -> None:
        """Insert the events and the signed checkpoint that covers them; called once, last
        thing before the commit."""
        if not self._leaves:
            return
        self._session.execute(insert(cast(Table, CustodyEvent.__table__)), self._rows)
        self._rows = []
        size = self._frontier.size
        root = self._frontier.root()
        self._session.add(Checkpoint(tree_size=size, root_hash=root,
                                     note=self._log.sign(size, root), created_at=utc_now()))

    def committed(self) -> None:
        self._log._commit(self._leaves, self._frontier)  # noqa: SLF001 - same module family


def check_log(session: Session, origin: str, public_key: bytes) -> list[str]:
    """Re-derive the tree from the stored entries and hold it against every signed checkpoint.

    Returns the problems found (empty when the log is whole). Catches an edited entry, an edited
    column, a removed or inserted event, reordering, and a checkpoint that does not verify or
    that a later one does not extend.
    """
    problems: list[str] = []
    leaves: list[bytes] = []
    rows = session.execute(select(CustodyEvent).order_by(CustodyEvent.seq)).scalars()
    for expected_seq, row in enumerate(rows):
        entry = entry_bytes(row.entry)
        if not isinstance(row.entry, bytes):
            problems.append(f"custody event {row.seq}: entry was rewritten as another type")
        try:
            event = Event.from_entry(entry)
        except (ValueError, KeyError, TypeError):
            problems.append(f"custody event {row.seq}: entry is not readable")
            leaves.append(merkle.leaf_hash(entry))
            continue
        if row.seq != expected_seq:
            problems.append(f"custody event {expected_seq} is missing (next stored is {row.seq})")
        if (event.seq, event.action, event.item) != (row.seq, row.action, row.item_id) or (
                iso_utc(row.occurred_at) != event.time):
            problems.append(f"custody event {row.seq}: stored columns differ from its signed entry"
                            f" (item {event.item or row.item_id})")
        leaves.append(merkle.leaf_hash(entry))
    checkpoints = session.execute(select(Checkpoint).order_by(Checkpoint.tree_size)).scalars()
    previous: tuple[int, bytes] | None = None
    for cpt in checkpoints:
        try:
            signed = cp.verify(cpt.note, origin, public_key)
        except cp.CheckpointError as exc:
            problems.append(f"checkpoint at tree size {cpt.tree_size}: {exc}")
            continue
        if (signed.size, signed.root) != (cpt.tree_size, cpt.root_hash):
            problems.append(f"checkpoint at tree size {cpt.tree_size}: columns differ from the "
                            "signed note")
        if signed.size > len(leaves):
            problems.append(f"checkpoint at tree size {signed.size}: the log has only "
                            f"{len(leaves)} events (events were removed)")
        elif merkle.root(leaves[: signed.size]) != signed.root:
            problems.append(f"checkpoint at tree size {signed.size}: the stored events do not "
                            "hash to the signed root (an event was changed, removed or reordered)")
        if previous is not None and signed.size <= len(leaves):
            proof = merkle.consistency_proof(leaves, previous[0], signed.size)
            if not merkle.verify_consistency(previous[0], signed.size, previous[1], signed.root,
                                             proof):
                problems.append(f"checkpoint at tree size {signed.size} does not extend the one "
                                f"at {previous[0]}")
        previous = (signed.size, signed.root)
    if leaves and previous is None:
        problems.append("no valid signed checkpoint covers the custody log")
    elif previous is not None and previous[0] < len(leaves):
        problems.append(f"{len(leaves) - previous[0]} custody event(s) after the last signed "
                        "checkpoint (added outside Strongroom)")
    return problems
