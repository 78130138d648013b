"""``VaultCore``: the unlocked parts of a vault, which the services (intake, indexing, verify,
exhibits) receive instead of the :class:`archive.vault.Vault` facade.

It holds the keys, the catalog's sessions, the object store, the custody log and the signer, and
opens transactions whose custody events are sealed by a signed checkpoint in the same commit. It
imports no service and never the facade, so the services can depend on it without a circle.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from archive.catalog.models import Checkpoint
from archive.custody import checkpoint, merkle
from archive.custody.log import CustodyLog, Recorder, check_log
from archive.storage.objects import ObjectStore
from crypto import keys, signing


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

    def subkey(self, purpose: keys.Purpose) -> bytes:
        return keys.subkey(self._master, purpose)

    def rewrap_master(self, kek: bytes, associated_data: bytes) -> bytes:
        """The master key wrapped under ``kek`` (for a new passphrase slot)."""
        return keys.wrap_key(kek, self._master, associated_data)

    @contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Transaction]:
        """A catalog transaction whose custody events are sealed by a signed checkpoint in the
        same commit. Writers are serialised, so event sequence numbers have no gaps."""
        who = actor or default_actor()
        with self.custody.lock:
            session = self.sessions()
            recorder = self.custody.recorder(session, who)
            try:
                with session.begin():
                    yield Transaction(session, recorder, who)
                    self.objects.flush()
                    recorder.seal()
                recorder.committed()
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
        self.objects.close()
        self.engine.dispose()


def default_actor() -> str:
    """Who is acting, for the custody log (kept only inside the encrypted catalog)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"
