"""``Vault``: the one public face of the archive (create, unlock, lock, keys, objects)."""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from archive.catalog import engine as catalog
from archive.catalog import records
from archive.catalog.models import Checkpoint, ObjectExtent, VaultRecord
from archive.custody import checkpoint, merkle
from archive.custody.log import CustodyLog, Event, Recorder, check_log, utc_now
from archive.errors import (
    StrongroomError,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    WrongPassphrase,
    WrongRecoveryKey,
)
from archive.exhibits.package import ExportResult, write_bag
from archive.exhibits.publication import PublicationCopy, write_publication
from archive.indexing import Indexer
from archive.intake.importer import Importer, ImportOptions, ImportReport, Progress
from archive.storage.fsio import fsync_dir, make_private_dir
from archive.storage.header import FORMAT_VERSION, HEADER_NAME, VaultHeader, read_header
from archive.storage.lock import VaultLockFile
from archive.storage.objects import ObjectReader, ObjectStore
from archive.storage.packs import NewPack, PackFiles
from archive.storage.slotmap import Extent, SlotMap
from archive.verify import VerifyReport, verify_vault
from crypto import kdf, keys, signing
from crypto.errors import AuthenticationFailed, MalformedKey
from search import Hit

log = logging.getLogger(__name__)

# libsodium MODERATE: 3 passes over 256 MiB, about one second here. Tests set a cheap one.
DEFAULT_KDF = kdf.MODERATE
DEFAULT_SLOTS_PER_PACK = 1024  # 1024 x 65,600 bytes = 64.06 MiB per pack
LOCK_NAME = "lock"


@dataclass(frozen=True)
class PublicFacts:
    """Everything a disk reader can learn without a key; ``strongroom info`` prints it."""

    format_version: int
    kdf_opslimit: int
    kdf_memlimit: int
    pack_count: int
    pack_bytes: int
    catalog_bytes: int

    @property
    def total_bytes(self) -> int:
        return self.pack_count * self.pack_bytes + self.catalog_bytes


@dataclass
class _Unlocked:
    master: bytes
    engine: Engine
    sessions: sessionmaker[Session]
    store: ObjectStore
    signer: signing.Signer
    custody: CustodyLog
    indexer: Indexer | None = None


@dataclass
class Transaction:
    """One catalog transaction with its custody recorder; see :meth:`Vault.transaction`."""

    session: Session
    custody: Recorder
    actor: str


class Vault:
    def __init__(self, path: Path, header: VaultHeader) -> None:
        self.path = path
        self._header = header
        self._lock_file = VaultLockFile(path / LOCK_NAME)
        self._open: _Unlocked | None = None

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def create(
        cls,
        path: str | os.PathLike[str],
        passphrase: str,
        *,
        kdf_params: kdf.KdfParams | None = None,
        slots_per_pack: int = DEFAULT_SLOTS_PER_PACK,
    ) -> tuple[Vault, str]:
        """Make a new vault and return it unlocked, with the recovery key to show once."""
        folder = Path(path)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise VaultExists(f"{folder}: already exists and is not an empty folder")
        params = kdf_params or DEFAULT_KDF
        kdf.normalize_passphrase(passphrase)  # refuse an empty passphrase before any work
        make_private_dir(folder)
        master = keys.new_master_key()
        recovery = keys.new_recovery_secret()
        salt = kdf.new_salt()
        draft = VaultHeader(slots_per_pack, params, salt, b"", b"", b"")
        kek = kdf.derive_key(passphrase, salt, params)
        header = VaultHeader(
            slots_per_pack=slots_per_pack,
            kdf=params,
            salt=salt,
            wrapped_by_passphrase=keys.wrap_key(kek, master, draft.keyslot_ad("passphrase")),
            wrapped_by_recovery=keys.wrap_key(
                keys.recovery_kek(recovery), master, draft.keyslot_ad("recovery")
            ),
            sealed_signing_seed=signing.seal_signing_seed(
                keys.subkey(master, keys.Purpose.SIGNING_WRAP), signing.new_signing_seed()
            ),
        )
        vault = cls(folder, header)
        vault._lock_file.acquire()
        try:
            packs = PackFiles(folder, slots_per_pack)
            packs.ensure_folder()
            NewPack(packs, 0).finish()  # an empty vault already looks like a small full one
            engine = catalog.open_engine(folder / catalog.CATALOG_NAME,
                                         keys.subkey(master, keys.Purpose.CATALOG))
            catalog.upgrade(engine)
            with catalog.session_factory(engine).begin() as session:
                session.add(VaultRecord(id=1, vault_id=os.urandom(16).hex(),
                                        created_at=datetime.now(UTC).replace(tzinfo=None),
                                        format_version=FORMAT_VERSION))
            engine.dispose()
            header.write(folder)  # last: a folder without a header is not a vault yet
            fsync_dir(folder)
            vault._finish_unlock(master)
        except BaseException:
            vault._lock_file.release()
            raise
        return vault, keys.format_recovery_key(recovery)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Vault:
        """Read the header; the vault stays locked until :meth:`unlock`."""
        folder = Path(path)
        return cls(folder, read_header(folder))

    def unlock(self, passphrase: str) -> None:
        self._header = read_header(self.path)
        kek = kdf.derive_key(passphrase, self._header.salt, self._header.kdf)
        try:
            master = keys.unwrap_key(kek, self._header.wrapped_by_passphrase,
                                     self._header.keyslot_ad("passphrase"))
        except AuthenticationFailed:
            raise WrongPassphrase("wrong passphrase; nothing was changed") from None
        self._start(master)

    def unlock_with_recovery(self, recovery_key: str) -> None:
        self._header = read_header(self.path)
        try:
            secret = keys.parse_recovery_key(recovery_key)
        except MalformedKey as exc:
            raise WrongRecoveryKey(f"{exc}; nothing was changed") from None
        try:
            master = keys.unwrap_key(keys.recovery_kek(secret), self._header.wrapped_by_recovery,
                                     self._header.keyslot_ad("recovery"))
        except AuthenticationFailed:
            raise WrongRecoveryKey("that recovery key does not open this vault") from None
        self._start(master)

    def _start(self, master: bytes) -> None:
        if self._open is not None:
            return
        self._lock_file.acquire()
        try:
            self._finish_unlock(master)
        except BaseException:
            self._lock_file.release()
            raise

    def _finish_unlock(self, master: bytes) -> None:
        try:
            seed = signing.open_signing_seed(
                keys.subkey(master, keys.Purpose.SIGNING_WRAP), self._header.sealed_signing_seed
            )
        except AuthenticationFailed:
            raise VaultDamaged("the vault header is damaged (the signing key fails its check)") \
                from None
        packs = PackFiles(self.path, self._header.slots_per_pack)
        swept = packs.sweep_unfinished()
        if swept:
            log.info("removed %d unfinished pack(s) left by an interrupted write", swept)
        engine = catalog.open_engine(self.path / catalog.CATALOG_NAME,
                                     keys.subkey(master, keys.Purpose.CATALOG))
        try:
            catalog.upgrade(engine)
            sessions = catalog.session_factory(engine)
            slots = SlotMap(self._header.slots_per_pack)
            for number in packs.existing():
                slots.add_pack(number)
            with sessions() as session:
                rows = session.execute(
                    select(ObjectExtent.pack, ObjectExtent.first_slot, ObjectExtent.slot_count)
                ).all()
            missing_packs = {r.pack for r in rows} - set(slots.packs)
            for number in missing_packs:  # keep the map whole; reads will report the loss
                slots.add_pack(number)
            slots.mark_used(Extent(r.pack, r.first_slot, r.slot_count) for r in rows)
            signer = signing.Signer(seed)
            with sessions() as session:
                vault_id = session.scalars(select(VaultRecord.vault_id)).one()
                custody = CustodyLog(f"strongroom/{vault_id}", signer)
                custody.load(session)
        except BaseException:
            engine.dispose()
            raise
        self._open = _Unlocked(master, engine, sessions, ObjectStore(packs, slots, sessions),
                               signer, custody)
        try:
            self._open.indexer = Indexer(self)
            repaired = self._open.indexer.repair()
            if repaired:
                log.info("search index brought up to date (%d item(s))", repaired)
        except BaseException:
            self.lock()
            raise

    def lock(self) -> None:
        """Drop every key and cached plaintext, close the catalog and release the lock file."""
        state, self._open = self._open, None
        if state is not None:
            state.store.close()
            state.engine.dispose()
        self._lock_file.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, et: type[BaseException] | None, ev: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.lock()

    # ------------------------------------------------------------------ keys
    def change_passphrase(self, new_passphrase: str, kdf_params: kdf.KdfParams | None = None,
                          actor: str | None = None) -> None:
        """Rewrap the master key under a new passphrase; nothing else is re-encrypted."""
        state = self._require()
        params = kdf_params or self._header.kdf
        salt = kdf.new_salt()
        draft = self._header.with_passphrase_slot(params, salt, b"")
        kek = kdf.derive_key(new_passphrase, salt, params)
        wrapped = keys.wrap_key(kek, state.master, draft.keyslot_ad("passphrase"))
        header = draft.with_passphrase_slot(params, salt, wrapped)
        with self.transaction(actor) as tx:
            tx.custody.record("passphrase-change",
                              details={"kdf": {"opslimit": params.opslimit,
                                               "memlimit": params.memlimit}})
            header.write(self.path)
        self._header = header

    # ------------------------------------------------------------------ transactions
    @contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Transaction]:
        """A catalog transaction whose custody events are sealed by a signed checkpoint in the
        same commit. Writers are serialised, so event sequence numbers have no gaps."""
        state = self._require()
        with state.custody.lock:
            session = state.sessions()
            recorder = state.custody.recorder(session, actor or default_actor())
            try:
                with session.begin():
                    yield Transaction(session, recorder, actor or default_actor())
                    state.store.flush()
                    recorder.seal()
                recorder.committed()
            finally:
                session.close()

    @property
    def custody(self) -> CustodyLog:
        return self._require().custody

    # ------------------------------------------------------------------ evidence
    def import_paths(self, paths: Sequence[str | os.PathLike[str]], *,
                     options: ImportOptions | None = None, progress: Progress | None = None,
                     cancel: Callable[[], bool] | None = None,
                     report: ImportReport | None = None) -> ImportReport:
        """Import files and folders (recursively); see :mod:`archive.intake` (and
        :meth:`Importer.run` for watching ``report`` fill up from ``progress``)."""
        self._require()
        report = Importer(self, options or ImportOptions()).run(paths, progress, cancel, report)
        # Only what this import touched (new items; known ones given a case or tags). A crash
        # before this point is healed by the full comparison at the next unlock.
        touched = {r.item_id for r in report.results if r.item_id is not None}
        if touched:
            self._indexer().reindex_items(sorted(touched))
        return report

    def _indexer(self) -> Indexer:
        indexer = self._require().indexer
        if indexer is None:
            raise VaultLocked("the vault is still opening")
        return indexer

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """Full-text search; raises :class:`search.QueryError` with a readable message."""
        return self._indexer().search(query, limit)

    def rebuild_index(self, progress: Progress | None = None) -> int:
        """Throw the search index away and build it again from the catalog."""
        return self._indexer().rebuild(progress)

    def delete_item(self, ref: str, reason: str, actor: str | None = None) -> None:
        """Crypto-erase an item: its data keys and catalog rows go, its slots are freed, the
        index forgets it. The custody log keeps the deletion (and the history before it)."""
        if not reason.strip():
            raise StrongroomError("say why the item is deleted; the reason is kept in the log")
        freed = []
        with self.transaction(actor) as tx:
            item = records.resolve_item(tx.session, ref)
            item_id, objects = item.id, [item.object_id, item.thumbnail_id]
            tx.custody.record("deletion-request", item=item.id, sha256=item.sha256,
                              size=item.size, details={"reason": reason})
            tx.session.delete(item)
            tx.session.flush()
            for object_id in objects:
                if object_id is not None:
                    freed += self.objects.delete(tx.session, object_id)
        self.objects.release(freed)
        self._indexer().reindex_items([], [item_id])

    def items(self, case: str | None = None, kind: str | None = None, offset: int = 0,
              limit: int | None = None, since: datetime | None = None,
              ) -> list[records.ItemSummary]:
        """Items in intake order; ``since`` (UTC) keeps those imported at or after it."""
        with self.sessions() as session:
            return records.list_items(session, case, kind, offset, limit, since)

    def item_count(self, case: str | None = None, kind: str | None = None,
                   since: datetime | None = None) -> int:
        with self.sessions() as session:
            return records.count_items(session, case, kind, since)

    def related_recordings(self, ref: str) -> list[records.ItemSummary]:
        """For a timed transcript, the recordings it belongs to (and the other way round)."""
        with self.sessions() as session:
            return records.related_recordings(session, records.resolve_item(session, ref))

    def resolve(self, ref: str) -> str:
        with self.sessions() as session:
            return records.resolve_item(session, ref).id

    def item_detail(self, ref: str) -> dict[str, Any]:
        with self.sessions() as session:
            return records.item_detail(session, records.resolve_item(session, ref))

    def item_text(self, ref: str) -> tuple[str | None, list[dict[str, Any]] | None]:
        with self.sessions() as session:
            item = records.resolve_item(session, ref)
            return (item.text.body, item.text.cues) if item.text else (None, None)

    def cases(self) -> list[tuple[str, str, int]]:
        with self.sessions() as session:
            return records.list_cases(session)

    def open_original(self, ref: str, *, purpose: str = "open", actor: str | None = None,
                      details: dict[str, Any] | None = None) -> ObjectReader:
        """A seekable reader over the original; records a custody event first (``open`` for
        handing the bytes out, ``view`` for showing them)."""
        with self.transaction(actor) as tx:
            item = records.resolve_item(tx.session, ref)
            tx.custody.record(purpose, item=item.id, sha256=item.sha256, size=item.size,
                              details=details or {})
            object_id = item.object_id
        return self.objects.open_reader(object_id)

    def thumbnail(self, ref: str) -> bytes | None:
        """The stored JPEG thumbnail, if there is one (derived data; no custody event)."""
        with self.sessions() as session:
            item = records.resolve_item(session, ref)
            thumb = item.thumbnail_id
        if thumb is None:
            return None
        return b"".join(self.objects.iter_plaintext(thumb))

    def add_note(self, ref: str, text: str, actor: str | None = None) -> int:
        with self.transaction(actor) as tx:
            item = records.resolve_item(tx.session, ref)
            note = records.add_note(tx.session, item, text, tx.actor, utc_now())
            item.index_rev += 1
            tx.session.flush()
            tx.custody.record("note", item=item.id, sha256=item.sha256, size=item.size,
                              details={"note_id": note.id,
                                       "note_sha256": hashlib.sha256(text.encode()).hexdigest()})
            note_id, item_id = note.id, item.id
        self._indexer().reindex_items([item_id])
        return note_id

    def change_tags(self, ref: str, add: Sequence[str] = (), remove: Sequence[str] = (),
                    actor: str | None = None) -> tuple[list[str], list[str]]:
        with self.transaction(actor) as tx:
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
            item_id = item.id
        self._indexer().reindex_items([item_id])
        return added, removed

    def custody_events(self, ref: str | None = None) -> list[Event]:
        with self.sessions() as session:
            item_id = records.resolve_item(session, ref).id if ref else None
            return records.custody_events(session, item_id)

    def check_custody(self) -> list[str]:
        """Problems in the custody log (empty when whole); see :func:`custody.check_log`."""
        log = self.custody
        with self.sessions() as session:
            return check_log(session, log.origin, log.public_key())

    def verify(self, progress: Progress | None = None, cancel: Callable[[], bool] | None = None,
               actor: str | None = None) -> VerifyReport:
        """Re-hash every original, read every derived object, check the custody log and its
        checkpoints. A run that finds nothing wrong is recorded as a custody event."""
        self.objects.forget_cached()
        report = verify_vault(self, progress, cancel)
        if report.ok:
            with self.transaction(actor) as tx:
                tx.custody.record("verify", details={"items": report.items,
                                                     "bytes": report.bytes, "result": "clean"})
        return report

    def export(self, out: str | os.PathLike[str], *, case: str | None = None,
               items: Sequence[str] = (), actor: str | None = None,
               progress: Progress | None = None,
               cancel: Callable[[], bool] | None = None) -> ExportResult:
        """Write an exhibit package (BagIt) for a case or chosen items; see archive.export."""
        return write_bag(self, Path(out), case=case, refs=items, actor=actor, progress=progress,
                         cancel=cancel)

    def publication_copies(self, out: str | os.PathLike[str], *, case: str | None = None,
                           items: Sequence[str] = (), actor: str | None = None,
                           progress: Progress | None = None,
                           cancel: Callable[[], bool] | None = None) -> list[PublicationCopy]:
        """Metadata-free derivatives named by exhibit number (see archive.publication)."""
        return write_publication(self, Path(out), case=case, refs=items, actor=actor,
                                 progress=progress, cancel=cancel)

    def check_checkpoint(self, note: str) -> list[str]:
        """Hold a checkpoint handed out earlier (with an export) against the log as it is now:
        it must be signed by this vault and the current log must extend it."""
        log = self.custody
        try:
            old = checkpoint.verify(note, log.origin, log.public_key())
        except checkpoint.CheckpointError as exc:
            return [f"the earlier checkpoint: {exc}"]
        problems = self.check_custody()
        with log.lock:
            if old.size > log.size:
                return problems + [f"the log has {log.size} events, fewer than the "
                                   f"{old.size} the earlier checkpoint covered"]
            proof = log.consistency_proof(old.size, log.size)
            if not merkle.verify_consistency(old.size, log.size, old.root, log.root(), proof):
                problems.append("the current log does not extend the earlier checkpoint "
                                "(history was removed or rewritten)")
        return problems

    def inclusion_proof(self, seq: int, tree_size: int | None = None) -> list[bytes]:
        """RFC 6962 audit path of event ``seq`` in the tree of ``tree_size`` events."""
        log = self.custody
        with log.lock:
            return log.inclusion_proof(seq, tree_size)

    def consistency_proof(self, old_size: int, new_size: int | None = None) -> list[bytes]:
        """RFC 6962 proof that the tree of ``new_size`` events extends that of ``old_size``."""
        log = self.custody
        with log.lock:
            return log.consistency_proof(old_size, new_size)

    def checkpoint_at(self, tree_size: int) -> str | None:
        with self.sessions() as session:
            return session.scalar(select(Checkpoint.note)
                                  .where(Checkpoint.tree_size == tree_size))

    def latest_checkpoint(self) -> str | None:
        with self.sessions() as session:
            return session.scalar(select(Checkpoint.note).order_by(Checkpoint.tree_size.desc())
                                  .limit(1))

    # ------------------------------------------------------------------ access
    def _require(self) -> _Unlocked:
        if self._open is None:
            raise VaultLocked("the vault is locked; unlock it first")
        return self._open

    @property
    def is_unlocked(self) -> bool:
        return self._open is not None

    @property
    def objects(self) -> ObjectStore:
        return self._require().store

    @property
    def sessions(self) -> sessionmaker[Session]:
        return self._require().sessions

    @property
    def signer(self) -> signing.Signer:
        return self._require().signer

    def subkey(self, purpose: keys.Purpose) -> bytes:
        return keys.subkey(self._require().master, purpose)

    @property
    def header(self) -> VaultHeader:
        return self._header

    def public_facts(self) -> PublicFacts:
        packs = PackFiles(self.path, self._header.slots_per_pack).existing()
        db = self.path / catalog.CATALOG_NAME
        catalog_bytes = sum(
            p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists()
        )
        return PublicFacts(
            format_version=self._header.version,
            kdf_opslimit=self._header.kdf.opslimit,
            kdf_memlimit=self._header.kdf.memlimit,
            pack_count=len(packs),
            pack_bytes=self._header.pack_bytes,
            catalog_bytes=catalog_bytes,
        )


def default_actor() -> str:
    """Who is acting, for the custody log (kept only inside the encrypted catalog)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def is_vault(path: str | os.PathLike[str]) -> bool:
    return (Path(path) / HEADER_NAME).is_file()
