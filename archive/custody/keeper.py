"""``WitnessKeeper``: writes the latest signed checkpoint to every witness place after each commit
that adds custody events, and holds the vault against every witness it finds at unlock.

Places: one in the user's state folder (always), plus folders the user adds per vault (a USB
stick, a second disk, a synced folder), listed in the encrypted catalog. A place that cannot be
written is reported, never fatal. Logs name places by number only, never by path.

Once a rollback has been found, the witnesses are left as they are (they are the evidence of it)
until the user acknowledges the warning; only then are they brought up to the current log.
"""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, sessionmaker

from archive.catalog.models_outside import WitnessFolder
from archive.custody import rollback, witness
from archive.custody.log import CustodyLog, utc_now
from archive.custody.rollback import TrustWarning
from archive.custody.witness import Witness, WitnessError, WitnessKeys
from archive.errors import BadInput
from archive.storage.objects import ObjectStore

log = logging.getLogger(__name__)


class WitnessKeeper:
    def __init__(self, witness_keys: WitnessKeys, vault_id: str, custody: CustodyLog,
                 sessions: sessionmaker[Session], store: ObjectStore) -> None:
        self._keys = witness_keys
        self.file_name = witness_keys.file_name(vault_id)
        self._custody = custody
        self._sessions = sessions
        self._store = store
        self._lock = threading.Lock()
        self._found: list[TrustWarning] = []  # from the last check
        self._unwritten: dict[str, TrustWarning] = {}  # by place, from the last write
        self._held = False  # witnesses kept as they are until a rollback is acknowledged
        self.acknowledged = False  # a rollback was found and acknowledged in this session
        self._folders = self._load_folders()

    # ------------------------------------------------------------------ places
    def _load_folders(self) -> list[Path]:
        with self._sessions() as session:
            return [Path(f) for f in session.scalars(select(WitnessFolder.folder)
                                                     .order_by(WitnessFolder.id))]

    def places(self) -> list[Path]:
        """Every witness folder: the state folder first, then the user's."""
        return [witness.state_folder(), *self._folders]

    def folders(self) -> list[Path]:
        """The folders the user added for this vault."""
        return list(self._folders)

    def add_folder(self, folder: Path) -> list[TrustWarning]:
        folder = Path(folder).expanduser().resolve()
        if not folder.is_dir():
            raise BadInput(f"{folder}: not a folder; nothing was changed")
        if folder in self.places():
            raise BadInput(f"{folder}: already a witness folder of this vault")
        with self._sessions.begin() as session:
            session.add(WitnessFolder(folder=str(folder), added_at=utc_now()))
        self._folders = self._load_folders()
        with self._custody.lock:
            return self.write_all()

    def remove_folder(self, folder: Path) -> None:
        """Forget a folder (its witness file is removed when the folder is there)."""
        wanted = str(Path(folder).expanduser().resolve())
        with self._sessions.begin() as session:
            gone = session.execute(delete(WitnessFolder).where(WitnessFolder.folder == wanted))
            if not gone.rowcount:  # type: ignore[attr-defined]
                raise BadInput(f"{folder}: not a witness folder of this vault")
        self._folders = self._load_folders()
        self._unwritten.pop(wanted, None)
        try:
            (Path(wanted) / self.file_name).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("a removed witness folder kept its witness (%s)", type(exc).__name__)

    # ------------------------------------------------------------------ writing
    def after_commit(self) -> list[TrustWarning]:
        """Called with the custody lock held, after a commit that added events."""
        if self._held:
            return [self._kept_warning()]
        return self.write_all()

    def write_all(self) -> list[TrustWarning]:
        """Seal the current checkpoint and write it to every place (custody lock held)."""
        if self._held or self._custody.size == 0:
            return []
        note = self._custody.sign(self._custody.size, self._custody.root())
        blob = witness.seal(self._keys, note, datetime.now(UTC))
        problems = []
        places = self.places()
        for number, folder in enumerate(places):
            try:
                witness.write(folder, self.file_name, blob, create_folder=number == 0)
            except OSError as exc:
                log.warning("witness place %d of %d could not be written (%s)", number + 1,
                            len(places), type(exc).__name__)
                warning = TrustWarning(
                    rollback.UNWRITTEN_WITNESS, f"the witness in {folder} could not be "
                    f"written ({exc.strerror or exc}); the import or change itself was kept",
                    where=str(folder))
                self._unwritten[str(folder)] = warning
                problems.append(warning)
            else:
                self._unwritten.pop(str(folder), None)
        return problems

    def _kept_warning(self) -> TrustWarning:
        return TrustWarning(rollback.KEPT_WITNESSES, "the witnesses are kept as they were until "
                            "the rollback warning is acknowledged")

    # ------------------------------------------------------------------ checking
    def find(self) -> tuple[list[Witness], list[TrustWarning]]:
        found, unreadable = [], []
        for folder in self.places():
            try:
                seen = witness.read(folder, self.file_name, self._keys)
            except WitnessError as exc:
                unreadable.append(TrustWarning(rollback.UNREADABLE_WITNESS, str(exc),
                                               where=str(folder / self.file_name)))
                continue
            if seen is not None:
                found.append(seen)
        return found, unreadable

    def hold(self, seen: Witness) -> TrustWarning | None:
        with self._custody.lock:
            return rollback.hold_against(seen, list(self._custody.leaves), self._custody.origin,
                                         self._custody.public_key())

    def check(self, probe_packs: bool = True) -> list[TrustWarning]:
        """Hold the log against every witness found, and the packs against the catalog. Called
        at unlock (before anything new is written) and by verify."""
        found, warnings = self.find()
        agreeing = []
        for seen in found:
            problem = self.hold(seen)
            if problem is None:
                agreeing.append(seen)
            else:
                warnings.append(problem)
        # After a log rollback the catalog is the older part: slots it thinks are its own were
        # written again later, and the packs say nothing more.
        if probe_packs and not any(w.damage for w in warnings):
            with self._sessions() as session:
                packs = rollback.probe_packs(session, self._store)
            if packs and agreeing:  # the witness vouches that the catalog is the current one
                best = max(agreeing, key=lambda w: w.checkpoint.size)
                packs = [TrustWarning(p.kind, f"{p.message}; the catalog matches "
                                      f"{best.describe()}", where=best.where,
                                      tree_size=best.checkpoint.size,
                                      written_at=best.written_at, extra=p.extra) for p in packs]
            warnings += packs
        with self._lock:
            self._found = warnings
            if any(w.damage for w in warnings):
                self._held = True
        return warnings

    def check_given(self, path: Path) -> list[TrustWarning]:
        """Hold the log against a witness or an exported checkpoint given by hand."""
        seen = witness.read_given(Path(path), self._keys)
        problem = self.hold(seen)
        return [problem] if problem is not None else []

    # ------------------------------------------------------------------ for the user
    @property
    def warnings(self) -> list[TrustWarning]:
        with self._lock:
            return [*self._found, *self._unwritten.values()]

    @property
    def held(self) -> bool:
        return self._held

    def acknowledge(self) -> list[TrustWarning]:
        """The user has seen the rollback warnings: clear them and bring every witness up to
        the log as it is now (from here on, this is the history the witnesses remember)."""
        with self._custody.lock:
            with self._lock:
                self.acknowledged = self.acknowledged or self._held
                self._held = False
                self._found = []
            return self.write_all()
