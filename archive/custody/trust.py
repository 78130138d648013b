"""``Trust``: what keeps the custody record honest over time, beyond the vault's own signature.

Witnesses outside the vault (:mod:`archive.custody.keeper`) catch a vault put back from an older
copy; trusted time-stamps (:mod:`archive.custody.stamping`) date its checkpoints by a clock that
is not the vault's. The facade exposes one ``Trust`` per unlocked vault as ``Vault.trust``; the
desktop shows :attr:`Trust.warnings` (the ``damage`` ones in red until :meth:`acknowledge`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from archive.catalog.models import VaultRecord
from archive.custody.keeper import WitnessKeeper
from archive.custody.log import CustodyLog
from archive.custody.rollback import RollbackFound, TrustWarning
from archive.custody.stamping import DRAIN_SECONDS, STAMPED, Stamper, StampOutcome
from archive.custody.witness import WitnessError, WitnessKeys
from archive.errors import BadInput
from archive.storage.objects import ObjectStore

STAMP_WAITING = "timestamp-waiting"
STAMP_REFUSED = "timestamp-refused"


class Trust:
    def __init__(self, witness_key: bytes, custody: CustodyLog,
                 sessions: sessionmaker[Session], objects: ObjectStore) -> None:
        """``witness_key``: the vault's ``Purpose.WITNESS`` sub-key."""
        with sessions() as session:
            vault_id = session.scalars(select(VaultRecord.vault_id)).one()
        self.witnesses = WitnessKeeper(WitnessKeys.from_subkey(witness_key), vault_id, custody,
                                       sessions, objects)
        self.stamps = Stamper(sessions)
        self._custody = custody
        self._lock = threading.Lock()
        self._stamp_outcomes: list[StampOutcome] = []
        self.stamps_due: list[int] = []  # checkpoints to time-stamp, noted at unlock

    # ------------------------------------------------------------------ lifecycle hooks
    def at_unlock(self, write: bool = True) -> list[TrustWarning]:
        """Hold the vault against every witness (before anything new is written), bring the
        witnesses up to date when nothing is wrong, and note which checkpoints wait for a
        time-stamp (sent by :meth:`send_pending_stamps`, never here: unlock contacts nobody).
        ``write`` False (a read-only opening): only the check."""
        found = self.witnesses.check()
        if any(w.damage for w in found) or not write:
            return self.warnings
        with self._custody.lock:
            self.witnesses.write_all()
        self.stamps_due = self.stamps.due()
        return self.warnings

    def close(self) -> None:
        """The vault is locking: a time-stamp drain on another thread stops."""
        self.stamps.close()

    def require_acknowledged(self) -> None:
        """Refuse changes to a vault found rolled back until the user has seen the warning:
        a write could take slots that still hold the data of the lost later items."""
        if self.rollback_found:
            found = "; ".join(w.message for w in self.witnesses.warnings if w.damage)
            raise RollbackFound(f"{found}. Nothing was changed: acknowledge the warning first "
                                "(`strongroom witness acknowledge VAULT`, or in the app)")

    def after_commit(self) -> list[TrustWarning]:
        """After a commit that added custody events (custody lock held)."""
        return self.witnesses.after_commit()

    # ------------------------------------------------------------------ what the user sees
    @property
    def warnings(self) -> list[TrustWarning]:
        """Everything to show: rollbacks (``damage``), witnesses not written, time-stamps
        waiting or refused."""
        with self._lock:
            outcomes = list(self._stamp_outcomes)
        stamps = [TrustWarning(STAMP_WAITING if o.status == "queued" else STAMP_REFUSED,
                               f"time-stamp of checkpoint {o.tree_size}: {o.message}",
                               where=o.authority, tree_size=o.tree_size)
                  for o in outcomes if o.status != STAMPED]
        return [*self.witnesses.warnings, *stamps]

    @property
    def rollback_found(self) -> bool:
        """A rollback was found and the user has not acknowledged it yet."""
        return self.witnesses.held

    @property
    def acknowledged_rollback(self) -> bool:
        return self.witnesses.acknowledged

    def acknowledge(self) -> list[TrustWarning]:
        """The user has seen the rollback warnings: from now on the witnesses remember the log
        as it is (returns witness places that could not be written)."""
        return self.witnesses.acknowledge()

    # ------------------------------------------------------------------ verify
    def check(self, given: list[Path] | None = None) -> list[TrustWarning]:
        """For ``verify``: every witness found, each one given by hand, the packs against the
        catalog, and every kept time-stamp re-verified."""
        problems = []
        for path in given or []:
            try:
                problems += self.witnesses.check_given(path)
            except WitnessError as exc:
                raise BadInput(f"{exc}; nothing was checked") from None
        problems += [w for w in self.witnesses.check() if w.damage]
        problems += [TrustWarning(STAMP_REFUSED, p) for p in self.stamps.check_stored()]
        return problems

    # ------------------------------------------------------------------ time-stamps
    def send_pending_stamps(self, budget: float = DRAIN_SECONDS,
                            cancel: Callable[[], bool] | None = None) -> list[StampOutcome]:
        """Send the waiting checkpoints and the latest one to every authority (nothing when
        the user added none, or while a rollback waits to be acknowledged: a trusted time is
        not given to a log found shorter than its witnesses). Safe on a worker thread; takes
        at most about ``budget`` seconds and holds no vault lock while it waits."""
        if self.rollback_found:
            return []
        outcomes = self.stamps.drain(include_latest=True, budget=budget, cancel=cancel)
        due = self.stamps_due if cancel is not None and cancel() else self._due_after(outcomes)
        with self._lock:
            self._stamp_outcomes = outcomes
            self.stamps_due = due
        return outcomes

    def _due_after(self, outcomes: list[StampOutcome]) -> list[int]:
        return sorted({o.tree_size for o in outcomes if o.status != STAMPED})

    def timestamp(self) -> list[StampOutcome]:
        """``strongroom timestamp``: :meth:`send_pending_stamps` with the default budget."""
        return self.send_pending_stamps()

    def package_files(self, tree_size: int, note: str | None = None,
                      session: Session | None = None) -> dict[str, bytes]:
        return self.stamps.package_files(tree_size, note, session)

