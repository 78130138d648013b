"""Where an export writes until it is complete, so that a killed export leaves nothing readable
and its custody events land only with a complete package.

An export (a court package or publication copies) is written in a hidden folder beside its
target. The folder is recorded in the catalog before the first decrypted file goes in. The
export's custody events are committed in the same transaction that marks the record
``recorded``, when every file is written; the folder is then renamed to the target and the
record dropped. If the process dies on the way, the next unlock finds the record:

- not recorded: the folder holds decrypted files of an export that never happened; it is
  removed and the user is told (nothing of that export is in the custody log);
- recorded: the folder holds the complete package whose export is in the custody log; it is
  put in place (under a free name beside the target if that is taken) and the user is told.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

import archive.notices as notices
from archive.catalog.models_outside import ExportStaging
from archive.errors import BadInput
from archive.notices import Notice
from archive.storage.fsio import PRIVATE_DIR, fsync_dir

log = logging.getLogger(__name__)


@dataclass
class Staging:
    """The hidden folder an export writes in (``folder``) and the name it gets (``target``)."""

    record_id: int
    folder: Path
    target: Path

    def mark_recorded(self, session: Session) -> None:
        """In the transaction that commits the export's custody events, after every file is
        written: from this commit on, the folder is a complete package."""
        session.execute(update(ExportStaging).where(ExportStaging.id == self.record_id)
                        .values(recorded=True))

    def is_recorded(self, sessions: sessionmaker[Session]) -> bool | None:
        """Whether the commit of :meth:`mark_recorded` went in (None: cannot tell now)."""
        try:
            with sessions() as session:
                return bool(session.scalar(select(ExportStaging.recorded)
                                           .where(ExportStaging.id == self.record_id)))
        except Exception:  # noqa: BLE001 - the catalog failing is what brought us here
            return None


def _forget(sessions: sessionmaker[Session], record_id: int) -> None:
    with sessions.begin() as session:
        session.execute(delete(ExportStaging).where(ExportStaging.id == record_id))


@contextlib.contextmanager
def staged_export(sessions: sessionmaker[Session], out: Path, what: str) -> Iterator[Staging]:
    """Record a hidden folder beside ``out``, create it, let the block fill it (the block calls
    :meth:`Staging.mark_recorded` in its last transaction), then rename it to ``out``. A block
    that fails before it is recorded takes its folder and record with it."""
    out = Path(os.path.abspath(out))
    if out.exists():
        raise BadInput(f"{out}: already exists; choose a new folder for the {what}")
    if not out.parent.is_dir():
        raise BadInput(f"{out.parent}: there is no such folder")
    folder = out.with_name(f".{out.name}.partial-{os.urandom(4).hex()}")
    with sessions.begin() as session:  # known to the vault before any plaintext is written
        record = ExportStaging(folder=str(folder), target=str(out),
                               started_at=datetime.now(UTC).replace(tzinfo=None), recorded=False)
        session.add(record)
        session.flush()
        staging = Staging(record.id, folder, out)
    try:
        folder.mkdir(mode=PRIVATE_DIR)
        yield staging
        _rename(folder, out)
    except BaseException:
        if staging.is_recorded(sessions) is False:  # its events never went in: nothing stays
            shutil.rmtree(folder, ignore_errors=True)
            with contextlib.suppress(Exception):
                _forget(sessions, staging.record_id)
        raise  # otherwise the next unlock puts the package in place, or clears the folder
    _forget(sessions, staging.record_id)


def _rename(folder: Path, target: Path) -> None:
    os.replace(folder, target)
    fsync_dir(target.parent)


def _free_name(target: Path) -> Path:
    if not target.exists():
        return target
    n = 2
    while (candidate := target.with_name(f"{target.name} ({n})")).exists():
        n += 1
    return candidate


def settle_interrupted(sessions: sessionmaker[Session]) -> list[Notice]:
    """At unlock: clear what interrupted exports left (see the module's description). Returns
    what the user must be told."""
    with sessions() as session:
        records = list(session.scalars(select(ExportStaging).order_by(ExportStaging.id)))
    told: list[Notice] = []
    for record in records:
        folder, target = Path(record.folder), Path(record.target)
        if not folder.parent.is_dir():  # a disk that is not attached now: ask again next time
            told.append(notices.export_unreachable(str(folder)))
            continue
        if not record.recorded:
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
                if folder.exists():
                    told.append(notices.export_not_removed(str(folder)))
                    continue
                told.append(notices.export_removed(str(folder), str(target)))
                log.warning("removed the staging folder of an interrupted export")
        elif folder.exists():
            place = _free_name(target)
            _rename(folder, place)
            told.append(notices.export_put_in_place(str(place)))
        _forget(sessions, record.id)
    return told


def interrupted_count(sessions: sessionmaker[Session]) -> int:
    """How many exports wait to be cleared (a read-only opening can only say so)."""
    with sessions() as session:
        return len(list(session.scalars(select(ExportStaging.id))))
