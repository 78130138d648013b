"""A full check of a vault: every page of the catalog authenticated and its structure checked,
every original re-hashed through authenticated decryption, every derived object read, the custody
log and its signed checkpoints held against each other.

Damage is reported per item (id, original name, what is wrong); the check goes on past it.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import DatabaseError

from archive.catalog.models import IndexFile, Item, ItemText
from archive.custody.rollback import PACK_ROLLBACK, TrustWarning
from archive.derived_rebuild import failing_parts, rebuild_derived
from archive.errors import Cancelled, IntegrityError, ObjectMissing, StrongroomError
from archive.progress import Progress

if TYPE_CHECKING:
    from archive.core import VaultCore



@dataclass(frozen=True)
class Damage:
    item_id: str | None
    original_name: str | None
    problem: str

    def as_json(self) -> dict[str, Any]:
        return {"id": self.item_id, "original_name": self.original_name, "problem": self.problem}


@dataclass
class VerifyReport:
    items: int = 0
    bytes: int = 0
    damaged: list[Damage] = field(default_factory=list)
    custody_problems: list[str] = field(default_factory=list)
    index_problems: list[str] = field(default_factory=list)
    catalog_problems: list[str] = field(default_factory=list)
    rollbacks: list[TrustWarning] = field(default_factory=list)  # also in custody_problems
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not (self.damaged or self.custody_problems or self.index_problems
                    or self.catalog_problems or self.rollbacks or self.cancelled)

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "items_checked": self.items, "bytes_checked": self.bytes,
                "damaged": [d.as_json() for d in self.damaged],
                "custody_problems": self.custody_problems,
                "index_problems": self.index_problems,
                "catalog_problems": self.catalog_problems,
                "rollbacks": [rollback_json(w) for w in self.rollbacks],
                "cancelled": self.cancelled}


def rollback_json(found: TrustWarning) -> dict[str, Any]:
    """One rollback finding: its kind, the witness (where, tree size, when it was written), the
    events missing, the pack put back (for ``pack-rollback``) and the sentence said."""
    return {**found.as_json(), "pack": found.extra.get("pack")}


def index_damage(name: str, rollbacks: list[TrustWarning]) -> str:
    """What an unreadable search index file means: damage to the index alone, or (when the vault
    was found put back) a record older than the data around it, where rebuilding the index is
    not the answer."""
    if not rollbacks:
        return f"search index file {name} is damaged; run `strongroom reindex`"
    if all(w.kind == PACK_ROLLBACK for w in rollbacks):
        why = ("a pack is older than the catalog (that pack was put back from an older copy), "
               "so the index file stored in it is gone")
    else:
        why = ("the catalog is older than a witness (it was put back from an older copy), so "
               "the index file it names was overwritten by later data")
    return (f"search index file {name} cannot be read: {why}. The index is not the problem: "
            "look for the newest copy of the whole vault folder first; to go on with the vault "
            "as it is, `strongroom witness acknowledge VAULT` (or acknowledge in the app) and "
            "the index is rebuilt from the catalog")


def database_reason(exc: DatabaseError) -> str:
    """SQLite's own words for a failure ("database disk image is malformed")."""
    return str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]


_MAX_LISTED = 20  # catalog problems listed one by one; the rest are counted


def check_catalog(vault: VaultCore) -> list[str]:
    """Every catalog page authenticated (SQLCipher's HMAC) and the database's structure checked
    (SQLite's integrity check); each problem said in SQLite's words."""
    problems: list[str] = []
    try:
        with vault.engine.connect() as conn:
            failed = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
            problems += [f"catalog page check: {line}" for line in failed[:_MAX_LISTED]]
            found = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA integrity_check")]
            if found != ["ok"]:
                problems += [f"catalog structure: {line}" for line in found[:_MAX_LISTED]]
            if len(failed) > _MAX_LISTED or len(found) > _MAX_LISTED:
                problems.append("catalog: more problems than listed")
    except DatabaseError as exc:
        problems.append(f"catalog: {database_reason(exc)}")
    return problems


def _rehash(vault: VaultCore, object_id: str, hasher: ThreadPoolExecutor,
            cancel: Callable[[], bool] | None) -> tuple[str, int]:
    """SHA-256 of an object's plaintext; decryption here, hashing on the helper thread."""
    digest = hashlib.sha256()
    pending: list[Future[None]] = []
    block: list[bytes] = []
    size = 0
    for chunk in vault.objects.iter_plaintext(object_id):
        block.append(chunk)
        size += len(chunk)
        if len(block) == 16:
            pending.append(hasher.submit(digest.update, b"".join(block)))
            block = []
            if len(pending) > 2:
                pending.pop(0).result()
            if cancel is not None and cancel():
                for fut in pending:
                    fut.cancel()
                raise Cancelled()
    if block:
        pending.append(hasher.submit(digest.update, b"".join(block)))
    for fut in pending:
        fut.result()
    return digest.hexdigest(), size


def check_derived(vault: VaultCore, item_id: str, thumbnail_id: str | None,
                  dump_id: str | None, text: ItemText | None) -> list[str]:
    """Read every derived object of an item; rebuild the damaged ones from the original.
    Returns one sentence per damaged object, saying whether it was rebuilt."""
    damaged = failing_parts(vault.objects, item_id, text, dump_id, thumbnail_id)
    if not damaged:
        return []
    try:
        rebuild_derived(vault, item_id)
        outcome = "rebuilt from the original"
    except StrongroomError as exc:
        outcome = f"not rebuilt: {exc}"
    return [f"{what} (derived, rebuildable): {reason}; {outcome}"
            for what, reason in damaged.items()]


def verify_vault(vault: VaultCore, progress: Progress | None = None,
                 cancel: Callable[[], bool] | None = None,
                 rollbacks: Sequence[TrustWarning] = ()) -> VerifyReport:
    """``rollbacks``: what the witnesses found (damage ones), reported in their own field and
    taken into account when naming the cause of other findings."""
    report = VerifyReport(catalog_problems=check_catalog(vault), rollbacks=list(rollbacks))
    try:
        with vault.sessions() as session:
            rows = session.execute(select(
                Item.id, Item.original_name, Item.object_id, Item.sha256, Item.size,
                Item.thumbnail_id, Item.metadata_dump_id).order_by(Item.imported_at, Item.id)
            ).all()
            texts = {row.item_id: row for row in session.scalars(select(ItemText))}
            index_files = session.execute(select(IndexFile.name, IndexFile.object_id)).all()
    except DatabaseError as exc:  # the item list itself is unreadable: nothing more to check
        report.catalog_problems.append(f"catalog: the item list cannot be read "
                                       f"({database_reason(exc)})")
        return report
    total = len(rows)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sr-verify") as hasher:
        for done, row in enumerate(rows):
            if progress is not None:
                progress(done, total, row.original_name)
            if cancel is not None and cancel():
                report.cancelled = True
                return report
            try:
                digest, size = _rehash(vault, row.object_id, hasher, cancel)
            except Cancelled:
                report.cancelled = True
                return report
            except (IntegrityError, ObjectMissing) as exc:
                reason = exc.reason if isinstance(exc, IntegrityError) else str(exc)
                report.damaged.append(Damage(row.id, row.original_name,
                                             f"original: {reason}"))
                continue
            report.items += 1
            report.bytes += size
            if size != row.size:
                report.damaged.append(Damage(row.id, row.original_name,
                                             f"original is {size} bytes, recorded {row.size}"))
            elif not hmac.compare_digest(digest, row.sha256):
                report.damaged.append(Damage(row.id, row.original_name,
                                             "original does not hash to its recorded SHA-256"))
            report.damaged += [Damage(row.id, row.original_name, problem) for problem in
                               check_derived(vault, row.id, row.thumbnail_id,
                                             row.metadata_dump_id, texts.get(row.id))]
    for name, object_id in index_files:
        try:
            for _ in vault.objects.iter_plaintext(object_id):
                pass
        except (IntegrityError, ObjectMissing):
            report.index_problems.append(index_damage(name, report.rollbacks))
    try:
        report.custody_problems = vault.check_custody()
    except DatabaseError as exc:
        report.catalog_problems.append(f"catalog: the custody log cannot be read "
                                       f"({database_reason(exc)})")
    if progress is not None:
        progress(total, total, "")
    return report
