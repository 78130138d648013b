"""A passphrase change and its custody event land together or not at all.

The header (which holds the wrapped master key) and the catalog (which holds the custody log) are
two files, so no single write can change both. The new header is first written beside the old
one under a staging name; the custody event that names its SHA-256 is committed; only then is
the staged header renamed over the old one. Whoever opens the vault next settles a staged header
that is still there: renamed into place when the log names it (the change was recorded), removed
when it does not (the change never happened, and its passphrase does not open the vault).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import os
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from archive.catalog.models import CustodyEvent
from archive.custody.log import Event, entry_bytes
from archive.storage.fsio import atomic_write, fsync_dir
from archive.storage.header import HEADER_NAME, VaultHeader, parse_header
from crypto import kdf, keys
from crypto.errors import AuthenticationFailed

log = logging.getLogger(__name__)
STAGED_NAME = HEADER_NAME + ".next"
ACTION = "passphrase-change"


def stage(folder: Path, header: VaultHeader) -> str:
    """Write ``header`` under the staging name; return the SHA-256 its event must name."""
    data = header.to_bytes()
    atomic_write(folder / STAGED_NAME, data)
    return hashlib.sha256(data).hexdigest()


def staged(folder: Path) -> VaultHeader | None:
    """The staged header, if one is waiting (and readable)."""
    try:
        return parse_header((folder / STAGED_NAME).read_bytes())
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a torn or damaged staged header is only ever removed
        return None


def _unwrap(header: VaultHeader, passphrase: str) -> bytes | None:
    kek = kdf.derive_key(passphrase, header.salt, header.kdf)
    try:
        return keys.unwrap_key(kek, header.wrapped_by_passphrase, header.keyslot_ad("passphrase"))
    except AuthenticationFailed:
        return None


def unwrap_master(folder: Path, header: VaultHeader,
                  passphrase: str) -> tuple[bytes, bool] | None:
    """The master key from ``header``'s passphrase slot or, failing that, from a staged
    header's (the new passphrase of an interrupted change), with whether the staged one opened
    it; None when neither does."""
    master = _unwrap(header, passphrase)
    if master is not None:
        return master, False
    waiting = staged(folder)
    master = _unwrap(waiting, passphrase) if waiting is not None else None
    return (master, True) if master is not None else None


def discard(folder: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(folder / STAGED_NAME)
        fsync_dir(folder)


def _recorded_digest(sessions: sessionmaker[Session]) -> str | None:
    with sessions() as session:
        entry = session.scalar(select(CustodyEvent.entry).where(CustodyEvent.action == ACTION)
                               .order_by(CustodyEvent.seq.desc()).limit(1))
    if entry is None:
        return None
    digest = Event.from_entry(entry_bytes(entry)).details.get("header_sha256")
    return digest if isinstance(digest, str) else None


def in_force(folder: Path, sessions: sessionmaker[Session]) -> bool:
    """Whether a staged header is there and its change was recorded (so it is the one that
    counts), without writing anything: what a read-only opening goes by."""
    try:
        data = (folder / STAGED_NAME).read_bytes()
    except FileNotFoundError:
        return False
    recorded = _recorded_digest(sessions)
    return recorded is not None and hmac.compare_digest(recorded,
                                                        hashlib.sha256(data).hexdigest())


def settle(folder: Path, sessions: sessionmaker[Session]) -> bool:
    """Finish or undo a change that was interrupted; True when the staged header went in."""
    path = folder / STAGED_NAME
    if not path.exists():
        return False
    if in_force(folder, sessions):
        os.replace(path, folder / HEADER_NAME)
        fsync_dir(folder)
        log.warning("an interrupted passphrase change was completed")
        return True
    discard(folder)
    return False
