"""``VaultCore``: the unlocked parts of a vault, which the services (intake, indexing, verify,
exhibits) receive instead of the :class:`archive.vault.Vault` facade.

It holds the keys, the catalog's sessions, the object store, the custody log and the signer, and
opens transactions whose custody events are sealed by a signed checkpoint in the same commit. It
imports no service and never the facade, so the services can depend on it without a circle.
"""

from __future__ import annotations

import getpass
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session, sessionmaker

from archive.catalog import engine as catalog
from archive.catalog.models import Checkpoint, ObjectExtent, VaultRecord
from archive.custody import checkpoint, merkle
from archive.custody.log import CustodyLog, Recorder, check_log
from archive.custody.trust import Trust
from archive.errors import VaultDamaged, VaultReadOnly
from archive.storage.header import VaultHeader
from archive.storage.objects import ObjectStore
from archive.storage.packs import PackFiles
from archive.storage.slotmap import Extent, SlotMap
from crypto import keys, signing
from crypto.errors import AuthenticationFailed

log = logging.getLogger(__name__)


@dataclass
class Transaction:
    """One catalog transaction with its custody recorder; see :meth:`VaultCore.transaction`."""

    session: Session
    custody: Recorder
    actor: str


class VaultCore:
    """Everything a service needs from an unlocked vault, and nothing of its lifecycle."""

    def __init__(self, path: Path, master: bytes, engine: Engine,
                 sessions: sessionmaker[Session], objects: ObjectStore,
                 signer: signing.Signer, custody: CustodyLog) -> None:
        self.path = path
        self._master = master
        self.engine = engine
        self.sessions = sessions
        self.objects = objects
        self.signer = signer
        self.custody = custody
        self.trust = Trust(self.subkey(keys.Purpose.WITNESS), custody, sessions, objects)
        self.examiner = ""  # the vault's examiner (catalog ``vault.examiner``), set at open
        self.read_only = False  # opened without writing (see open_core); nothing is recorded
        # Read-only: derived data made again in memory by item id (see derived_access),
        # kept while the vault is open; dropped with the core when it locks.
        self.healed_in_memory: dict[str, Any] = {}

    def actor(self, given: str | None = None) -> str:
        """Who acts: ``given``, else $STRONGROOM_ACTOR, else the vault's examiner, else the login
        name."""
        return default_actor(given, self.examiner)

    def subkey(self, purpose: keys.Purpose) -> bytes:
        return keys.subkey(self._master, purpose)

    def rewrap_master(self, kek: bytes, associated_data: bytes) -> bytes:
        """The master key wrapped under ``kek`` (for a new passphrase slot)."""
        return keys.wrap_key(kek, self._master, associated_data)

    @contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Transaction]:
        """A catalog transaction whose custody events are sealed by a signed checkpoint in the
        same commit. Writers are serialised, so event sequence numbers have no gaps."""
        who = self.actor(actor)
        if self.read_only:
            raise VaultReadOnly(READ_ONLY_REFUSAL)
        self.trust.require_acknowledged()  # a rolled-back vault waits for the user
        with self.custody.lock:
            session = self.sessions()
            recorder = self.custody.recorder(session, who)
            try:
                with session.begin():
                    yield Transaction(session, recorder, who)
                    self.objects.flush()
                    recorder.seal()
                recorder.committed()
                if recorder.events:
                    self.trust.after_commit()  # the witnesses learn the new checkpoint
            finally:
                session.close()

    # ------------------------------------------------------------------ custody record
    def check_custody(self) -> list[str]:
        """Problems in the custody log (empty when whole); see :func:`custody.log.check_log`."""
        with self.sessions() as session:
            return check_log(session, self.custody.origin, self.custody.public_key())

    def latest_checkpoint(self) -> str | None:
        with self.sessions() as session:
            return session.scalar(select(Checkpoint.note).order_by(Checkpoint.tree_size.desc())
                                  .limit(1))

    def checkpoint_at(self, tree_size: int) -> str | None:
        with self.sessions() as session:
            return session.scalar(select(Checkpoint.note)
                                  .where(Checkpoint.tree_size == tree_size))

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

    def close(self) -> None:
        self.trust.close()  # first: a time-stamp drain on another thread lets go of the catalog
        self.healed_in_memory.clear()
        self.objects.close()
        self.engine.dispose()


def _slot_map(packs: PackFiles, session: Session | Connection) -> SlotMap:
    """Which slots of the packs hold objects the catalog names (the rest are free)."""
    slots = SlotMap(packs.slots_per_pack)
    for number in packs.existing():
        slots.add_pack(number)
    rows = session.execute(
        select(ObjectExtent.pack, ObjectExtent.first_slot, ObjectExtent.slot_count)).all()
    missing_packs = {r.pack for r in rows} - set(slots.packs)
    for number in missing_packs:  # keep the map whole; reads will report the loss
        slots.add_pack(number)
    slots.mark_used(Extent(r.pack, r.first_slot, r.slot_count) for r in rows)
    return slots


def _store_on(path: Path, header: VaultHeader, conn: Connection) -> ObjectStore:
    """An object store for a catalog migration, on the migration's own connection."""
    packs = PackFiles(path, header.slots_per_pack)
    return ObjectStore(packs, _slot_map(packs, conn), sessionmaker(bind=conn))


READ_ONLY_REFUSAL = ("this vault is open read-only (read-only media or a write-blocked copy): "
                     "nothing can be changed or recorded; list, search, show, cat and verify "
                     "work")


class NeedsWriting(Exception):
    """A read-only opening cannot go on: the catalog must first be repaired or upgraded."""


def open_core(path: Path, header: VaultHeader, master: bytes,
              read_only: bool = False) -> VaultCore:
    """Open the unlocked parts with the master key: the signing key, the catalog (brought up to
    the current schema), the slot map of what is used, and the custody log. Unfinished packs
    left by an interrupted write are removed first.

    ``read_only``: nothing in the vault folder is written, created or removed (no sweep, the
    catalog opened immutable); raises :class:`NeedsWriting` when that cannot be done."""
    try:
        seed = signing.open_signing_seed(
            keys.subkey(master, keys.Purpose.SIGNING_WRAP), header.sealed_signing_seed
        )
    except AuthenticationFailed:
        raise VaultDamaged("the vault header is damaged (the signing key fails its check)") \
            from None
    packs = PackFiles(path, header.slots_per_pack, read_only)
    catalog_path = path / catalog.CATALOG_NAME
    if read_only and catalog.wal_left(catalog_path) and os.access(path, os.W_OK):
        raise NeedsWriting("the catalog was not closed (a crash): it must be opened for "
                           "writing once")
    swept = 0 if read_only else packs.sweep_unfinished()
    if swept:
        log.info("removed %d unfinished pack(s) left by an interrupted write", swept)
    engine = catalog.open_engine(catalog_path, keys.subkey(master, keys.Purpose.CATALOG),
                                 read_only)
    try:
        if not read_only:
            catalog.upgrade(engine, object_store=lambda conn: _store_on(path, header, conn))
        elif not catalog.at_head(engine):
            raise NeedsWriting("the catalog was written by an older version and must be "
                               "brought up to date, which needs writing")
        sessions = catalog.session_factory(engine)
        with sessions() as session:
            slots = _slot_map(packs, session)
        signer = signing.Signer(seed)
        with sessions() as session:
            record = session.scalars(select(VaultRecord)).one()
            custody = CustodyLog(f"strongroom/{record.vault_id}", signer)
            custody.load(session)
            examiner = record.examiner or ""
    except BaseException:
        engine.dispose()
        raise
    core = VaultCore(path, master, engine, sessions, ObjectStore(packs, slots, sessions),
                     signer, custody)
    core.examiner = examiner
    core.read_only = read_only
    return core


ENV_ACTOR = "STRONGROOM_ACTOR"


def default_actor(given: str | None = None, examiner: str = "") -> str:
    """Who is acting, for the custody log (kept only inside the encrypted catalog): the name
    given, else $STRONGROOM_ACTOR, else the vault's examiner, else the login name."""
    for name in (given, os.environ.get(ENV_ACTOR), examiner):
        if name and name.strip():
            return name.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
